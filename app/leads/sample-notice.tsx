"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { plural } from "@/lib/format";

/**
 * What "Try with sample data" or "Clear sample data" just did, on the screen it came from (Today or
 * Leads: `?sample=loaded`, `?sample=cleared&removed=N`). It takes the focus, so it is read at once.
 */
export function SampleDataNotice() {
  const params = useSearchParams();
  const sample = params.get("sample");
  const removed = Number(params.get("removed"));
  const message =
    sample === "loaded"
      ? "Loaded 50 sample leads, a few materials and three weeks of touches: a lead in every state (due, overdue, cold, quiet, a reply owed, a thank-you due, paused and closed). Clear them from Leads when you are ready."
      : sample === "cleared" && Number.isInteger(removed) && removed > 0
        ? `Cleared ${plural(removed, "sample lead")} and their touches.`
        : null;
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) notice.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p ref={notice} tabIndex={-1} role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800 outline-none">
      {message}
    </p>
  );
}
