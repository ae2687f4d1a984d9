"use client";

import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";
import { buttonClass, type ButtonVariant } from "./button";

type FieldProps = {
  label: string;
  name: string;
  state: ActionState;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  /** For date inputs: the earliest date allowed. */
  min?: string;
  /** A multi-line text area instead of a one-line input. */
  multiline?: boolean;
  /** The input's id where two forms of a page share a field name (ids must be unique for labels). */
  id?: string;
};

export function errorsFor(state: ActionState, name: string): string[] {
  return state && !state.ok ? (state.fieldErrors[name] ?? []) : [];
}

/** Submitted values come back on failure, so a correction never means typing it all again. */
export function valueFor(state: ActionState, name: string, fallback = ""): string {
  return state && !state.ok ? (state.values?.[name] ?? fallback) : fallback;
}

export function Field({ label, name, state, type = "text", defaultValue, autoComplete, hint, required, maxLength, min, multiline, id: givenId }: FieldProps) {
  const errors = errorsFor(state, name);
  const id = givenId ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  const inputAria = { "aria-invalid": errors.length > 0 || undefined, "aria-describedby": describedBy || undefined };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={3}
          defaultValue={valueFor(state, name, defaultValue)}
          required={required}
          maxLength={maxLength}
          {...inputAria}
          className="input"
        />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={type === "password" ? undefined : valueFor(state, name, defaultValue)}
          autoComplete={autoComplete}
          required={required}
          maxLength={maxLength}
          min={min}
          {...inputAria}
          className="input"
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/**
 * The form's answer ("Saved", or what went wrong), and where the eye goes after a submit: each new
 * answer takes the focus and is scrolled into view, so it is read on a phone whose screen shows only
 * the button, and by a screen reader at once.
 */
export function FormMessage({ state }: { state: ActionState }) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const shown = message.current;
    if (!shown) return;
    shown.focus({ preventScroll: true });
    shown.scrollIntoView({ block: "nearest" });
  }, [state]);
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p ref={message} tabIndex={-1} role="status" className="scroll-my-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
        {state.message}
      </p>
    ) : null;
  }
  return (
    <p ref={message} tabIndex={-1} role="alert" className="scroll-my-4 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
      {state.message}
    </p>
  );
}

export function SubmitButton({ children, pendingText, variant = "primary" }: { children: React.ReactNode; pendingText?: string; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass(variant)}>
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
