"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Where a password reset lands (Today signed in, or sign-in when signing in was refused): says the
 * password changed and the other devices were signed out. Read from the address it was sent to
 * (`?password=reset` or `?reset=1`), so the page that shows it needs no change of its own.
 */
export function PasswordResetNotice() {
  const params = useSearchParams();
  const shown = params.get("password") === "reset" || params.get("reset") === "1";
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (shown) notice.current?.focus();
  }, [shown]);
  if (!shown) return null;
  return (
    <p ref={notice} tabIndex={-1} role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800 outline-none">
      Your password was changed, and every other device was signed out.
      {params.get("reset") === "1" ? " Sign in with your new password." : ""}
    </p>
  );
}
