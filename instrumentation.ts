export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appDb } = await import("./db/client");
  const { migrateDb } = await import("./db/migrate");
  const { readEnv } = await import("./lib/env");
  const { startInternalPaceSchedule } = await import("./lib/pace-job/schedule");
  // The app migrates itself at start: the data folder or database is ready before the first request.
  const handle = appDb();
  await migrateDb(handle);
  if (readEnv().CADENCE_SCHEDULER === "internal") startInternalPaceSchedule(handle);
}
