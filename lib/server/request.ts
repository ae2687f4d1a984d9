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

/**
 * A request's body, read only up to `maxBytes`: `null` when it is longer, or says it is (Content-Length
 * is checked first, so an oversized upload is refused before any of it is read; a body that lies or
 * has no length is cut off while streaming).
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A state-changing request sent by a page of this site: browsers name the page's origin on every
 * POST, and it must be this host (as Next.js checks for server actions).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
