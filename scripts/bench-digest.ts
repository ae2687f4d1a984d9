// `npm run bench:digest`: the morning digest at scale on the real PostgreSQL server. Seeds a fresh
// database (dropped at the end) with seekers all due their digest at the same instant (each in its
// own zone, at its own chosen hour), plus as many who are not (off, unverified, nothing to do), at
// two sizes; times the one enqueue statement and counts the statements it takes (constant in the
// number of seekers); then sends the queued digests through the outbox sender to a loopback SMTP
// server and prints the rate. BENCH_SEEKERS=2000,20000 and BENCH_SEND=2000 to change the sizes.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { rowsOf, type Db, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { enqueueDueDigests } from "@/db/queries/digest";
import * as schema from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { localHour } from "@/lib/digest/schedule";
import { todayIn } from "@/lib/domain/dates";
import { sendDueMail } from "@/lib/server/mail/sender";
import { smtpTransport } from "@/lib/server/mail/transport";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sizes = (process.env.BENCH_SEEKERS ?? "2000,20000").split(",").map(Number);
const toSend = Number(process.env.BENCH_SEND ?? 2000);
const senders = Number(process.env.BENCH_SENDERS ?? 4);
// Monday 2 March 2026, 09:30 UTC: a contact day in every zone below.
const now = new Date("2026-03-02T09:30:00Z");
const zones = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo"];

const name = `cadence_bench_digest_${Date.now()}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
let statements = 0;
const client = postgres(url.toString(), { max: senders + 2, onnotice: () => {}, debug: () => void statements++ });
const db = drizzle(client, { schema }) as unknown as Db;
const handle: DbHandle = { db, kind: "postgres", close: () => client.end({ timeout: 5 }), url: url.toString() };
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// A loopback SMTP server that accepts every message and keeps nothing (the app's side is measured).
let received = 0;
const smtp = new SMTPServer({
  secure: false,
  disabledCommands: ["STARTTLS"],
  authOptional: true,
  // No reverse DNS look-up of each connection (it waits on the resolver, not on the app).
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on("end", () => {
      received++;
      callback();
    });
    stream.resume();
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

try {
  await migrateDb(handle);
  let seeded = 0;
  for (const seekers of sizes) {
    let started = performance.now();
    await seed(seeded, seekers);
    seeded = seekers;
    console.log(`seeded ${seekers.toLocaleString()} seekers due now and ${seekers.toLocaleString()} not due, 5 leads each, in ${seconds(performance.now() - started)}`);
    await client.unsafe("vacuum analyze");
    await db.execute(sql`truncate digests, outbox_messages, digest_links`);

    statements = 0;
    started = performance.now();
    const queued = await enqueueDueDigests(db, { now });
    const enqueueMs = performance.now() - started;
    const enqueueStatements = statements;
    if (queued !== seekers) throw new Error(`queued ${queued}, expected ${seekers}`);
    statements = 0;
    const again = await enqueueDueDigests(db, { now });
    if (again !== 0) throw new Error(`a second run queued ${again}`);
    console.log(
      `${seekers.toLocaleString()} seekers due: enqueue ${seconds(enqueueMs)} (${Math.round(seekers / (enqueueMs / 1000)).toLocaleString()} digests/s), ` +
        `${enqueueStatements} statement(s); a second run queued 0 in ${statements} statement(s)`,
    );
  }

  // Sending: the outbox's sender, as each app server runs it, `senders` at once (SKIP LOCKED shares the rows).
  await db.execute(sql`update outbox_messages set next_attempt_at = now() + interval '1 day'
    where id not in (select id from outbox_messages order by id limit ${toSend})`);
  const transport = smtpTransport({ from: "Cadence <cadence@bench.example>", appUrl: "https://cadence.example", outboxDir: "/nonexistent", smtpUrl });
  statements = 0;
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (;;) {
        const report = await sendDueMail(db, transport, { appUrl: "https://cadence.example", now: () => now, limit: 20 });
        sent += report.sent;
        if (report.sent + report.retrying + report.failed + report.dropped === 0) return;
        if (report.failed + report.retrying > 0) throw new Error(`send failures: ${JSON.stringify(report)}`);
      }
    }),
  );
  const sendMs = performance.now() - started;
  transport.close();
  const links = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count from digest_links`))[0]!.count;
  console.log(
    `sent ${sent.toLocaleString()} digests (written at send: day's work read, ${links.toLocaleString()} hashed links) to a loopback SMTP server ` +
      `with ${senders} senders in ${seconds(sendMs)}: ${(sent / (sendMs / 1000)).toFixed(0)} messages/s, ` +
      `${(statements / sent).toFixed(1)} statements per message; the server received ${received.toLocaleString()}`,
  );
} finally {
  await client.end({ timeout: 5 });
  smtp.close();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
}

/**
 * Seekers from..to: the due ones at their zone's hour now (so all are due at this instant), verified,
 * with five leads of which one is planned for today; as many others who are not due: digest off,
 * unverified, or nothing planned today (their leads come next week).
 */
async function seed(from: number, to: number) {
  const hours = zones.map((zone) => localHour(now, zone));
  const days = zones.map((zone) => todayIn(now, zone));
  const zoneList = sql.raw(`array[${zones.map((z) => `'${z}'`).join(",")}]`);
  const hourList = sql.raw(`array[${hours.join(",")}]::smallint[]`);
  const dayList = sql.raw(`array[${days.map((d) => `'${d}'`).join(",")}]::date[]`);
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    // g > 0: due; g < 0: not due (the mirror of a due one).
    await tx.execute(sql`
      insert into users (id, name, email, password_hash, time_zone, email_verified_at, digest_enabled, digest_hour)
      select md5('user' || g)::uuid, 'Seeker ' || g, 'seeker' || g || '@bench.example', 'x',
             (${zoneList})[1 + abs(g) % ${zones.length}],
             case when g < 0 and abs(g) % 3 = 1 then null else timestamptz '2026-01-01' end,
             not (g < 0 and abs(g) % 3 = 0),
             (${hourList})[1 + abs(g) % ${zones.length}]
      from (select generate_series(${from + 1}::int, ${to}::int) union all select -generate_series(${from + 1}::int, ${to}::int)) s(g)`);
    await tx.execute(sql`
      insert into leads (id, user_id, company, contact_name, phone, email, position, planned_first_contact)
      select md5('lead' || g || '-' || p)::uuid, md5('user' || g)::uuid, 'Company ' || p, 'Person ' || p, '+44 20 7946 0' || lpad(p::text, 3, '0'),
             'person' || p || '@company.example', p,
             (${dayList})[1 + abs(g) % ${zones.length}] + case when g > 0 then p - 1 else 7 + p end
      from (select generate_series(${from + 1}::int, ${to}::int) union all select -generate_series(${from + 1}::int, ${to}::int)) s(g), generate_series(1, 5) p`);
  });
}
