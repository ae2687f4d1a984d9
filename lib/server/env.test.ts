import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readEnv, resolveSecret } from "./env";

describe("environment", () => {
  it("defaults the data folder and treats empty variables as absent", () => {
    expect(readEnv({ DATABASE_URL: "" })).toEqual({
      DATABASE_PREPARED_STATEMENTS: "on",
      CADENCE_DATA_DIR: ".data",
      CADENCE_SCHEDULER: "internal",
      TRUSTED_PROXIES: 0,
      CADENCE_SIGN_UPS_PER_ADDRESS: 10,
      CADENCE_IMPORTS_PER_HOUR: 10,
      CADENCE_MAX_LEADS: 5000,
    });
    expect(() => readEnv({ CADENCE_SCHEDULER: "sometimes" })).toThrow(/CADENCE_SCHEDULER must be/);
    expect(readEnv({ DATABASE_PREPARED_STATEMENTS: "off" }).DATABASE_PREPARED_STATEMENTS).toBe("off");
    expect(() => readEnv({ DATABASE_PREPARED_STATEMENTS: "no" })).toThrow(/DATABASE_PREPARED_STATEMENTS must be "on" or "off"/);
  });

  it("reads the number of trusted proxies, and refuses anything but a small whole number", () => {
    expect(readEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
    for (const wrong of ["-1", "1.5", "one", "11"]) expect(() => readEnv({ TRUSTED_PROXIES: wrong })).toThrow(/TRUSTED_PROXIES must be/);
  });

  it("rejects a DATABASE_URL that is not PostgreSQL, and a short secret, with a clear message", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32/);
  });

  it("generates a secret once on the embedded default and keeps it in the data folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cadence-env-"));
    const env = readEnv({ CADENCE_DATA_DIR: dir });
    const first = resolveSecret("AUTH_SECRET", env);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(resolveSecret("AUTH_SECRET", env)).toBe(first);
    expect(resolveSecret("CRON_SECRET", env)).not.toBe(first);
    const file = path.join(dir, "secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ AUTH_SECRET: first });
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("requires AUTH_SECRET when DATABASE_URL is set", () => {
    const env = readEnv({ DATABASE_URL: "postgres://localhost/cadence" });
    expect(() => resolveSecret("AUTH_SECRET", env)).toThrow(ConfigError);
    expect(() => resolveSecret("AUTH_SECRET", env)).toThrow(/AUTH_SECRET is required when DATABASE_URL is set/);
    const secret = "s".repeat(40);
    expect(resolveSecret("AUTH_SECRET", readEnv({ DATABASE_URL: "postgres://localhost/cadence", AUTH_SECRET: secret }))).toBe(secret);
  });
});
