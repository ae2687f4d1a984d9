import { afterEach, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { GET } from "./route";

const globalForDb = globalThis as unknown as { cadenceDb?: DbHandle };

afterEach(async () => {
  await globalForDb.cadenceDb?.close().catch(() => {});
  delete globalForDb.cadenceDb;
});

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    globalForDb.cadenceDb = openDb({});
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
  });

  it("answers 503 when the database is unreachable", async () => {
    // Nothing listens on port 1: the connection is refused.
    globalForDb.cadenceDb = openDb({ url: "postgres://postgres@127.0.0.1:1/nothing" });
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "down" });
  });
});
