import { db } from "@/db/client";
import { getDigestSettings } from "@/db/queries/digest";
import { requireUser } from "@/lib/server/auth/session";
import { requestHourCycle } from "@/lib/server/hour-cycle";
import { DigestForm } from "./digest-form";

/** Settings › Morning digest (docs/product.md, "The morning digest"). */
export async function DigestSection() {
  const user = await requireUser();
  const settings = await getDigestSettings(db(), { userId: user.id });
  if (!settings) return null;
  return (
    <section id="digest" aria-labelledby="digest-heading" className="scroll-mt-4 space-y-4">
      <h2 id="digest-heading" className="text-lg font-semibold">
        Morning digest
      </h2>
      <p className="text-sm text-stone-700">
        An e-mail on each of your contact days with the day&apos;s work: every lead to contact, the suggested channel, links to
        call or write, and a &ldquo;Done&rdquo; link that logs the touch. Every digest has a one-click unsubscribe.
      </p>
      {settings.verified ? null : (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The digest waits until you confirm your e-mail address: follow the link we sent you.
        </p>
      )}
      <DigestForm enabled={settings.enabled} hour={settings.hour} hourCycle={await requestHourCycle()} />
    </section>
  );
}
