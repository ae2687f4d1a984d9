import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryClock, arbitraryContactDays, arbitraryPastTouch, dated, local } from "@/test/dated-touches";
import { todayIn } from "./dates";
import { dailyCall } from "./daily-call";
import type { DatedTouch } from "./touch";

const timeZone = "America/New_York";
const weekdays = [1, 2, 3, 4, 5];
const call = (localDate: string, leadId = "a", facts: Parameters<typeof dated>[1] = {}) => ({
  ...dated(localDate, { channel: "phone", timeZone, ...facts }),
  leadId,
});
// Wednesday 4 March 2026, 18:00 in New York.
const wednesday = local("2026-03-04", 18, 0, timeZone);
const figures = (touches: (DatedTouch & { leadId: string })[], now = wednesday) =>
  dailyCall({ touches, contactDays: weekdays, now, timeZone });

describe("rule 9, the daily call: an outbound phone touch on each contact day, and its streak", () => {
  it("counts contact days in a row with the call made, skipping days off", () => {
    // Thu, Fri, (weekend), Mon, Tue, Wed.
    const touches = ["2026-02-26", "2026-02-27", "2026-03-02", "2026-03-03", "2026-03-04"].map((day, i) => call(day, `l${i}`));
    expect(figures(touches)).toEqual({ today: "2026-03-04", contactDay: true, madeToday: true, streak: 5 });
  });

  it("does not break on today before it is over, and breaks on a missed contact day", () => {
    const touches = [call("2026-03-02", "a"), call("2026-03-03", "b")];
    expect(figures(touches)).toMatchObject({ madeToday: false, streak: 2 });
    expect(figures([call("2026-02-27", "a"), call("2026-03-03", "b")])).toMatchObject({ streak: 1 });
  });

  it("counts only outbound phone touches", () => {
    const touches = [call("2026-03-04", "a", { channel: "email" }), call("2026-03-04", "b", { direction: "inbound" })];
    expect(figures(touches)).toMatchObject({ madeToday: false, streak: 0 });
  });

  it("does not count a too-soon call (too-soon touches count for nothing)", () => {
    // The same lead e-mailed on Monday, unanswered: Wednesday's call is too soon.
    const touches = [call("2026-03-02", "a", { channel: "email" }), call("2026-03-04", "a")];
    expect(figures(touches)).toMatchObject({ madeToday: false, streak: 0 });
    // The same call to another lead counts.
    expect(figures([call("2026-03-02", "a", { channel: "email" }), call("2026-03-04", "b")])).toMatchObject({ madeToday: true, streak: 1 });
  });

  it("uses the stored local date: a call logged at 23:30 Tuesday in New York is Tuesday's", () => {
    const late = { ...call("2026-03-03"), at: local("2026-03-03", 23, 30, timeZone) };
    expect(figures([late]).streak).toBe(1);
    // Seen from London, where that instant is Wednesday, it is still Tuesday's call.
    const london = dailyCall({ touches: [late], contactDays: weekdays, now: wednesday, timeZone: "Europe/London" });
    expect(london).toMatchObject({ today: "2026-03-04", madeToday: false, streak: 1 });
  });

  const scenario = arbitraryClock.chain(({ now, timeZone: zone }) =>
    fc.record({
      now: fc.constant(now),
      timeZone: fc.constant(zone),
      contactDays: arbitraryContactDays,
      touches: fc.array(
        fc.record({ touch: arbitraryPastTouch(now, zone), leadId: fc.constantFrom("a", "b", "c") }).map(({ touch, leadId }) => ({ ...touch, leadId })),
        { maxLength: 15 },
      ),
    }),
  );

  it("today never breaks the streak: without today's touches it is the streak less today's call (property)", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const today = todayIn(input.now, input.timeZone);
        const result = dailyCall(input);
        const withoutToday = dailyCall({ ...input, touches: input.touches.filter((touch) => touch.localDate !== today) });
        expect(withoutToday.streak).toBe(result.streak - (result.madeToday && result.contactDay ? 1 : 0));
        expect(result.streak).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it("a too-soon call added today never makes the call (property)", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const today = todayIn(input.now, input.timeZone);
        const before = dailyCall(input);
        // An unanswered e-mail to a new lead this morning, then a call to it: too soon.
        const at = new Date(input.now.getTime() - 60_000);
        const extra = [
          { at: new Date(at.getTime() - 60_000), localDate: today, channel: "email" as const, direction: "outbound" as const, outcome: null, leadId: "new" },
          { at, localDate: today, channel: "phone" as const, direction: "outbound" as const, outcome: null, leadId: "new" },
        ];
        expect(dailyCall({ ...input, touches: [...input.touches, ...extra] })).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
