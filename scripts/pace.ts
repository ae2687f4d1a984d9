// `npm run pace`: one run of the pace job from the command line (for a system cron).
import { appDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { runPaceJob } from "@/db/queries/pace-job";
import { readEnv } from "@/lib/server/env";

const env = readEnv();
if (!env.DATABASE_URL && !process.argv.includes("--embedded")) {
  console.error(
    "The embedded database belongs to the running server, which already runs this job hourly.\n" +
      "Run it against DATABASE_URL, or pass --embedded with the server stopped.",
  );
  process.exit(2);
}
const handle = appDb();
await migrateDb(handle);
const run = await runPaceJob(handle.db, { now: new Date(), trigger: "cli" });
await handle.close();
console.log(JSON.stringify(run, null, 2));
process.exit(run.status === "failed" ? 1 : 0);
