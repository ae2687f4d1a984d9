export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appDb } = await import("./db/client");
  const { migrateDb } = await import("./db/migrate");
  const { ConfigError, readEnv, resolveSecret } = await import("./lib/env");
  const { startInternalPaceSchedule } = await import("./lib/pace-job/schedule");

  // Configuration mistakes stop the start with a message, rather than failing the first request.
  try {
    resolveSecret("AUTH_SECRET");
    resolveSecret("CRON_SECRET");
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\nCadence cannot start: ${error.message}\n`);
    process.exit(1);
  }

  // The app migrates itself at start: the data folder or database is ready before the first request.
  const handle = appDb();
  await migrateDb(handle);
  if (readEnv().CADENCE_SCHEDULER === "internal") startInternalPaceSchedule(handle);
}
