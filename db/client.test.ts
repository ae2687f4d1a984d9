import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, rowsOf, type DbHandle } from "./client";
import { createTestDb } from "@/test/db";

// Prepared statements are the PostgreSQL server's (PGlite has no connections to keep them on).
describe.skipIf(!process.env.TEST_DATABASE_URL)("statements on a PostgreSQL server", () => {
  let handle: DbHandle & { url?: string };
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  /** Runs a statement with a parameter twice in a transaction (one connection) and another in a savepoint, then counts that connection's kept statements among them. */
  async function keptStatements(prepare: boolean): Promise<number> {
    const other = openDb({ url: handle.url!, prepare });
    try {
      return await other.db.transaction(async (tx) => {
        for (const value of [1, 2]) await tx.execute(sql`select ${value}::int as prepared_probe`);
        // A savepoint's statements are its transaction's connection's too.
        await tx.transaction(async (inner) => inner.execute(sql`select ${3}::int as prepared_probe_in_savepoint`));
        const kept = await tx.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like '%as prepared_probe%' and statement not like '%pg_prepared_statements%'`);
        return rowsOf<{ n: number }>(kept)[0]!.n;
      });
    } finally {
      await other.close();
    }
  }

  it("are prepared once per connection and reused, in transactions and savepoints too", async () => {
    expect(await keptStatements(true)).toBe(2);
  });

  it("are not kept with DATABASE_PREPARED_STATEMENTS=off (a pooler in transaction mode)", async () => {
    expect(await keptStatements(false)).toBe(0);
  });
});
