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
