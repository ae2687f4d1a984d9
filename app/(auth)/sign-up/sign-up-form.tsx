"use client";

import Link from "next/link";
import { useActionState, useSyncExternalStore } from "react";
import { errorsFor, Field, FieldErrors, FormMessage, SubmitButton } from "@/app/components/form";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { signUpAction } from "../actions";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SignUpForm({ next }: { next: string }) {
  const [state, action] = useActionState(signUpAction, null);
  // The browser's zone, read on the client only (the server cannot know it).
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Name" name="name" autoComplete="name" state={state} required maxLength={100} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" state={state} required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        state={state}
        required
        hint={`At least ${PASSWORD_MIN} characters (up to ${PASSWORD_MAX}). A long phrase is easy to remember and hard to guess.`}
      />
      <input type="hidden" name="timeZone" value={timeZone} />
      <input type="hidden" name="next" value={next} />
      <p className="text-sm text-stone-600">
        Time zone: <span className="font-medium text-stone-800">{timeZone || "detecting…"}</span> (from your browser; you
        can change it in settings).
      </p>
      <FieldErrors id="field-timeZone-error" errors={errorsFor(state, "timeZone")} />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      <p className="text-sm text-stone-700">
        Already have an account?{" "}
        <Link href={next === "/today" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
