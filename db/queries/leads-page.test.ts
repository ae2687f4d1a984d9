import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadPace, todayIn } from "@/lib/domain";
import { filterLeads, LEAD_STATE_FILTERS } from "@/lib/leads/filter";
import { companySortKey, LEAD_SORTS, STATE_SORT_RANK, type LeadListQuery } from "@/lib/leads/page";
import { setUpTestDb } from "@/test/db";
import { queryCount, resetQueryCount } from "../query-counter";
import { leads, touches } from "../schema";
import { listLeads } from "./leads";
import { countLeads, listLeadsPage, listMatchingLeadIds } from "./leads-page";
import { createUser } from "./users";

const handle = setUpTestDb({ countQueries: true });

const now = new Date("2025-03-05T09:00:00Z");
const timeZone = "Europe/Paris";

const COMPANIES = ["Acme", "acme", "Société Générale", "SOCIETE", "Globex", "Ça va", "École Zed", "Initech", "Øresund", "b"];
const PEOPLE = ["", "Ann Lee", "Émile Zola", "Bob"];
const DAYS = ["2025-02-10", "2025-02-26", "2025-03-01", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-20"];

const leadArb = fc.record({
  company: fc.constantFrom(...COMPANIES),
  contactName: fc.constantFrom(...PEOPLE),
  position: fc.integer({ min: 0, max: 6 }),
  cadenceDays: fc.integer({ min: 3, max: 10 }),
  plannedFirstContact: fc.option(fc.constantFrom(...DAYS)),
  override: fc.option(fc.constantFrom(...DAYS)),
  pausedUntil: fc.option(fc.constantFrom(...DAYS)),
  closed: fc.boolean(),
  touchDays: fc.array(fc.integer({ min: -20, max: 0 }), { maxLength: 2 }),
});

const queryArb = fc.record({
  state: fc.constantFrom(...LEAD_STATE_FILTERS),
  search: fc.constantFrom("", "", "acme", "societe", "SOCIÉTÉ gen", "ecole", "ann", "zola", "ç", "o"),
  sort: fc.constantFrom(...LEAD_SORTS),
  dir: fc.constantFrom("asc" as const, "desc" as const),
  pageSize: fc.integer({ min: 1, max: 5 }),
});

/** The contact days a new account has (the schema's default). */
const CONTACT_DAYS = [1, 2, 3, 4, 5];

async function seeker() {
  const user = (await createUser(handle.db, { name: "Sam", email: `sam-${Math.random()}@example.com`, passwordHash: "x", timeZone }))!;
  return user.id;
}

type Generated = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;

async function insertLeads(userId: string, generated: Generated[]) {
  for (const lead of generated) {
    const [row] = await handle.db
      .insert(leads)
      .values({
        userId,
        company: lead.company,
        contactName: lead.contactName,
        position: lead.position,
        cadenceDays: lead.cadenceDays,
        plannedFirstContact: lead.plannedFirstContact,
        nextDueOverride: lead.override,
        nextDueOverrideSetAt: lead.override ? new Date("2025-02-20T12:00:00Z") : null,
        pausedUntil: lead.pausedUntil,
        closedAt: lead.closed ? new Date("2025-03-01T10:00:00Z") : null,
        closedAs: lead.closed ? "dropped" : null,
      })
      .returning({ id: leads.id });
    for (const days of lead.touchDays) {
      const at = new Date(now.getTime() + days * 86_400_000 - 3_600_000 * 5);
      await handle.db.insert(touches).values({ userId, leadId: row!.id, at, localDate: todayIn(at, timeZone), channel: "email", direction: "outbound" });
    }
  }
}

/** What the list must show, computed the slow way: every lead in JS, paced by leadPace. */
async function expected(userId: string, query: Omit<LeadListQuery, "after" | "before">) {
  const all = (await listLeads(handle.db, { userId })).map((lead, index) => {
    // Every touch here is outbound e-mail on its own day: the latest is all the rule reads.
    const touches = lead.lastTouch ? [{ ...lead.lastTouch, localDate: todayIn(lead.lastTouch.at, timeZone) }] : [];
    const pace = leadPace({ ...lead, touches }, { now, timeZone, contactDays: CONTACT_DAYS });
    return { ...lead, rank: index + 1, state: pace.state, nextDue: pace.nextDue };
  });
  const shown = filterLeads(all, query);
  const none = query.dir === "asc" ? "9999-12-31" : "0001-01-01";
  const keyOf = (lead: (typeof all)[number]): string | number =>
    query.sort === "order" ? 0 : query.sort === "company" ? companySortKey(lead.company) : query.sort === "state" ? STATE_SORT_RANK[lead.state] : (lead.nextDue ?? none);
  const sign = query.dir === "asc" ? 1 : -1;
  shown.sort((a, b) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return (a.rank - b.rank) * sign;
  });
  return { all, shown };
}

describe("listLeadsPage", () => {
  it("pages through every matching lead exactly once, in the sort order, forwards and back (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(leadArb, { maxLength: 14 }), queryArb, async (generated, { pageSize, ...filter }) => {
        const userId = await seeker();
        await insertLeads(userId, generated);
        const { all, shown } = await expected(userId, filter);

        // Forwards, page by page.
        const pages: string[][] = [];
        let query: LeadListQuery = { ...filter, after: null, before: null };
        for (let guard = 0; guard < 40; guard += 1) {
          const page = await listLeadsPage(handle.db, { userId, now, timeZone, query, pageSize });
          expect(page.matching).toBe(shown.length);
          expect(page.total).toBe(all.length);
          expect(page.offset).toBe(pages.flat().length);
          for (const row of page.rows) expect(row.state).toBe(all.find((lead) => lead.id === row.id)!.state);
          pages.push(page.rows.map((row) => row.id));
          if (!page.next) break;
          query = { ...filter, after: page.next, before: null };
        }
        expect(pages.flat()).toEqual(shown.map((lead) => lead.id));
        expect(new Set(pages.flat()).size).toBe(shown.length);

        // Back again from the last page by each page's "previous" cursor: the same pages.
        let page = await listLeadsPage(handle.db, { userId, now, timeZone, query, pageSize });
        const back: string[][] = [page.rows.map((row) => row.id)];
        while (page.previous) {
          page = await listLeadsPage(handle.db, { userId, now, timeZone, query: { ...filter, after: null, before: page.previous }, pageSize });
          back.unshift(page.rows.map((row) => row.id));
        }
        expect(back.filter((ids) => ids.length > 0)).toEqual(pages.filter((ids) => ids.length > 0));

        expect(await listMatchingLeadIds(handle.db, { userId, now, timeZone, filter })).toEqual(
          [...shown].sort((a, b) => a.rank - b.rank).map((lead) => lead.id),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("reads a page in two statements, whatever the number of leads", async () => {
    const counts: number[] = [];
    for (const size of [3, 120]) {
      const userId = await seeker();
      await insertLeads(
        userId,
        Array.from({ length: size }, (_, index) => ({
          company: `Company ${index}`,
          contactName: "",
          position: index,
          cadenceDays: 7,
          plannedFirstContact: DAYS[index % DAYS.length]!,
          override: null,
          pausedUntil: null,
          closed: false,
          touchDays: index % 3 === 0 ? [-2] : [],
        })),
      );
      resetQueryCount();
      const page = await listLeadsPage(handle.db, {
        userId,
        now,
        timeZone,
        query: { state: "all", search: "", sort: "next_due", dir: "asc", after: null, before: null },
      });
      expect(page.rows.length).toBe(Math.min(size, 50));
      counts.push(queryCount());
    }
    expect(counts).toEqual([2, 2]);
  });

  it("counts the seeker's leads", async () => {
    const userId = await seeker();
    expect(await countLeads(handle.db, { userId })).toBe(0);
    await insertLeads(userId, [
      { company: "A", contactName: "", position: 0, cadenceDays: 7, plannedFirstContact: null, override: null, pausedUntil: null, closed: false, touchDays: [] },
    ]);
    expect(await countLeads(handle.db, { userId })).toBe(1);
  });
});
