"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/components/form";
import type { ActionResult, ActionState } from "@/lib/actions";
import type { ButtonVariant } from "./button";

/**
 * One button that runs one action on one record (reopen, resume, accept, end, withdraw, sample
 * data): the record's ids as hidden fields, the button, and the action's answer below it.
 */
export function ButtonForm({
  action,
  fields = {},
  children,
  pendingText,
  variant = "secondary",
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionResult>;
  fields?: Record<string, string>;
  children: React.ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingText={pendingText}>
        {children}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
