// `npm run bench:today`: how long the real app takes to serve the Today page, against a floor
// measured in the same run, and how many SQL statements one Today request runs. How it measures:
// scripts/bench-harness.ts.
//
// - The database holds a seeker with 50 leads and 500 touches, one with 5 leads and 50 touches, and
//   5,000 (BENCH_OTHER_USERS) other users with 50 leads and 500 touches each (~250k leads, ~2.5M
//   touches), seeded in set-based SQL.
// - The floor is /invitations: a signed-in page, under the same layout and session check, that does
//   next to no work of its own (as for bench:coach and bench:throughput): what any signed-in page
//   costs before it does work of its own. (/settings, the floor before, has grown into a page of
//   many forms and the session list, so it no longer measured the bare cost of being signed in.)
import type postgres from "postgres";
import { runBench, withoutTouchIndexes } from "./bench-harness";

const otherUsers = Number(process.env.BENCH_OTHER_USERS ?? 5000);
const seekers = [
  { label: "50 leads, 500 touches", email: "bench-50@bench.example", marker: "Daily call:" },
  { label: "5 leads, 50 touches", email: "bench-5@bench.example", marker: "Daily call:" },
] as const;

await runBench({
  name: "today",
  port: 3302,
  distDir: ".next",
  requests: 60,
  leastRequests: 50,
  deadlineMinutes: 20,
  warmUp: 10,
  users: seekers,
  seed,
  page: "/today",
  floor: { path: "/invitations", marker: "Invitation code" },
  report: {
    data: `database: ${otherUsers.toLocaleString()} other users with 50 leads and 500 touches each, beside the seekers`,
    // Rows are the leads Today showed (one article each).
    leadingColumns: ["seeker", "rows on Today"],
    leadingCells: (seeker, comparison) => [seeker.label, String(comparison.pageBody.match(/<article/g)?.length ?? 0)],
    uniform: (statements) => `One Today request runs ${statements} SQL statements, with 5 leads as with 50.`,
    varying: (statements) => `The number of statements on Today changes with the data: ${statements.join(" vs ")}.`,
  },
});

async function seed(tx: postgres.TransactionSql, passwordHash: string) {
  const zones = ["Europe/Paris", "UTC", "America/New_York", "Asia/Kathmandu", "America/St_Johns", "Pacific/Auckland"];
  await tx`create temp table bench_users (id uuid primary key, lead_count int not null) on commit drop`;
  await tx`
    insert into bench_users
    select md5('bench-seeker-' || s.n)::uuid, s.n from (values (50), (5)) s(n)
    union all
    select md5('bench-other-' || g)::uuid, 50 from generate_series(1, ${otherUsers}::int) g`;
  await tx`
    insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
    values
      (md5('bench-seeker-50')::uuid, 'Bench Seeker', ${seekers[0].email}, ${passwordHash}, 'Europe/Paris', current_date - 14),
      (md5('bench-seeker-5')::uuid, 'Bench Seeker', ${seekers[1].email}, ${passwordHash}, 'Europe/Paris', current_date - 14)`;
  await tx`
    insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
    select md5('bench-other-' || g)::uuid, 'Other ' || g, 'other-' || g || '@bench.example', 'x',
           (${zones}::text[])[1 + g % ${zones.length}], current_date - (g % 60)
    from generate_series(1, ${otherUsers}::int) g`;
  // Nine in ten leads have touches; the last tenth wait for their planned first contact.
  await tx`
    insert into leads (id, user_id, company, contact_name, title, email, phone, position, planned_first_contact,
                       paused_until, closed_at, closed_as)
    select md5(u.id::text || '-lead-' || p)::uuid, u.id, 'Company ' || p, 'Contact ' || p, 'Hiring manager',
           'contact' || p || '@company' || p || '.example', '+1 555 01' || lpad(p::text, 2, '0'), p,
           case when p > u.lead_count - ceil(u.lead_count / 10.0) then current_date + (p - (u.lead_count - ceil(u.lead_count / 10.0))::int - 1) end,
           case when p % 17 = 0 then current_date + 5 end,
           case when p % 23 = 0 then now() - interval '3 days' end,
           case when p % 23 = 0 then 'dropped' end
    from bench_users u, generate_series(1, u.lead_count) p`;
  await tx`
    insert into materials (id, user_id, title, url, topic)
    select md5(u.id::text || '-material-' || m)::uuid, u.id, 'Industry report ' || m, 'https://example.com/' || m, 'Topic ' || m
    from bench_users u, generate_series(1, 5) m`;
  // Ten touches per lead, a fifth of them inbound, a tenth with a material. A lead's latest touch
  // is 0 to 19 days old, so Today has leads in every state: done today, coming this week, due
  // today, overdue and cold, most of them shown at once.
  await withoutTouchIndexes(tx, () => tx`
    insert into touches (user_id, lead_id, at, channel, direction, outcome, note, material_id, local_date)
    select x.*, (x.at at time zone tz.time_zone)::date
    from (
      select u.id,
             md5(u.id::text || '-lead-' || (1 + k % t.touched))::uuid,
             now() - ((1 + k % t.touched) % 20) * interval '1 day' - (k / t.touched) * interval '5 days'
               - (k % 9) * interval '1 hour',
             (array['phone','email','linkedin','email','in_person','letter'])[1 + k % 6],
             case when k % 5 = 0 then 'inbound' else 'outbound' end,
             case k % 3 when 0 then 'conversation' when 1 then 'left_message' end,
             'Bench note ' || k,
             case when k % 10 = 0 then md5(u.id::text || '-material-' || (1 + k % 5))::uuid end
      from bench_users u
      cross join lateral (select (u.lead_count - ceil(u.lead_count / 10.0))::int as touched) t
      cross join generate_series(1, u.lead_count * 10) k
    ) x(user_id, lead_id, at, channel, direction, outcome, note, material_id)
    join users tz on tz.id = x.user_id`);
  await tx`
    insert into coach_notes (coach_id, seeker_id, body)
    values (md5('bench-other-1')::uuid, md5('bench-seeker-50')::uuid, 'Two calls this week, please.')`;
}
