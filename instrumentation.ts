export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appDb } = await import("./db/client");
  const { migrateDb } = await import("./db/migrate");
  // The app migrates itself at start: the data folder or database is ready before the first request.
  await migrateDb(appDb());
}
