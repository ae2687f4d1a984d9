import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentUser } from "@/lib/server/auth/session";
import { usesSchema } from "@/lib/settings/uses-schema";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; uses?: string | string[] }>;
}) {
  const { next, uses } = await searchParams;
  // A coach invited by a seeker's link arrives with "coaching" chosen for them; they may change it.
  const chosen = usesSchema.safeParse(typeof uses === "string" ? uses : "").data ?? "seeking";
  const returnTo = safeReturnPath(typeof next === "string" ? next : undefined);
  if (await currentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm space-y-6 py-4">
      <h1 className="text-2xl font-bold">Create your account</h1>
      <SignUpForm next={returnTo} uses={chosen} />
    </div>
  );
}
