// `npm run bench:coach`: how long the real app takes to serve the coach's Clients page for a coach
// with 200 clients, against a floor measured in the same run, and how many SQL statements one
// request runs (the same for a coach with 1 client: the page's cost in statements is fixed). How it
// measures: scripts/bench-harness.ts.
//
// - The database holds, in set-based SQL: 200 (BENCH_CLIENTS) clients with 50 leads and 500 touches
//   each (10,000 leads, 100,000 touches) in six time zones, all coached by one coach; a second coach
//   with one of them; and BENCH_OTHER_USERS (default 1,000) other seekers with the same amount of
//   data, coached by no one.
// - The floor is /invitations: a signed-in page, under the same layout and session check, that reads
//   only the session's user row and renders a form, so it is what any signed-in page costs before it
//   does work of its own. (/settings no longer qualifies: it reads the campaign and the coaches.)
import type postgres from "postgres";
import { runBench, withoutTouchIndexes } from "./bench-harness";

const clients = Number(process.env.BENCH_CLIENTS ?? 200);
const otherUsers = Number(process.env.BENCH_OTHER_USERS ?? 1000);
const coaches = [
  { label: `${clients} clients`, email: "coach-many@bench.example", marker: `${clients} clients` },
  { label: "1 client", email: "coach-one@bench.example", marker: "1 client" },
] as const;

await runBench({
  name: "coach",
  port: 3402,
  distDir: ".next-coach",
  requests: 40,
  leastRequests: 30,
  deadlineMinutes: 15,
  warmUp: 5,
  users: coaches,
  seed,
  page: "/coach",
  floor: { path: "/invitations", marker: "Invitation code" },
  report: {
    data: `each client: 50 leads, 500 touches; ${otherUsers.toLocaleString()} other seekers with as much, coached by no one`,
    leadingColumns: ["coach"],
    leadingCells: (coach) => [coach.label],
    uniform: (statements) => `One Clients request runs ${statements} SQL statements, with 1 client as with ${clients}.`,
    varying: (statements) => `The number of statements on /coach changes with the clients: ${statements.join(" vs ")}.`,
  },
});

async function seed(tx: postgres.TransactionSql, passwordHash: string) {
  const zones = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Europe/Paris", "Asia/Kathmandu", "America/St_Johns"];
  await tx`
    insert into users (id, name, email, password_hash, time_zone)
    values (md5('bench-coach-many')::uuid, 'Many Clients Coach', ${coaches[0].email}, ${passwordHash}, 'UTC'),
           (md5('bench-coach-one')::uuid, 'One Client Coach', ${coaches[1].email}, ${passwordHash}, 'UTC')`;
  // Clients first, then seekers nobody coaches; the campaign started five weeks ago (week 6 of 10).
  await tx`
    insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
    select md5('bench-seeker-' || g)::uuid, case when g <= ${clients}::int then 'Client ' else 'Seeker ' end || g,
           'seeker-' || g || '@bench.example', 'x', (${zones}::text[])[1 + g % ${zones.length}], current_date - 35 - g % 7
    from generate_series(1, ${clients + otherUsers}::int) g`;
  await tx`
    insert into coach_links (coach_id, seeker_id)
    select md5('bench-coach-many')::uuid, md5('bench-seeker-' || g)::uuid from generate_series(1, ${clients}::int) g
    union all
    select md5('bench-coach-one')::uuid, md5('bench-seeker-1')::uuid`;
  // 50 leads each: 30 contacted, 20 planned one a weekday ahead; a few paused, a few closed.
  await tx`
    insert into leads (id, user_id, company, contact_name, position, planned_first_contact, paused_until, closed_at, closed_as)
    select md5('bench-seeker-' || g || '-lead-' || p)::uuid, md5('bench-seeker-' || g)::uuid, 'Company ' || g || '-' || p,
           'Contact ' || p, p,
           case when p > 30 then current_date + (p - 30) end,
           case when p % 17 = 0 then current_date + 5 end,
           case when p % 23 = 0 then now() - interval '3 days' end,
           case when p % 23 = 0 then 'dropped' end
    from generate_series(1, ${clients + otherUsers}::int) g, generate_series(1, 50) p`;
  // 500 touches each, over the 30 contacted leads and the last 50 days; a fifth inbound, some too soon.
  await withoutTouchIndexes(tx, () => tx`
    insert into touches (user_id, lead_id, at, channel, direction, outcome, note, too_soon, local_date)
    select x.*, (x.at at time zone tz.time_zone)::date
    from (
      select md5('bench-seeker-' || g)::uuid, md5('bench-seeker-' || g || '-lead-' || (1 + k % 30))::uuid,
             now() - ((k * 7919 + g * 13) % 1200) * interval '1 hour',
             (array['phone','email','linkedin','email','in_person','email'])[1 + (k + g) % 6],
             case when k % 5 = 0 then 'inbound' else 'outbound' end,
             case k % 3 when 0 then 'conversation' when 1 then 'left_message' end,
             'Bench note ' || k,
             k % 37 = 0
      from generate_series(1, ${clients + otherUsers}::int) g, generate_series(1, 500) k
    ) x(user_id, lead_id, at, channel, direction, outcome, note, too_soon)
    join users tz on tz.id = x.user_id`);
}
