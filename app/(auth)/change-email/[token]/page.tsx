import type { Metadata } from "next";
import { ButtonForm } from "@/app/components/button-form";
import { db } from "@/db/client";
import { findAccountToken } from "@/db/queries/account-tokens";
import { ACCOUNT_TOKEN_PROBLEMS } from "@/lib/auth/account-tokens";
import { currentUser } from "@/lib/server/auth/session";
import { confirmEmailChangeAction } from "../../account-actions";
import { LinkProblem } from "../../link-problem";

export const metadata: Metadata = { title: "Confirm your new address", referrer: "no-referrer" };

/** An e-mail change link: opening it only shows the button (mail scanners open links); the button changes the address. */
export default async function ChangeEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await currentUser();
  const link = await findAccountToken(db(), { token, purpose: "change_email", signedInUserId: viewer?.id ?? null, now: new Date() });
  if (link.state !== "open") {
    return (
      <LinkProblem
        title="This link cannot be used"
        problem={ACCOUNT_TOKEN_PROBLEMS[link.state]}
        next={viewer ? { href: "/settings#email", label: "Go to Settings (it can send a new link)" } : { href: "/sign-in", label: "Sign in" }}
      />
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4 py-4">
      <h1 className="text-2xl font-bold">Confirm your new address</h1>
      {/* Only its signed-in owner sees the address: a link forwarded or leaked shows no one's. */}
      {viewer ? (
        <p>
          Sign in with <strong className="break-all">{link.email}</strong> from now on, {link.name}? Your old address stops
          working for signing in.
        </p>
      ) : (
        <p>Use the address this link was sent to for your Cadence account. Your old address stops working for signing in.</p>
      )}
      <ButtonForm action={confirmEmailChangeAction} fields={{ token }} variant="primary" pendingText="Changing…">
        Use this address
      </ButtonForm>
    </div>
  );
}
