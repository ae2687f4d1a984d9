import "server-only";
import { appDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { ConfigError, readEnv, resolveMailConfig, resolveSecret, type MailConfig } from "./env";
import { startMailSender } from "./mail/sender";
import { mailTransport } from "./mail/transport";
import { startInternalDigestSchedule } from "./digest-schedule";
import { startInternalPaceSchedule } from "./pace-schedule";

/**
 * What the server does once at start (from instrumentation.ts), before it serves a request. A start
 * that fails ends the process with a message and a non-zero code, so a supervisor restarts it (or the
 * operator reads why), rather than a server that answers 500 to everything, /api/health included.
 */
export async function startCadence(): Promise<void> {
  let mail: MailConfig;
  let handle: ReturnType<typeof appDb>;
  try {
    // Configuration mistakes stop the start with a message, rather than failing the first request.
    resolveSecret("AUTH_SECRET");
    resolveSecret("CRON_SECRET");
    mail = resolveMailConfig();
    // The app migrates itself: the data folder or database is ready before the first request.
    handle = appDb();
    await migrateDb(handle);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\nCadence cannot start: ${error.message}\n`);
    } else {
      console.error("\nCadence cannot start: preparing the database failed (it is migrated at start).", error, "\n");
    }
    process.exit(1);
  }
  if (readEnv().CADENCE_SCHEDULER === "internal") {
    startInternalPaceSchedule(handle);
    startInternalDigestSchedule(handle);
  }
  // Every server sends the outbox's mail; several on one database share it safely.
  startMailSender(handle, mailTransport(mail), mail);
}
