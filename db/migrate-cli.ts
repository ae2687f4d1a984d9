import { appDb } from "./client";
import { migrateDb } from "./migrate";

const handle = appDb();
await migrateDb(handle);
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
