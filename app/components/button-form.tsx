"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/components/form";
import { withProofOfWork } from "@/app/components/proof-of-work";
import type { ActionResult, ActionState } from "@/lib/actions";
import { buttonClass, type ButtonVariant } from "./button";

/**
 * One button that runs one action on one record (reopen, resume, accept, end, withdraw, sample
 * data): the record's ids as hidden fields, the button, and the action's answer below it.
 * With `confirm`, the button first asks (the question takes the focus), and only the answer acts.
 */
export function ButtonForm({
  action,
  fields = {},
  children,
  pendingText,
  variant = "secondary",
  confirm,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionResult>;
  fields?: Record<string, string>;
  children: React.ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
  /** Ask before acting: the question, and the text of the button that does it. */
  confirm?: { question: string; yes: string };
}) {
  // Answering by a typed code may need a proof of work (the person's guessing limit).
  const paying = useMemo(() => withProofOfWork(action), [action]);
  const [state, formAction] = useActionState(paying, null);
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  if (confirm && !asking) {
    return (
      <div className="space-y-2">
        <button ref={opener} type="button" onClick={() => setAsking(true)} className={buttonClass(variant)}>
          {children}
        </button>
        <FormMessage state={state} />
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p ref={question} tabIndex={-1} className="text-sm font-medium text-amber-950">
            {confirm.question}
          </p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant={variant} pendingText={pendingText}>
              {confirm.yes}
            </SubmitButton>
            <button
              type="button"
              onClick={() => {
                setAsking(false);
                // The question goes; the focus returns to the button that asked it.
                requestAnimationFrame(() => opener.current?.focus());
              }}
              className={buttonClass("secondary")}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <SubmitButton variant={variant} pendingText={pendingText}>
          {children}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}
