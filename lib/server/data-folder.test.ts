// The embedded data folder holds password hashes (in PGlite's files and its WAL) and the generated
// secrets: only the user that runs Cadence may read it. Real PGlite, in a temporary folder.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { ConfigError, readEnv, resolveSecret } from "./env";

const made: string[] = [];
function tempParent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cadence-data-folder-"));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every folder and file under `dir` (itself included) with its permission bits. */
function modes(dir: string): { file: string; mode: number; isDir: boolean }[] {
  const found = [{ file: dir, mode: statSync(dir).mode & 0o777, isDir: true }];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    found.push({ file, mode: statSync(file).mode & 0o777, isDir: entry.isDirectory() });
  }
  return found;
}

const octal = (mode: number) => `0${mode.toString(8)}`;

describe("the embedded data folder", () => {
  it("is created 0700, and PGlite's files in it are for the owner only (0600), after migrating and writing", async () => {
    const dataDir = path.join(tempParent(), "data", "pglite");
    const handle = openDb({ dataDir });
    try {
      await migrateDb(handle);
      for (const statement of ["CREATE TABLE scratch (x text)", "INSERT INTO scratch VALUES ('a password hash')", "CHECKPOINT"]) {
        await handle.db.execute(sql.raw(statement));
      }
    } finally {
      await handle.close();
    }
    const all = modes(path.dirname(dataDir));
    expect(all.length).toBeGreaterThan(100);
    const open = all.filter(({ mode }) => (mode & 0o077) !== 0).map(({ file, mode }) => `${octal(mode)} ${file}`);
    expect(open).toEqual([]);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.dirname(dataDir)).mode & 0o777).toBe(0o700);
  }, 60_000);

  it("refuses to open a folder other users can read, and says how to fix it", async () => {
    const dataDir = path.join(tempParent(), "pglite");
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    let thrown: unknown;
    try {
      const handle = openDb({ dataDir });
      await handle.close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(String((thrown as Error).message)).toContain(`chmod -R go-rwx ${dataDir}`);
    expect(String((thrown as Error).message)).toContain("0755");
  });

  it("keeps the generated secrets in a 0700 folder, and refuses a looser one", () => {
    const fresh = path.join(tempParent(), "new-data");
    resolveSecret("AUTH_SECRET", readEnv({ CADENCE_DATA_DIR: fresh }));
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(fresh, "secrets.json")).mode & 0o777).toBe(0o600);

    const loose = path.join(tempParent(), "loose-data");
    mkdirSync(loose);
    chmodSync(loose, 0o750);
    expect(() => resolveSecret("AUTH_SECRET", readEnv({ CADENCE_DATA_DIR: loose }))).toThrow(ConfigError);
    expect(() => resolveSecret("AUTH_SECRET", readEnv({ CADENCE_DATA_DIR: loose }))).toThrow(/chmod -R go-rwx/);
  });
});
