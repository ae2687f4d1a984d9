import "server-only";
import { readEnv } from "@/lib/server/env";

/**
 * The socket's address, set on every request by our Next.js patch (patches/next+16.4.6.patch),
 * overwriting any such header a client sent.
 */
export const PEER_HEADER = "x-cadence-peer";

/**
 * The client's address, for the address-based limits. The chain is what X-Forwarded-For lists, then
 * the socket: with no trusted proxy (TRUSTED_PROXIES=0, the default) that is the socket; behind N
 * proxies, each of which appends the address it saw, the entry N from the right. Entries further left
 * are whatever the client wrote, so they are never read. Next.js copies the socket into
 * X-Forwarded-For when the request has none: then the header is not part of the chain.
 */
export function clientAddress(headers: Headers, trustedProxies = readEnv().TRUSTED_PROXIES): string {
  const peer = headers.get(PEER_HEADER)?.trim();
  if (!peer) return "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const sentByNext = forwarded.length === 1 && forwarded[0] === peer;
  const chain = [...(sentByNext ? [] : forwarded), peer];
  // Fewer entries than proxies: the request did not come through them all; the farthest is the best guess.
  return plainAddress(chain[Math.max(chain.length - 1 - trustedProxies, 0)]!);
}

/** An IPv4 address as IPv4 ("::ffff:192.0.2.1", as a dual-stack socket reports it, is 192.0.2.1). */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i, "$1");
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
