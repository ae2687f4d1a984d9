import { openDb } from "@/db/client";
import { listClientFacts } from "@/db/queries/coach";
import { clientMetrics } from "@/lib/coach/metrics";
import { sql } from "drizzle-orm";
const url = process.argv[2]!;
const h = openDb({ url });
const [{ id }] = (await h.db.execute(sql`select id from users where email = 'coach-many@bench.example'`)) as any;
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const facts = await listClientFacts(h.db, { coachId: id, now: new Date() });
  const q = performance.now() - t;
  t = performance.now();
  const m = facts.map(clientMetrics);
  console.log("query", q.toFixed(1), "metrics", (performance.now() - t).toFixed(1), m.length);
}
await h.close();
