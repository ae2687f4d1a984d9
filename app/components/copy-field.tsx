"use client";

import { useId, useState } from "react";
import { buttonClass } from "./button";

/**
 * A read-only value to hand on (an address, a code) with its own Copy button; says whether the copy
 * worked, and how to copy by hand when the browser refuses.
 */
export function CopyField({ label, value, id, buttonText }: { label: string; value: string; id?: string; buttonText: string }) {
  const ownId = useId();
  const inputId = id ?? `copy-${ownId}`;
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${inputId}-copied`}
          className="block min-w-0 flex-1 rounded-md border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className={buttonClass("secondary")}>
          {buttonText}
        </button>
      </div>
      <p id={`${inputId}-copied`} role="status" className="text-sm text-stone-600">
        {copied === "yes" ? "Copied." : copied === "no" ? "Could not copy: select it and copy it by hand." : ""}
      </p>
    </div>
  );
}
