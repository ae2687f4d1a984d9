import { resendVerificationAction } from "@/app/(auth)/account-actions";
import { ButtonForm } from "./button-form";

/** On every page until the address is verified: invitations by e-mail and reminders wait for it. */
export function VerifyEmailBanner({ email }: { email: string }) {
  return (
    <section aria-label="Confirm your address" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p>
        Please confirm your address, <strong className="break-all">{email}</strong>: open the link we sent there. Until then, Cadence
        sends you no reminders, and a coach cannot invite you by e-mail.
      </p>
      <ButtonForm action={resendVerificationAction} pendingText="Sending…">
        Send the link again
      </ButtonForm>
    </section>
  );
}
