/** The client's address as the server saw it (Next.js sets x-forwarded-for). */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

/**
 * The address the person reached the app at (a form's Origin, else the forwarded or plain host),
 * so a link made for them (an invitation, a calendar feed) works the same way for whoever gets it.
 */
export function requestOrigin(headers: Headers): string {
  const origin = headers.get("origin");
  if (origin) return origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  return `${headers.get("x-forwarded-proto") ?? "http"}://${host}`;
}
