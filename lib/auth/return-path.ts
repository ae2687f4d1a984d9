/**
 * Only a same-site path may be a return address. Browsers drop tabs and line breaks from a URL and
 * read "\\" as "/" ("/<tab>/evil.test" leads to evil.test), so no control character or backslash either.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = "/today"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || /[\u0000-\u001F\u007F\\]/.test(candidate)) {
    return fallback;
  }
  return candidate;
}

export function signInPath(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo, "");
  return path && path !== "/" ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in";
}
