import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, CHANNELS, computePace, DIRECTIONS, dateOf, todayIn, type Channel, type Direction } from "@/lib/domain";
import { leadFacts } from "@/test/dated-touches";
import { groupToday, TODAY_SECTIONS, type TodayLeadInput, type TodaySection, type TodayTouchInput } from "./group";

const timeZone = "Europe/Paris";
// Monday 3 March 2025, 10:00 in Paris.
const now = new Date("2025-03-03T09:00:00Z");
const daysAgo = (days: number, hour = 10) => new Date(Date.UTC(2025, 2, 3 - days, hour - 1));

function lead(id: string, facts: Partial<TodayLeadInput> = {}): TodayLeadInput {
  return { ...leadFacts(), id, ...facts };
}

function touch(leadId: string, at: Date, channel: Channel = "phone", direction: Direction = "outbound"): TodayTouchInput {
  return { leadId, at, channel, direction, outcome: null, note: "" };
}

const sectionsOf = (rows: ReturnType<typeof groupToday>) => rows.map((row) => [row.lead.id, row.section]);

describe("groupToday", () => {
  it("puts each lead in its section, in the order of the screen", async () => {
    const leads = [
      lead("upcoming-wed", { plannedFirstContact: "2025-03-05" }),
      lead("next-week", { plannedFirstContact: "2025-03-10" }),
      lead("cold"),
      lead("done"),
      lead("overdue"),
      lead("due"),
      lead("first", { plannedFirstContact: "2025-03-03" }),
      lead("paused", { plannedFirstContact: "2025-03-03", pausedUntil: "2025-03-05" }),
      lead("closed", { plannedFirstContact: "2025-03-03", closedAt: daysAgo(1) }),
      lead("unplanned"),
    ];
    const touches = [
      touch("cold", daysAgo(20)),
      touch("done", daysAgo(0, 8)),
      touch("overdue", daysAgo(10)),
      touch("due", daysAgo(7)),
    ];
    expect(sectionsOf(groupToday({ leads, touches, now, timeZone }))).toEqual([
      ["first", "first_contacts"],
      ["due", "due_today"],
      ["overdue", "overdue"],
      ["cold", "cold"],
      ["done", "done_today"],
      ["upcoming-wed", "this_week"],
    ]);
  });

  it("shows the longest-waiting first among overdue and cold leads, and the list order among ties", () => {
    const leads = [lead("a"), lead("b"), lead("c"), lead("d")];
    const touches = [touch("a", daysAgo(9)), touch("b", daysAgo(12)), touch("c", daysAgo(9)), touch("d", daysAgo(30)), touch("d", daysAgo(25))];
    expect(sectionsOf(groupToday({ leads, touches, now, timeZone }))).toEqual([
      ["b", "overdue"],
      ["a", "overdue"],
      ["c", "overdue"],
      ["d", "cold"],
    ]);
  });

  it("counts the week Monday to Sunday in the seeker's zone", () => {
    // Sunday 9 March is still this week; Monday 10 March starts the next.
    const leads = [lead("sunday", { plannedFirstContact: "2025-03-09" }), lead("monday", { plannedFirstContact: "2025-03-10" })];
    expect(sectionsOf(groupToday({ leads, touches: [], now, timeZone }))).toEqual([["sunday", "this_week"]]);
    // Late on Sunday 2 March in New York it is Monday 3 March in Paris: a different week.
    const sundayNight = new Date("2025-03-03T03:00:00Z");
    expect(todayIn(sundayNight, "America/New_York")).toBe("2025-03-02");
    expect(sectionsOf(groupToday({ leads, touches: [], now: sundayNight, timeZone: "America/New_York" }))).toEqual([]);
  });

  it("gives the last touch and suggests the phone after two e-mails in a row", () => {
    const touches = [touch("a", daysAgo(14), "email"), touch("a", daysAgo(7), "email", "outbound")];
    const [row] = groupToday({ leads: [lead("a")], touches, now, timeZone });
    expect(row).toMatchObject({ section: "due_today", suggestedChannel: "phone", lastTouch: { at: daysAgo(7), channel: "email" } });
    expect(row!.pace.firstContact).toBe(false);
  });

  it("puts a lead touched today in Done today, the latest first, even when a hand-set date says otherwise", () => {
    const leads = [lead("a"), lead("b", { nextDueOverride: "2025-03-03", nextDueOverrideSetAt: daysAgo(0, 11) })];
    const touches = [touch("a", daysAgo(0, 8)), touch("b", daysAgo(0, 9), "email", "inbound")];
    expect(sectionsOf(groupToday({ leads, touches, now, timeZone }))).toEqual([
      ["b", "done_today"],
      ["a", "done_today"],
    ]);
  });

  const scenario = fc.record({
    leads: fc.array(
      fc.record({
        planned: fc.option(fc.integer({ min: -20, max: 20 })),
        paused: fc.option(fc.integer({ min: -3, max: 3 })),
        closed: fc.boolean(),
        cadenceDays: fc.integer({ min: 1, max: 14 }),
      }),
      { maxLength: 12 },
    ),
    touches: fc.array(
      fc.record({
        lead: fc.nat(),
        hoursAgo: fc.integer({ min: 0, max: 40 * 24 }),
        channel: fc.constantFrom(...CHANNELS),
        direction: fc.constantFrom(...DIRECTIONS),
      }),
      { maxLength: 40 },
    ),
    timeZone: fc.constantFrom("Europe/Paris", "UTC", "Asia/Kathmandu", "America/St_Johns", "Pacific/Auckland"),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function build({ leads: shapes, touches: touchShapes, timeZone: zone }: Scenario, at = now) {
    const today = todayIn(at, zone);
    const leads = shapes.map((shape, index) =>
      lead(`lead-${index}`, {
        cadenceDays: shape.cadenceDays,
        plannedFirstContact: shape.planned === null ? null : addDays(today, shape.planned),
        pausedUntil: shape.paused === null ? null : addDays(today, shape.paused),
        closedAt: shape.closed ? daysAgo(1) : null,
      }),
    );
    const touches =
      leads.length === 0
        ? []
        : touchShapes.map((shape) =>
            touch(`lead-${shape.lead % leads.length}`, new Date(at.getTime() - shape.hoursAgo * 3_600_000), shape.channel, shape.direction),
          );
    return { leads, touches, today, zone };
  }

  it("property: shows each open, unpaused lead at most once, sections in screen order, lateness ordered", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { leads, touches, today, zone } = build(input);
        const rows = groupToday({ leads, touches, now, timeZone: zone });
        const ids = rows.map((row) => row.lead.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const row of rows) {
          expect(row.lead.closedAt).toBeNull();
          expect(row.lead.pausedUntil === null || row.lead.pausedUntil <= today).toBe(true);
          const touchedToday = row.lastTouch !== null && dateOf(row.lastTouch.at, zone) === today;
          expect(row.section === "done_today").toBe(touchedToday);
          if (row.section === "first_contacts") expect(row.lastTouch).toBeNull();
        }
        const order = rows.map((row) => TODAY_SECTIONS.indexOf(row.section));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const section of ["overdue", "cold", "this_week"] as const) {
          const dues = rows.filter((row) => row.section === section).map((row) => row.pace.nextDue!);
          expect(dues).toEqual([...dues].sort());
        }
      }),
    );
  });

  /**
   * Where the screen's rules (docs/product.md) put a lead, or null where it is not shown; its pace comes
   * from computePace, tested on its own. The week runs Monday to Sunday in the seeker's zone.
   */
  function expectedSection(lead: TodayLeadInput, leadTouches: TodayTouchInput[], at: Date, zone: string): TodaySection | null {
    const today = todayIn(at, zone);
    if (lead.closedAt !== null || (lead.pausedUntil !== null && lead.pausedUntil > today)) return null;
    const pace = computePace({ ...lead, touches: leadTouches }, at, zone);
    if (pace.state === "unplanned") return null;
    if (leadTouches.some((t) => dateOf(t.at, zone) === today)) return "done_today";
    if (pace.state === "due_today") return leadTouches.length === 0 ? "first_contacts" : "due_today";
    if (pace.state === "overdue" || pace.state === "cold") return pace.state;
    const sunday = addDays(today, (7 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7);
    return pace.state === "upcoming" && pace.nextDue! <= sunday ? "this_week" : null;
  }

  it("property: shows every lead that should show, in its section, and no other", () => {
    // Any day of the week, so the week's end is not always six days away.
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 7 * 24 - 1 }), (input, hoursLater) => {
        const at = new Date(now.getTime() + hoursLater * 3_600_000);
        const { leads, touches, zone } = build(input, at);
        const rows = groupToday({ leads, touches, now: at, timeZone: zone });
        const expected = leads.flatMap((lead) => {
          const section = expectedSection(lead, touches.filter((t) => t.leadId === lead.id), at, zone);
          return section === null ? [] : [[lead.id, section]];
        });
        expect(rows).toHaveLength(expected.length);
        expect(new Map(sectionsOf(rows) as [string, TodaySection][])).toEqual(new Map(expected as [string, TodaySection][]));
      }),
      { numRuns: 300 },
    );
  });

  it("property: the order in which touches arrive changes nothing", () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (input, seed) => {
        const { leads, touches, zone } = build(input);
        const shuffled = [...touches].sort((a, b) => ((a.at.getTime() * 31 + seed) % 97) - ((b.at.getTime() * 31 + seed) % 97));
        const plain = groupToday({ leads, touches, now, timeZone: zone });
        const reordered = groupToday({ leads, touches: shuffled, now, timeZone: zone });
        expect(reordered.map((row) => [row.lead.id, row.section, row.suggestedChannel, row.lastTouch?.at])).toEqual(
          plain.map((row) => [row.lead.id, row.section, row.suggestedChannel, row.lastTouch?.at]),
        );
      }),
    );
  });
});
