import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** A configuration mistake the operator must fix: the message says how. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  CADENCE_DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  CRON_SECRET: z.string().min(32, "CRON_SECRET must be at least 32 characters").optional(),
  /** "internal": the server runs the pace job itself, hourly; "off": an outside scheduler calls the route. */
  /** Reverse proxies in front of the app that append the client's address to X-Forwarded-For. */
  TRUSTED_PROXIES: z.coerce
    .number({ error: "TRUSTED_PROXIES must be a whole number of proxies (0 when none)" })
    .int("TRUSTED_PROXIES must be a whole number of proxies (0 when none)")
    .min(0, "TRUSTED_PROXIES must be a whole number of proxies (0 when none)")
    .max(10, "TRUSTED_PROXIES must be at most 10")
    .default(0),
  /** Sign-ups one address may make in an hour before it must wait. */
  CADENCE_SIGN_UPS_PER_ADDRESS: z.coerce
    .number({ error: "CADENCE_SIGN_UPS_PER_ADDRESS must be a whole number" })
    .int("CADENCE_SIGN_UPS_PER_ADDRESS must be a whole number")
    .min(1, "CADENCE_SIGN_UPS_PER_ADDRESS must be at least 1")
    .default(10),
  CADENCE_SCHEDULER: z.enum(["internal", "off"], { error: 'CADENCE_SCHEDULER must be "internal" or "off"' }).default("internal"),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  // An empty variable is as good as an absent one (a blank line in .env).
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export type SecretName = "AUTH_SECRET" | "CRON_SECRET";

/**
 * A secret from the environment; on the embedded default (no DATABASE_URL) one is generated
 * once and kept in the data folder, so `npm run dev` needs no set-up.
 */
export function resolveSecret(name: SecretName, env: ServerEnv = readEnv()): string {
  const fromEnv = env[name];
  if (fromEnv) return fromEnv;
  if (env.DATABASE_URL) {
    throw new ConfigError(
      `${name} is required when DATABASE_URL is set. Generate one with: openssl rand -base64 32`,
    );
  }
  return embeddedSecret(name, env.CADENCE_DATA_DIR);
}

function embeddedSecret(name: SecretName, dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "secrets.json");
  const stored = readSecrets(file);
  const existing = stored[name];
  if (existing) return existing;
  const generated = randomBytes(32).toString("base64url");
  writeFileSync(file, JSON.stringify({ ...stored, [name]: generated }, null, 2), { mode: 0o600 });
  // Read back: if two processes raced, both settle on what is on disk now.
  return readSecrets(file)[name] ?? generated;
}

function readSecrets(file: string): Partial<Record<SecretName, string>> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Partial<Record<SecretName, string>>;
  } catch {
    return {};
  }
}
