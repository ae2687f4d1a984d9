import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentUser } from "@/lib/server/auth/session";
import { PasswordResetNotice } from "@/app/components/password-reset-notice";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : undefined);
  if (await currentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm space-y-6 py-4">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <PasswordResetNotice />
      <SignInForm next={returnTo} />
    </div>
  );
}
