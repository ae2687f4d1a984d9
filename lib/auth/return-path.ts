/** A stand-in origin: the candidate is resolved against it, and must stay on it. */
const OWN_ORIGIN = "http://cadence.invalid";

/**
 * Only a path of this site may be a return address, answered as the browser will read it.
 *
 * The candidate is resolved as a URL against the site's own origin: it must stay on that origin, and
 * its normalised path must not start with "//" ("/.//evil.test" and "/a/..//evil.test" normalise to
 * "//evil.test", which Next's client router and browsers read as another host). Browsers drop tabs and
 * line breaks from a URL and read "\\" as "/", so no control character or backslash either. What comes
 * back is the normalised path, query and fragment, percent-encoded: Node refuses a Location header
 * that is not ASCII.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = "/today"): string {
  if (!candidate || !candidate.startsWith("/") || /[\u0000-\u001F\u007F\\]/.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith("//")) return fallback;
  const path = url.pathname + url.search + url.hash;
  // A space or quote the parser left as it is (a fragment keeps some): encoded too, so only printable ASCII goes out.
  return path.replace(/[^\x21-\x7E]/g, encodeURIComponent);
}

export function signInPath(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo, "");
  return path && path !== "/" ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in";
}
