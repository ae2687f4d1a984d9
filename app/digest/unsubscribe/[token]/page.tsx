import type { Metadata } from "next";
import { LinkProblem } from "@/app/(auth)/link-problem";
import { ButtonForm } from "@/app/components/button-form";
import { db } from "@/db/client";
import { findUnsubscribeLink } from "@/db/queries/digest";
import { DIGEST_LINK_PROBLEMS } from "@/lib/digest/links";
import { unsubscribeDigestAction } from "../../actions";

export const metadata: Metadata = { title: "Stop the morning digest", referrer: "no-referrer" };

/** The digest's unsubscribe link opened in a browser: a button, because opening a link changes nothing. */
export default async function DigestUnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await findUnsubscribeLink(db(), { token, now: new Date() });
  if (state !== "open") {
    return <LinkProblem title="This link cannot be used" problem={DIGEST_LINK_PROBLEMS[state]} next={{ href: "/settings", label: "Change the digest in Settings" }} />;
  }
  return (
    <div className="mx-auto max-w-md space-y-4 py-4">
      <h1 className="text-2xl font-bold">Stop the morning digest</h1>
      <p>No more e-mails with the day&apos;s work each morning. You can turn them on again in Settings.</p>
      <ButtonForm action={unsubscribeDigestAction} fields={{ token }} variant="primary" pendingText="Unsubscribing…">
        Unsubscribe
      </ButtonForm>
    </div>
  );
}
