"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components/form";
import { withProofOfWork } from "@/app/components/proof-of-work";
import { signInAction } from "../actions";

// Past the account-wide limit of failed sign-ins, the browser pays a proof of work and signs in.
const signInPaying = withProofOfWork(signInAction);

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInPaying, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" state={state} required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" state={state} required />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="text-sm text-stone-700">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgot password?
        </Link>
      </p>
      <p className="text-sm text-stone-700">
        New to Cadence?{" "}
        <Link href={next === "/today" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`} className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
