import type { Metadata } from "next";
import { db } from "@/db/client";
import { findAccountToken } from "@/db/queries/account-tokens";
import { ACCOUNT_TOKEN_PROBLEMS } from "@/lib/auth/account-tokens";
import { currentUser } from "@/lib/server/auth/session";
import { LinkProblem } from "../../link-problem";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** A reset link: the form for the new password; opening it changes nothing. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await currentUser();
  const link = await findAccountToken(db(), { token, purpose: "reset_password", signedInUserId: viewer?.id ?? null, now: new Date() });
  if (link.state !== "open") {
    return (
      <LinkProblem
        title="This link cannot be used"
        problem={ACCOUNT_TOKEN_PROBLEMS[link.state]}
        next={viewer ? { href: "/settings", label: "Go to Settings" } : { href: "/forgot-password", label: "Ask for a new link" }}
      />
    );
  }
  return (
    <div className="mx-auto max-w-sm space-y-6 py-4">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <p className="text-stone-700">
        For <strong className="break-all">{link.email}</strong>. Every device signed in to this account will be signed out.
      </p>
      <ResetPasswordForm token={token} email={link.email ?? ""} />
    </div>
  );
}
