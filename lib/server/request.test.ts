import { describe, expect, it } from "vitest";
import { clientAddress } from "./request";

// x-cadence-peer is the socket's address, set by our Next.js patch (patches/next+*.patch) on every request.
const headers = (forwardedFor: string | null, peer: string | null) =>
  new Headers({ ...(forwardedFor !== null ? { "x-forwarded-for": forwardedFor } : {}), ...(peer !== null ? { "x-cadence-peer": peer } : {}) });

describe("clientAddress", () => {
  it("with no trusted proxy, is the socket's address whatever the client wrote in X-Forwarded-For or X-Real-IP", () => {
    const forged = new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10", "x-cadence-peer": "192.0.2.1" });
    expect(clientAddress(forged, 0)).toBe("192.0.2.1");
    // Next.js fills X-Forwarded-For with the socket's address when the client sent none.
    expect(clientAddress(headers("192.0.2.1", "192.0.2.1"), 0)).toBe("192.0.2.1");
  });

  it("behind N trusted proxies, is the entry N from the right of the chain (the forwarded entries, then the socket)", () => {
    // The client forged "1.1.1.1"; the proxy appended the address it saw and connected from 10.0.0.2.
    expect(clientAddress(headers("1.1.1.1, 203.0.113.9", "10.0.0.2"), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers("1.1.1.1, 203.0.113.9, 10.0.0.1", "10.0.0.2"), 2)).toBe("203.0.113.9");
    // Reached directly, with nothing forwarded: the socket (Next.js copied it into X-Forwarded-For).
    expect(clientAddress(headers("198.51.100.4", "198.51.100.4"), 1)).toBe("198.51.100.4");
  });

  it("writes an IPv4 address as such, as a dual-stack socket reports it mapped to IPv6", () => {
    expect(clientAddress(headers("::ffff:192.0.2.1", "::ffff:192.0.2.1"), 0)).toBe("192.0.2.1");
    expect(clientAddress(headers("2001:db8::1", "2001:db8::1"), 0)).toBe("2001:db8::1");
  });

  it("is 'unknown' without the socket's address (a request that did not come through the server)", () => {
    expect(clientAddress(headers("203.0.113.9", null), 0)).toBe("unknown");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
  });
});
