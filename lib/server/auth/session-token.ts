import "server-only";
import { LRUCache } from "lru-cache";
import { getToken, type JWT } from "next-auth/jwt";
import { resolveSecret } from "@/lib/server/env";

// Lazy: the secret is resolved at the first request, not while `next build` collects pages; then
// kept (Auth.js asks for its configuration on every request, and the embedded default reads a file).
let resolvedSecret: string | undefined;
export const authSecret = () => (resolvedSecret ??= resolveSecret("AUTH_SECRET"));

/** The session cookie's name: Auth.js sets the `__Secure-` one over HTTPS, which browsers keep only from HTTPS. */
const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * The claims of the request's session token (decrypted and checked unexpired by Auth.js's own JWT
 * code), or null: no cookie, or one that is not ours. Pages and actions read the session through
 * this rather than `auth()`, which for each call builds a request to Auth.js's session endpoint,
 * runs it, and encrypts a refreshed token into a cookie that is then thrown away.
 * Only the cookie counts: an `Authorization: Bearer` header (which getToken also reads) is ignored.
 */
export async function readSessionToken(requestHeaders: Headers, now: Date = new Date()): Promise<JWT | null> {
  const cookie = requestHeaders.get("cookie") ?? "";
  const secureCookie = cookie.includes(SECURE_SESSION_COOKIE);
  const name = secureCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  // The cookie's value (Auth.js may split a large one into .0, .1, … parts: those are decoded uncached).
  const value = cookieValue(cookie, name);
  const known = value ? decodedTokens.get(value) : undefined;
  if (known && unexpired(known, now)) return known;
  const token = await getToken({ req: { headers: { cookie } }, secret: authSecret(), secureCookie, salt: name });
  if (!token || !unexpired(token, now)) return null;
  if (value) decodedTokens.set(value, token);
  return token;
}

/**
 * Session tokens already decrypted, by their exact text: the same text always decrypts to the same
 * claims, so only the expiry needs checking again. Decrypting (a key derivation, AES and an HMAC)
 * was a tenth of a signed-in request's CPU. Bounded (the least recently used go first), and a token
 * past its expiry is never answered. A signed-out session is still refused: currentUser() reads the
 * session's row on every request.
 */
const decodedTokens = new LRUCache<string, JWT>({ max: 10_000 });

function unexpired(token: JWT, now: Date): boolean {
  return typeof token.exp === "number" && token.exp * 1000 > now.getTime();
}

function cookieValue(cookie: string, name: string): string | undefined {
  for (const part of cookie.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
