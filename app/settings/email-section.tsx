import { requireUser } from "@/lib/server/auth/session";
import { EmailChangeForm } from "./email-form";

/** Settings › E-mail address: changing it takes a link followed from the new address. */
export async function EmailSection() {
  const user = await requireUser();
  return (
    <section id="email" aria-labelledby="email-heading" className="scroll-mt-4 space-y-4">
      <h2 id="email-heading" className="text-lg font-semibold">
        E-mail address
      </h2>
      <p className="text-sm text-stone-700">
        You sign in with <strong className="break-all">{user.email}</strong>. To use another address, we send a link to it:
        the change takes effect when you follow it.
      </p>
      <EmailChangeForm />
    </section>
  );
}
