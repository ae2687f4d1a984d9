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
