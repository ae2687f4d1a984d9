"use client";

import Link from "next/link";
import { useActionState, useSyncExternalStore } from "react";
import { errorsFor, Field, FieldErrors, FormMessage, SubmitButton } from "@/app/components/form";
import { UsesChoice } from "@/app/components/uses-choice";
import type { Use } from "@/lib/settings/uses";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { signUpAction } from "../actions";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SignUpForm({ next, uses }: { next: string; uses: Use }) {
  const [state, action] = useActionState(signUpAction, null);
  // The browser's zone, read on the client only (the server cannot know it).
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <UsesChoice state={state} current={uses} legend="What brings you to Cadence?" />
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
      <div className="flex min-h-11 items-center gap-3">
        <input
          id="field-digest"
          type="checkbox"
          name="digest"
          value="on"
          defaultChecked={state && !state.ok ? state.values?.digest === "on" : true}
          className="h-5 w-5 rounded border-stone-400 text-brand-700"
        />
        <label htmlFor="field-digest" className="text-base text-stone-900">
          E-mail me the day&apos;s work each morning
        </label>
      </div>
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
