// `npm run bench:leads`: how long the real app takes to serve the Leads page (its first page of 50)
// for a seeker with 5,000 leads and one with 50, against the /settings floor measured in the same
// run; how big its HTML is; and how many SQL statements one request runs. How it measures:
// scripts/bench-harness.ts. A report, not a test: the time depends on the machine and its load.
import type postgres from "postgres";
import { runBench, withoutTouchIndexes } from "./bench-harness";

const seekers = [
  { label: "5,000 leads, 20,000 touches", email: "bench-5000@bench.example", leads: 5000 },
  { label: "50 leads, 200 touches", email: "bench-50@bench.example", leads: 50 },
] as const;

await runBench({
  name: "leads",
  port: 3242,
  distDir: ".next",
  requests: 40,
  leastRequests: 30,
  deadlineMinutes: 20,
  warmUp: 5,
  users: seekers.map(({ label, email }) => ({ label, email, marker: "in your campaign order" })),
  seed,
  page: "/leads",
  floor: { path: "/settings", marker: "Campaign and goals" },
  report: {
    data: "two seekers: 5,000 leads with 20,000 touches, and 50 leads with 200 touches",
    leadingColumns: ["seeker", "rows shown", "HTML"],
    leadingCells: (seeker, comparison) => [
      seeker.label,
      String(comparison.pageBody.match(/<tr /g)?.length ?? 0),
      `${(Buffer.byteLength(comparison.pageBody) / 1024).toFixed(0)} KB`,
    ],
    uniform: (statements) => `One Leads request runs ${statements} SQL statements, with 50 leads as with 5,000.`,
    varying: (statements) => `The number of statements on /leads changes with the data: ${statements.join(" vs ")}.`,
  },
});

async function seed(tx: postgres.TransactionSql, passwordHash: string) {
  for (const seeker of seekers) {
    const id = `bench-leads-${seeker.leads}`;
    await tx`
      insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
      values (md5(${id})::uuid, 'Bench Seeker', ${seeker.email}, ${passwordHash}, 'Europe/Paris', current_date - 14)`;
    // A tenth planned ahead, a few paused or closed, the rest contacted.
    await tx`
      insert into leads (id, user_id, company, contact_name, position, planned_first_contact, paused_until, closed_at, closed_as)
      select md5(${id} || '-lead-' || p)::uuid, md5(${id})::uuid, 'Company ' || p, 'Contact ' || p, p,
             case when p % 10 = 0 then current_date + p % 30 end,
             case when p % 17 = 0 then current_date + 5 end,
             case when p % 23 = 0 then now() - interval '3 days' end,
             case when p % 23 = 0 then 'dropped' end
      from generate_series(1, ${seeker.leads}::int) p`;
    await withoutTouchIndexes(tx, () => tx`
      insert into touches (user_id, lead_id, at, local_date, channel, direction)
      select md5(${id})::uuid, md5(${id} || '-lead-' || (1 + k % ${seeker.leads}::int))::uuid,
             now() - ((k * 7919) % 1200) * interval '1 hour',
             ((now() - ((k * 7919) % 1200) * interval '1 hour') at time zone 'Europe/Paris')::date,
             (array['phone','email','linkedin'])[1 + k % 3],
             case when k % 5 = 0 then 'inbound' else 'outbound' end
      from generate_series(1, ${seeker.leads * 4}::int) k
      where (1 + k % ${seeker.leads}::int) % 10 <> 0`);
  }
}
