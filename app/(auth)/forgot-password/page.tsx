import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/server/auth/session";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  if (await currentUser()) redirect("/settings");
  return (
    <div className="mx-auto max-w-sm space-y-6 py-4">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      <p className="text-stone-700">Type the address you sign in with. We send it a link to choose a new password, valid for one hour.</p>
      <ForgotPasswordForm />
    </div>
  );
}
