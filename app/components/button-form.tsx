"use client";

import { useActionState, useMemo } from "react";
import { FormMessage, SubmitButton } from "@/app/components/form";
import { withProofOfWork } from "@/app/components/proof-of-work";
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
  // Answering by a typed code may need a proof of work (the person's guessing limit).
  const paying = useMemo(() => withProofOfWork(action), [action]);
  const [state, formAction] = useActionState(paying, null);
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
