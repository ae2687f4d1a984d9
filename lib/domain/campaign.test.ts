import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, laterOf, startOfWeek, weekdayOf, type CalendarDate } from "./dates";
import {
  DEFAULT_CAMPAIGN,
  campaignFigures,
  defaultCampaign,
  replanFirstContacts,
  type PlannedLead,
  type CampaignSettings,
} from "./campaign";

const MONDAY = "2025-03-03";

/** Leads never contacted, never planned, not held. */
function fresh(...ids: string[]): PlannedLead[] {
  return ids.map((id) => ({ id, firstContactOn: null, plannedFirstContact: null, heldUntil: null }));
}

function contacted(id: string, firstContactOn: CalendarDate): PlannedLead {
  return { id, firstContactOn, plannedFirstContact: null, heldUntil: null };
}

function planned(plan: Map<string, CalendarDate | null>): Record<string, CalendarDate | null> {
  return Object.fromEntries(plan);
}

describe("defaults", () => {
  it("plans 5 first contacts a week, Monday to Friday", () => {
    expect(DEFAULT_CAMPAIGN).toEqual({ firstContactsPerWeek: 5, contactDays: [1, 2, 3, 4, 5] });
    expect(defaultCampaign(MONDAY)).toEqual({ startDate: MONDAY, firstContactsPerWeek: 5, contactDays: [1, 2, 3, 4, 5] });
  });
});

describe("replanFirstContacts: the days of leads not yet planned", () => {
  const settings = defaultCampaign(MONDAY);

  it("plans one a day on weekdays, in list order, skipping the weekend", () => {
    const plan = replanFirstContacts({ settings, leads: fresh("a", "b", "c", "d", "e", "f", "g"), today: MONDAY });
    expect(planned(plan)).toEqual({
      a: "2025-03-03",
      b: "2025-03-04",
      c: "2025-03-05",
      d: "2025-03-06",
      e: "2025-03-07",
      f: "2025-03-10",
      g: "2025-03-11",
    });
  });

  it("starts on the first contact day on or after the start date", () => {
    const plan = replanFirstContacts({ settings: defaultCampaign("2025-03-08"), leads: fresh("a"), today: MONDAY });
    expect(plan.get("a")).toBe("2025-03-10");
  });

  it("keeps to the weekly cap, weeks running Monday to Sunday", () => {
    const threeAWeek = { ...settings, firstContactsPerWeek: 3 };
    const plan = replanFirstContacts({ settings: threeAWeek, leads: fresh("a", "b", "c", "d"), today: MONDAY });
    expect(planned(plan)).toEqual({ a: "2025-03-03", b: "2025-03-04", c: "2025-03-05", d: "2025-03-10" });

    // Starting on a Thursday: Thursday and Friday fill the first week's remaining contact days.
    const fromThursday = replanFirstContacts({
      settings: { ...threeAWeek, startDate: "2025-03-06" },
      leads: fresh("a", "b", "c"),
      today: MONDAY,
    });
    expect(planned(fromThursday)).toEqual({ a: "2025-03-06", b: "2025-03-07", c: "2025-03-10" });
  });

  it("still plans one a day when more per week are asked than there are contact days", () => {
    const plan = replanFirstContacts({
      settings: { ...settings, firstContactsPerWeek: 7 },
      leads: fresh("a", "b", "c", "d", "e", "f"),
      today: MONDAY,
    });
    expect(plan.get("e")).toBe("2025-03-07");
    expect(plan.get("f")).toBe("2025-03-10");
  });

  it("uses only the chosen contact days", () => {
    const tuesdaysAndThursdays = { ...settings, contactDays: [4, 2] };
    const plan = replanFirstContacts({ settings: tuesdaysAndThursdays, leads: fresh("a", "b", "c"), today: MONDAY });
    expect(planned(plan)).toEqual({ a: "2025-03-04", b: "2025-03-06", c: "2025-03-11" });
  });

  it("gives contacted leads no plan and plans the others around them", () => {
    const leads = [contacted("a", "2025-02-27"), ...fresh("b"), contacted("c", "2025-02-28"), ...fresh("d")];
    expect(planned(replanFirstContacts({ settings, leads, today: MONDAY }))).toEqual({ b: "2025-03-03", d: "2025-03-04" });
  });

  it("never plans a new day in the past: a lead not yet planned starts today", () => {
    const wednesday = "2025-03-05";
    const plan = replanFirstContacts({ settings, leads: fresh("a", "b", "c", "d"), today: wednesday });
    expect(planned(plan)).toEqual({ a: "2025-03-05", b: "2025-03-06", c: "2025-03-07", d: "2025-03-10" });
  });

  it("starts a future campaign on its start date", () => {
    const plan = replanFirstContacts({ settings: defaultCampaign("2025-04-01"), leads: fresh("a"), today: MONDAY });
    expect(plan.get("a")).toBe("2025-04-01");
  });

  describe("re-planning a list already planned", () => {
    const wednesday = "2025-03-05";
    // a and b were contacted on Monday and Tuesday as planned; c (today), d and e are still to go.
    const plannedOn = (id: string, day: CalendarDate): PlannedLead => ({ ...fresh(id)[0]!, plannedFirstContact: day });
    const list: PlannedLead[] = [
      contacted("a", "2025-03-03"),
      contacted("b", "2025-03-04"),
      plannedOn("c", "2025-03-05"),
      plannedOn("d", "2025-03-06"),
      plannedOn("e", "2025-03-07"),
    ];
    const replan = (leads: PlannedLead[], today = wednesday) => planned(replanFirstContacts({ settings, leads, today }));

    it("after adding a lead, keeps the existing plan and puts the new lead last", () => {
      expect(replan(list)).toEqual({ c: "2025-03-05", d: "2025-03-06", e: "2025-03-07" });
      expect(replan([...list, ...fresh("f")])).toEqual({
        c: "2025-03-05",
        d: "2025-03-06",
        e: "2025-03-07",
        f: "2025-03-10",
      });
    });

    it("after removing a lead, moves the later ones up, from today on", () => {
      expect(replan(list.filter((lead) => lead.id !== "d"))).toEqual({ c: "2025-03-05", e: "2025-03-06" });
      expect(replan(list.filter((lead) => lead.id !== "c"))).toEqual({ d: "2025-03-05", e: "2025-03-06" });
    });

    it("after reordering, follows the new order for the days to come and leaves contacted leads out", () => {
      const [a, b, c, d, e] = list as [PlannedLead, PlannedLead, PlannedLead, PlannedLead, PlannedLead];
      // c keeps today: today's work does not change under the seeker's feet.
      expect(replan([e, b, d, a, c])).toEqual({ e: "2025-03-06", d: "2025-03-07", c: "2025-03-05" });
    });

    it("does not add a second first contact on a day that already had one", () => {
      const withCContactedToday = list.map((lead) => (lead.id === "c" ? contacted("c", wednesday) : lead));
      expect(replan(withCContactedToday)).toEqual({ d: "2025-03-06", e: "2025-03-07" });
    });

    it("counts first contacts already made this week toward its cap", () => {
      const threeAWeek = { ...settings, firstContactsPerWeek: 3 };
      const plan = replanFirstContacts({ settings: threeAWeek, leads: list, today: wednesday });
      expect(planned(plan)).toEqual({ c: "2025-03-05", d: "2025-03-10", e: "2025-03-11" });
    });
  });

  it("rejects settings that could never place a lead", () => {
    const leads = fresh("a");
    expect(() => replanFirstContacts({ settings: { ...settings, contactDays: [] }, leads, today: MONDAY })).toThrow(RangeError);
    expect(() => replanFirstContacts({ settings: { ...settings, contactDays: [7] }, leads, today: MONDAY })).toThrow(RangeError);
    expect(() => replanFirstContacts({ settings: { ...settings, firstContactsPerWeek: 0 }, leads, today: MONDAY })).toThrow(RangeError);
  });
});

describe("replanFirstContacts properties: a list never planned", () => {
  const dates = fc
    .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const scenario = fc
    .record({
      startDate: dates,
      today: dates,
      firstContactsPerWeek: fc.integer({ min: 1, max: 7 }),
      contactDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      leads: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 40 }),
    })
    .map(({ startDate, today, firstContactsPerWeek, contactDays, leads }) => ({
      settings: { startDate, firstContactsPerWeek, contactDays } satisfies CampaignSettings,
      today,
      leads: leads.map((daysAgo, index): PlannedLead =>
        daysAgo === null ? fresh(`lead-${index}`)[0]! : contacted(`lead-${index}`, addDays(today, -daysAgo)),
      ),
    }));

  it("plans each lead not yet contacted, one a day, on contact days, within the weekly cap, in list order", () => {
    fc.assert(
      fc.property(scenario, ({ settings, today, leads }) => {
        const plan = replanFirstContacts({ settings, leads, today });
        const toPlan = leads.filter((lead) => lead.firstContactOn === null);
        expect([...plan.keys()]).toEqual(toPlan.map((lead) => lead.id));

        const days = toPlan.map((lead) => plan.get(lead.id) ?? "");
        const firstContacts = leads.flatMap((lead) => (lead.firstContactOn ? [lead.firstContactOn] : []));
        const begin = laterOf(settings.startDate, today);
        days.forEach((day, index) => {
          expect(day >= begin).toBe(true);
          expect(settings.contactDays).toContain(weekdayOf(day));
          expect(firstContacts).not.toContain(day);
          if (index > 0) expect(day > days[index - 1]!).toBe(true); // list order, never two on one day
        });

        const perWeek = new Map<CalendarDate, number>();
        for (const day of [...days, ...firstContacts]) {
          perWeek.set(startOfWeek(day), (perWeek.get(startOfWeek(day)) ?? 0) + 1);
        }
        for (const day of days) expect(perWeek.get(startOfWeek(day))).toBeLessThanOrEqual(settings.firstContactsPerWeek);
      }),
      { numRuns: 300 },
    );
  });
});

describe("rule 8, the planner: a missed first contact keeps its day; re-planning moves only days still to come", () => {
  const settings = defaultCampaign("2025-02-24"); // a Monday
  const lead = (id: string, facts: Partial<PlannedLead> = {}): PlannedLead => ({
    id,
    firstContactOn: null,
    plannedFirstContact: null,
    heldUntil: null,
    ...facts,
  });
  // Wednesday 5 March 2025.
  const today = "2025-03-05";

  it("keeps a missed day and today's, and plans the rest from tomorrow on", () => {
    const plan = replanFirstContacts({
      settings,
      today,
      leads: [
        lead("missed", { plannedFirstContact: "2025-03-03" }),
        lead("today", { plannedFirstContact: "2025-03-05" }),
        lead("done", { firstContactOn: "2025-03-04" }),
        lead("later", { plannedFirstContact: "2025-03-20" }),
        lead("new"),
      ],
    });
    expect(Object.fromEntries(plan)).toEqual({
      missed: "2025-03-03",
      today: "2025-03-05",
      later: "2025-03-06",
      new: "2025-03-07",
    });
  });

  it("counts kept days toward the week's cap", () => {
    const plan = replanFirstContacts({
      settings: { ...settings, firstContactsPerWeek: 3 },
      today,
      leads: [lead("a", { plannedFirstContact: "2025-03-03" }), lead("b", { firstContactOn: "2025-03-04" }), lead("c", { plannedFirstContact: "2025-03-05" }), lead("d")],
    });
    expect(plan.get("d")).toBe("2025-03-10");
  });

  it("gives a paused or hand-dated lead never contacted no day until it returns, then its own day", () => {
    const plan = replanFirstContacts({
      settings,
      today,
      leads: [lead("held", { heldUntil: "2025-03-10", plannedFirstContact: "2025-03-06" }), lead("back", { heldUntil: "2025-03-04" }), lead("next")],
    });
    expect(Object.fromEntries(plan)).toEqual({ held: null, back: "2025-03-04", next: "2025-03-05" });
  });

  it("never moves a kept day and never plans a new one in the past (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 20 }),
        fc.array(
          fc.record({
            contacted: fc.option(fc.integer({ min: -20, max: 0 }), { nil: null }),
            planned: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
            held: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null, freq: 4 }),
          }),
          { maxLength: 15 },
        ),
        (offset, rows) => {
          const day = addDays(today, offset);
          const leads = rows.map((row, i) =>
            lead(`l${i}`, {
              firstContactOn: row.contacted === null ? null : addDays(day, row.contacted),
              plannedFirstContact: row.planned === null ? null : addDays(day, row.planned),
              heldUntil: row.held === null ? null : addDays(day, row.held),
            }),
          );
          const plan = replanFirstContacts({ settings, leads, today: day });
          for (const l of leads) {
            if (l.firstContactOn !== null) expect(plan.has(l.id)).toBe(false);
            else if (l.heldUntil !== null) expect(plan.get(l.id)).toBe(l.heldUntil <= day ? l.heldUntil : null);
            else if (l.plannedFirstContact !== null && l.plannedFirstContact <= day) expect(plan.get(l.id)).toBe(l.plannedFirstContact);
            else {
              const newDay = plan.get(l.id)!;
              expect(newDay >= laterOf(settings.startDate, day)).toBe(true);
              expect(settings.contactDays).toContain(weekdayOf(newDay));
            }
          }
          const fresh = leads.filter((l) => l.firstContactOn === null && l.heldUntil === null && !(l.plannedFirstContact !== null && l.plannedFirstContact <= day));
          const freshDays = fresh.map((l) => plan.get(l.id)!);
          expect(new Set(freshDays).size).toBe(freshDays.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("rule 11, the campaign: week k of n (Monday to Sunday), first contacts this week against the plan, contacted of all", () => {
  // Starts Wednesday 26 Feb 2025: week 1 is Mon 24 Feb to Sun 2 Mar.
  const settings = defaultCampaign("2025-02-26");
  const lead = (firstContactOn: string | null, plannedFirstContact: string | null = null, closed = false) => ({
    firstContactOn,
    plannedFirstContact,
    closed,
  });

  it("counts Monday-to-Sunday weeks from the start's week, and n from the last first-contact day", () => {
    const leads = [
      lead("2025-02-26"),
      lead("2025-02-27"),
      lead("2025-03-03"),
      lead("2025-03-04"),
      lead(null, "2025-03-05"),
      lead(null, "2025-03-10"),
      lead(null, null, true),
    ];
    expect(campaignFigures({ settings, leads, today: "2025-03-04" })).toEqual({
      week: 2,
      weeks: 3,
      firstContactsThisWeek: 2,
      // 5 a week, but only 4 first contacts are left to make (2 made this week, 2 to come).
      weekPlan: 4,
      contacted: 4,
      total: 6,
    });
    expect(campaignFigures({ settings, leads, today: "2025-03-02" }).week).toBe(1);
    expect(campaignFigures({ settings, leads, today: "2025-02-25" }).week).toBe(0);
  });

  it("plans no more in the first week than its contact days from the start, nor than the leads left", () => {
    expect(campaignFigures({ settings, leads: [lead(null, "2025-02-26")], today: "2025-02-26" }).weekPlan).toBe(1);
    const many = Array.from({ length: 10 }, () => lead(null, "2025-03-10"));
    expect(campaignFigures({ settings, leads: many, today: "2025-02-26" }).weekPlan).toBe(3);
  });

  it("keeps counting weeks when the campaign runs late", () => {
    const figures = campaignFigures({ settings, leads: [lead(null, "2025-02-27")], today: "2025-03-20" });
    expect([figures.week, figures.weeks]).toEqual([4, 1]);
  });

  it("gives a whole-number week ≥ 0, weeks ≥ 1 and contacted ≤ total (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 60 }),
        fc.array(fc.record({ c: fc.option(fc.integer({ min: -20, max: 40 }), { nil: null }), p: fc.option(fc.integer({ min: -20, max: 40 }), { nil: null }), closed: fc.boolean() })),
        (offset, rows) => {
          const leads = rows.map((r) => lead(r.c === null ? null : addDays(settings.startDate, r.c), r.p === null ? null : addDays(settings.startDate, r.p), r.closed));
          const figures = campaignFigures({ settings, leads, today: addDays(settings.startDate, offset) });
          expect(figures.week).toBeGreaterThanOrEqual(0);
          expect(figures.weeks).toBeGreaterThanOrEqual(1);
          expect(figures.contacted).toBeLessThanOrEqual(figures.total);
          expect(figures.weekPlan).toBeLessThanOrEqual(5);
          expect(figures.week === 0).toBe(offset < 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
