import type { Metadata } from "next";
import { ButtonForm } from "@/app/components/button-form";
import { db } from "@/db/client";
import { findAccountToken } from "@/db/queries/account-tokens";
import { ACCOUNT_TOKEN_PROBLEMS } from "@/lib/auth/account-tokens";
import { currentUser } from "@/lib/server/auth/session";
import { confirmEmailAction } from "../../account-actions";
import { LinkProblem } from "../../link-problem";

export const metadata: Metadata = { title: "Confirm your address", referrer: "no-referrer" };

/** A verification link: opening it only shows the button (mail scanners open links); the button verifies. */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await currentUser();
  const link = await findAccountToken(db(), { token, purpose: "verify_email", signedInUserId: viewer?.id ?? null, now: new Date() });
  if (link.state !== "open") {
    return (
      <LinkProblem
        title="This link cannot be used"
        problem={ACCOUNT_TOKEN_PROBLEMS[link.state]}
        next={viewer ? { href: "/today", label: "Go to Today (it can send a new link)" } : { href: "/sign-in", label: "Sign in to get a new link" }}
      />
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4 py-4">
      <h1 className="text-2xl font-bold">Confirm your address</h1>
      {/* Only its signed-in owner sees whose link it is: a link forwarded or leaked shows no one's name or address. */}
      {viewer ? (
        <p>
          Is <strong className="break-all">{link.email}</strong> your address, {link.name}? Confirm it, and Cadence can send you
          invitations and reminders there.
        </p>
      ) : (
        <p>Confirm the address this link was sent to, and Cadence can send you invitations and reminders there.</p>
      )}
      <ButtonForm action={confirmEmailAction} fields={{ token }} variant="primary" pendingText="Confirming…">
        Confirm my address
      </ButtonForm>
    </div>
  );
}
