import { appDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { ConfigError, readEnv, resolveMailConfig, resolveSecret, type MailConfig } from "./env";
import { startMailSender } from "./mail/sender";
import { mailTransport } from "./mail/transport";
import { startInternalPaceSchedule } from "./pace-schedule";

/** What the server does once at start (from instrumentation.ts), before it serves a request. */
export async function startCadence(): Promise<void> {
  // Configuration mistakes stop the start with a message, rather than failing the first request.
  let mail: MailConfig;
  try {
    resolveSecret("AUTH_SECRET");
    resolveSecret("CRON_SECRET");
    mail = resolveMailConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\nCadence cannot start: ${error.message}\n`);
    process.exit(1);
  }

  // The app migrates itself: the data folder or database is ready before the first request.
  const handle = appDb();
  await migrateDb(handle);
  if (readEnv().CADENCE_SCHEDULER === "internal") startInternalPaceSchedule(handle);
  // Every server sends the outbox's mail; several on one database share it safely.
  startMailSender(handle, mailTransport(mail), mail);
}
