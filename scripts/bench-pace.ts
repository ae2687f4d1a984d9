// `npm run bench:pace`: times one full run of the pace job on the real PostgreSQL server against a
// floor measured in the same process: one hand-written UPDATE that flags the same rows.
// Seeds a fresh database (dropped at the end): 2,000 then 20,000 users with 50 leads each and
// 10 touches per lead, in varied time zones. Loopback only. BENCH_USERS=2000,20000 to change sizes.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { rowsOf, type Db, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { runPaceJob } from "@/db/queries/pace-job";
import * as schema from "@/db/schema";
import { inTransaction } from "@/db/transaction";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sizes = (process.env.BENCH_USERS ?? "2000,20000").split(",").map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const now = new Date("2026-05-22T10:00:00Z");
const zones = ["UTC", "Europe/London", "America/New_York", "America/Los_Angeles", "Pacific/Auckland", "Asia/Kathmandu", "America/St_Johns", "Asia/Tokyo"];

const name = `cadence_bench_pace_${Date.now()}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
let statements = 0;
const client = postgres(url.toString(), { max: 4, onnotice: () => {}, debug: () => void statements++ });
const db = drizzle(client, { schema }) as unknown as Db;
const handle: DbHandle = { db, kind: "postgres", close: () => client.end({ timeout: 5 }), url: url.toString() };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

try {
  await migrateDb(handle);
  let seeded = 0;
  for (const users of sizes) {
    const started = performance.now();
    await seedUsers(seeded, users);
    seeded = users;
    console.log(`seeded ${users.toLocaleString()} users, ${(users * 50).toLocaleString()} leads, ${(users * 500).toLocaleString()} touches in ${seconds(performance.now() - started)}`);
    await client.unsafe("vacuum analyze");

    const jobTimes: number[] = [];
    const floorTimes: number[] = [];
    let jobFlagged = 0;
    let floorFlagged = 0;
    let jobStatements = 0;
    for (let i = 0; i < repeats; i++) {
      await resetColdFlags();
      statements = 0;
      let t = performance.now();
      const run = await runPaceJob(db, { now, trigger: "bench" });
      jobTimes.push(performance.now() - t);
      jobStatements = statements;
      jobFlagged = run.flaggedCold;
      if (run.status !== "ran") throw new Error(`run ${run.status}: ${run.error}`);

      await resetColdFlags();
      t = performance.now();
      floorFlagged = await floorUpdate();
      floorTimes.push(performance.now() - t);
    }
    if (jobFlagged !== floorFlagged) throw new Error(`the job flagged ${jobFlagged} leads, the floor ${floorFlagged}`);
    const job = median(jobTimes);
    const floor = median(floorTimes);
    console.log(
      `${(users * 50).toLocaleString()} leads: pace job ${seconds(job)}, floor (one UPDATE) ${seconds(floor)}, ` +
        `ratio ${(job / floor).toFixed(2)}; flagged ${jobFlagged.toLocaleString()} cold; ` +
        `${jobStatements} statements (= round trips) per run, median of ${repeats}`,
    );
  }
} finally {
  await client.end({ timeout: 5 });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
}

async function seedUsers(from: number, to: number) {
  const zoneList = sql.raw(`array[${zones.map((z) => `'${z}'`).join(",")}]`);
  // Foreign keys are not checked while seeding (replica role): the data is generated consistent.
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
      select md5('user' || g)::uuid, 'Seeker ' || g, 'seeker' || g || '@bench.example', 'x',
             (${zoneList})[1 + g % ${zones.length}], date '2026-04-06'
      from generate_series(${from + 1}::int, ${to}::int) g`);
    await tx.execute(sql`
      insert into leads (id, user_id, company, position, cadence_days, planned_first_contact, paused_until, closed_at, closed_as)
      select md5('lead' || u || '-' || p)::uuid, md5('user' || u)::uuid, 'Company ' || p, p,
             7, date '2026-04-06' + p,
             case when p % 17 = 0 then date '2026-07-01' end,
             case when p % 23 = 0 then timestamptz '2026-05-01' end,
             case when p % 23 = 0 then 'dropped' end
      from generate_series(${from + 1}::int, ${to}::int) u, generate_series(1, 50) p`);
    // Ten touches per lead, spread so that a share of leads are cold, overdue or upcoming.
    await tx.execute(sql`
      insert into touches (user_id, lead_id, at, channel, direction, local_date)
      select x.*, (x.at at time zone tz.time_zone)::date
      from (
        select md5('user' || u)::uuid, md5('lead' || u || '-' || p)::uuid,
               timestamptz '2026-04-06 09:00+00' + ((p * 7 + u) % 40) * interval '1 day' + k * interval '13 hours',
               case when k % 3 = 0 then 'phone' else 'email' end, case when k % 4 = 0 then 'inbound' else 'outbound' end
        from generate_series(${from + 1}::int, ${to}::int) u, generate_series(1, 50) p, generate_series(1, 10) k
      ) x(user_id, lead_id, at, channel, direction)
      join users tz on tz.id = x.user_id`);
  });
}

async function resetColdFlags() {
  await db.execute(sql`update leads set cold_since = null where cold_since is not null`);
}

/** The floor: the same rows flagged by one hand-written UPDATE, with none of the job's bookkeeping. */
async function floorUpdate(): Promise<number> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    update leads l set cold_since = ((x.next_due + 8)::timestamp at time zone x.time_zone)
    from (
      select l2.id, u.time_zone, (${at}::timestamptz at time zone u.time_zone)::date as today,
        coalesce(
          (select (t.at at time zone u.time_zone)::date from touches t where t.lead_id = l2.id order by t.at desc limit 1)
            + l2.cadence_days,
          l2.planned_first_contact) as next_due
      from leads l2 join users u on u.id = l2.user_id
      where l2.closed_at is null
        and (l2.paused_until is null or l2.paused_until <= (${at}::timestamptz at time zone u.time_zone)::date)
    ) x
    where l.id = x.id and x.today - x.next_due > 7
    returning 1`);
  return rowsOf(result).length;
}
