import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { IMPORTS_PER_HOUR, MAX_LEADS_PER_ACCOUNT } from "@/lib/leads/page";

/** A configuration mistake the operator must fix: the message says how. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  /** "off" where a pooler in transaction mode stands between the app and PostgreSQL: it cannot keep prepared statements. */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["on", "off"], { error: 'DATABASE_PREPARED_STATEMENTS must be "on" or "off"' })
    .default("on"),
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
  /** CSV imports one account may confirm in an hour (scripts that import over and over raise it). */
  CADENCE_IMPORTS_PER_HOUR: z.coerce
    .number({ error: "CADENCE_IMPORTS_PER_HOUR must be a whole number" })
    .int("CADENCE_IMPORTS_PER_HOUR must be a whole number")
    .min(1, "CADENCE_IMPORTS_PER_HOUR must be at least 1")
    .default(IMPORTS_PER_HOUR),
  /** The most leads an account holds (scripts that import over and over raise it). */
  CADENCE_MAX_LEADS: z.coerce
    .number({ error: "CADENCE_MAX_LEADS must be a whole number" })
    .int("CADENCE_MAX_LEADS must be a whole number")
    .min(1, "CADENCE_MAX_LEADS must be at least 1")
    .default(MAX_LEADS_PER_ACCOUNT),
  CADENCE_SCHEDULER: z.enum(["internal", "off"], { error: 'CADENCE_SCHEDULER must be "internal" or "off"' }).default("internal"),
  /** The public address that links in e-mails start with. Required with DATABASE_URL. */
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, "APP_URL must be an http:// or https:// address, like https://cadence.example.com")
    .optional(),
  /** Where mail goes: smtp://user:pass@host:port or smtps://…; without it, messages are written to the data folder. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  /** The sender of every message, like "Cadence <cadence@example.com>". Required with SMTP_URL. */
  MAIL_FROM: z.string().max(320).regex(/@/, "MAIL_FROM must hold an e-mail address, like Cadence <cadence@example.com>").optional(),
  /** Set by `next start -p`/`next dev -p`: the embedded default's APP_URL uses it. */
  PORT: z.string().regex(/^\d+$/, "PORT must be a number").optional(),
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

export type MailConfig = {
  appUrl: string;
  from: string;
  /** Absent: no SMTP server; each message is written as an .eml file into `outboxDir`. */
  smtpUrl?: string;
  outboxDir: string;
};

/**
 * Where mail goes and what its links start with. On the embedded default everything has a default
 * (http://localhost:<port>, files in the data folder); on a server, APP_URL must be said, and a
 * sender with an SMTP server.
 */
export function resolveMailConfig(env: ServerEnv = readEnv()): MailConfig {
  if (env.DATABASE_URL && !env.APP_URL) {
    throw new ConfigError("APP_URL is required when DATABASE_URL is set: the public address links in e-mails start with, like https://cadence.example.com");
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new ConfigError('MAIL_FROM is required when SMTP_URL is set: the sender of every message, like "Cadence <cadence@example.com>"');
  }
  return {
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT ?? "3000"}`).replace(/\/+$/, ""),
    from: env.MAIL_FROM ?? "Cadence <cadence@localhost>",
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    outboxDir: path.join(env.CADENCE_DATA_DIR, "mail"),
  };
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
  preparePrivateFolder(dataDir);
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

/**
 * Makes an embedded data folder ready for files only its owner may read: created 0700 when missing,
 * refused when it already lets others in (as PostgreSQL refuses a loose data directory), and every
 * file this process creates from now on made for the owner only (PGlite writes password hashes into
 * its tables and WAL; the generated secrets live beside them).
 */
export function preparePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `The data folder ${dir} can be read by other users (mode 0${mode.toString(8)}). It holds password hashes and ` +
        `secrets, so Cadence will not use it. Make it the owner's only (0700), with: chmod -R go-rwx ${dir}`,
    );
  }
  ownerOnlyNewFiles();
}

/**
 * New files and folders of this process get no group or other bits (umask 077): PGlite creates its
 * files with the default mode as it goes, new WAL segments too. Process-wide: Cadence writes no file
 * that others need to read.
 */
function ownerOnlyNewFiles(): void {
  try {
    process.umask(process.umask() | 0o077);
  } catch {
    // A worker thread cannot change the umask; the 0700 folder still keeps everyone else out.
  }
}

/**
 * Takes group and other permissions off everything under `dir`: PGlite copies its initial cluster
 * into the folder with explicit modes (0666, 0755), which the umask does not touch.
 */
export function restrictToOwner(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const mode = statSync(file).mode & 0o7777;
    if ((mode & 0o077) !== 0) chmodSync(file, mode & ~0o077);
  }
}
