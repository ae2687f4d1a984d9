// Several app servers may share one PostgreSQL database, and each migrates at start: they must not
// trip over each other on a fresh database, and a migration must be applied once, not once each.
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "./client";
import { migrateDb } from "./migrate";

const serverUrl = process.env.TEST_DATABASE_URL;
const SERVERS = 4;

describe.skipIf(!serverUrl)("migrating from several servers at once (PostgreSQL)", () => {
  const name = `cadence_migrate_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : undefined;
  const folder = mkdtempSync(path.join(tmpdir(), "cadence-migrations-"));
  let url = "";
  let handles: DbHandle[] = [];

  beforeAll(async () => {
    await admin!.unsafe(`create database "${name}"`);
    const target = new URL(serverUrl!);
    target.pathname = `/${name}`;
    url = target.toString();
    cpSync(path.join(process.cwd(), "db", "migrations"), folder, { recursive: true });
    handles = Array.from({ length: SERVERS }, () => openDb({ url }));
  });

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    await admin!.unsafe(`drop database if exists "${name}" with (force)`);
    await admin!.end({ timeout: 5 });
    rmSync(folder, { recursive: true, force: true });
  });

  async function count(query: string): Promise<number> {
    const client = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await client.unsafe<{ n: string }[]>(query);
      return Number(row!.n);
    } finally {
      await client.end({ timeout: 5 });
    }
  }

  it("all succeed on a fresh database, and each migration is recorded once", async () => {
    const outcomes = await Promise.allSettled(handles.map((handle) => migrateDb(handle, { migrationsFolder: folder })));
    expect(outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
    const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    expect(await count(`select count(*) as n from drizzle.__drizzle_migrations`)).toBe(journal.entries.length);
  });

  it("a migration added while they run is applied once", async () => {
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
    const last = journal.entries.at(-1)!;
    const tag = `${String(last.idx + 1).padStart(4, "0")}_test_applied_once`;
    // Not idempotent on purpose: a second run would add a second row.
    writeFileSync(
      path.join(folder, `${tag}.sql`),
      `CREATE TABLE IF NOT EXISTS "migration_runs" ("n" integer);--> statement-breakpoint\nINSERT INTO "migration_runs" VALUES (1);`,
    );
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
    writeFileSync(journalFile, JSON.stringify(journal, null, 2));

    const outcomes = await Promise.allSettled(handles.map((handle) => migrateDb(handle, { migrationsFolder: folder })));
    expect(outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
    expect(await count(`select count(*) as n from migration_runs`)).toBe(1);
    expect(await count(`select count(*) as n from drizzle.__drizzle_migrations`)).toBe(journal.entries.length);
  });
});
