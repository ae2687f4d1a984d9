import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/app/components/button";

export const metadata: Metadata = { title: "Account deleted" };

/** Where deleting an account lands, signed out: it says what happened (nothing of the account is left to show). */
export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-sm space-y-6 py-4">
      <h1 className="text-2xl font-bold">Your account is deleted</h1>
      <p className="text-stone-700">
        Your account and everything in it (leads, touches, materials, notes and coach connections) are gone, and you are signed out
        on every device.
      </p>
      <Link href="/sign-up" className={buttonClass("secondary")}>
        Start a new account
      </Link>
    </div>
  );
}
