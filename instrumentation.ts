export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startCadence } = await import("./lib/server/startup");
  await startCadence();
}
