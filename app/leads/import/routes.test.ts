// The CSV import's route handlers read megabytes, so they check the session (and the origin) before
// reading a byte of the body, and read no more than their limit; server actions keep Next's 1 MB.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fuzzDatabase } from "@/test/fuzz/run";
import { actAs, session } from "@/test/fuzz/session";
import { addUser } from "@/test/fuzz/database";
import { CSV_MAX_BYTES, IMPORT_CONFIRM_MAX_BYTES } from "@/lib/csv/limits";
import { POST as confirmPost } from "./confirm/route";
import { POST as uploadPost } from "./upload/route";

// Sessions as the fuzz tests play them (test/fuzz/session.ts): this file is no fuzz test, so it mocks here.
process.env.AUTH_SECRET ??= "route-tests-secret-that-is-long-enough-0123456789";
vi.mock("next-auth", () => import("@/test/fuzz/session").then((m) => m.fakeNextAuthModule()));
vi.mock("next-auth/jwt", () => import("@/test/fuzz/session").then((m) => m.fakeJwtModule()));
vi.mock("next/headers", () => import("@/test/fuzz/session").then((m) => m.fakeHeadersModule()));
vi.mock("next/cache", () => import("@/test/fuzz/session").then((m) => m.fakeCacheModule()));

const test = fuzzDatabase();

beforeEach(async () => {
  await test.fuzz.reset();
  const sam = await addUser(test.db, "Sam", { timeZone: "UTC" });
  actAs(sam);
});

/** A body that counts what is read of it: `size` bytes in 64 KB chunks, produced only when pulled. */
function countedBody(size: number) {
  const read = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const left = size - read.bytes;
      if (left <= 0) return controller.close();
      const chunk = new Uint8Array(Math.min(left, 64 * 1024)).fill(0x61);
      read.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, read };
}

function post(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(`http://cadence.test${path}`, {
    method: "POST",
    body,
    headers: { origin: "http://cadence.test", host: "cadence.test", ...headers },
    duplex: "half",
  } as RequestInit);
}

const ROUTES = [
  { path: "/leads/import/upload", handler: uploadPost, limit: CSV_MAX_BYTES },
  { path: "/leads/import/confirm", handler: confirmPost, limit: IMPORT_CONFIRM_MAX_BYTES },
];

describe("the import's route handlers", () => {
  for (const { path, handler, limit } of ROUTES) {
    it(`${path}: anonymous, 401 before reading the body`, async () => {
      session.current = null;
      const { stream, read } = countedBody(6 * 1024 * 1024);
      const response = await handler(post(path, stream, { "content-length": String(6 * 1024 * 1024) }));
      expect(response.status).toBe(401);
      expect(read.bytes).toBe(0);
    });

    it(`${path}: from another site, 403 before reading the body`, async () => {
      const { stream, read } = countedBody(1000);
      const response = await handler(post(path, stream, { origin: "https://evil.example" }));
      expect(response.status).toBe(403);
      expect(read.bytes).toBe(0);
    });

    it(`${path}: a declared length over ${limit} bytes is refused unread`, async () => {
      const { stream, read } = countedBody(limit + 1);
      const response = await handler(post(path, stream, { "content-length": String(limit + 1) }));
      expect(response.status).toBe(413);
      expect(read.bytes).toBe(0);
    });

    it(`${path}: a stream with no length is cut off past the limit`, async () => {
      const { stream, read } = countedBody(limit * 3);
      const response = await handler(post(path, stream));
      expect(response.status).toBe(413);
      expect(read.bytes).toBeLessThanOrEqual(limit + 2 * 64 * 1024);
    });
  }

  it("a file of the limit's size is read and previewed", async () => {
    const head = "Company,Notes\nAcme,";
    const bytes = new TextEncoder().encode(head + "a".repeat(CSV_MAX_BYTES - head.length - 1) + "\n");
    expect(bytes.byteLength).toBe(CSV_MAX_BYTES);
    const response = await uploadPost(
      new Request("http://cadence.test/leads/import/upload", {
        method: "POST",
        body: bytes,
        headers: { origin: "http://cadence.test", host: "cadence.test", "content-length": String(bytes.byteLength) },
      }),
    );
    // Read whole, and answered about its rows (a note that long is one row's problem, not the file's).
    const result = (await response.json()) as { ok: boolean; preview?: { rows: unknown[] } };
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
    expect(result.preview?.rows).toHaveLength(1);
  });
});

describe("server actions", () => {
  it("keep Next's default 1 MB body limit (an anonymous action's body is read before it can refuse)", () => {
    expect(readFileSync("next.config.js", "utf8")).not.toMatch(/bodySizeLimit/);
  });
});
