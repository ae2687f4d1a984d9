import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryClock, arbitraryTouch, dated, local } from "@/test/dated-touches";
import { chronological, isAnswered, isTooSoonAfter, latestOf, tooSoonFlags, touchesByLead } from "./touch";

describe("rule 2, too soon: an outbound touch < 3 days after the previous outbound, with no inbound between", () => {
  it("flags Monday then Wednesday, not Monday then Thursday", () => {
    expect(tooSoonFlags([dated("2026-03-02"), dated("2026-03-04")])).toEqual([false, true]);
    expect(tooSoonFlags([dated("2026-03-02"), dated("2026-03-05")])).toEqual([false, false]);
  });

  it("is cleared by an inbound touch between", () => {
    const history = [dated("2026-03-02"), dated("2026-03-03", { direction: "inbound" }), dated("2026-03-03", { hour: 15 })];
    expect(tooSoonFlags(history)).toEqual([false, false, false]);
  });

  it("is cleared when the previous outbound touch reached the contact (a call with a conversation)", () => {
    const history = [dated("2026-03-02", { channel: "phone", outcome: "conversation" }), dated("2026-03-03")];
    expect(tooSoonFlags(history)).toEqual([false, false]);
    // An unanswered call does not clear it.
    expect(tooSoonFlags([dated("2026-03-02", { channel: "phone", outcome: "no_answer" }), dated("2026-03-03")])).toEqual([false, true]);
  });

  it("never flags an inbound touch nor the first outbound one", () => {
    expect(tooSoonFlags([dated("2026-03-02", { direction: "inbound" }), dated("2026-03-02")])).toEqual([false, false]);
  });

  it("judges the whole history: a backdated touch re-judges the later ones", () => {
    const monday = dated("2026-03-02");
    const thursday = dated("2026-03-05");
    expect(tooSoonFlags([monday, thursday])).toEqual([false, false]);
    // Logged afterwards, dated Wednesday: now Thursday is the one after Wednesday, and both are too soon.
    const wednesday = { ...dated("2026-03-04"), at: new Date("2026-03-06T12:00:00Z") };
    expect(tooSoonFlags([monday, thursday, wednesday])).toEqual([false, true, true]);
  });

  it("gives the flags in the order given, whatever it is", () => {
    expect(tooSoonFlags([dated("2026-03-04"), dated("2026-03-02")])).toEqual([true, false]);
  });

  it("warns before saving (isTooSoonAfter) exactly as the history would flag it", () => {
    const history = [dated("2026-03-02")];
    expect(isTooSoonAfter(history, dated("2026-03-04"))).toBe(true);
    expect(isTooSoonAfter(history, dated("2026-03-05"))).toBe(false);
    expect(isTooSoonAfter(history, dated("2026-03-04", { direction: "inbound" }))).toBe(false);
  });

  it("agrees with the warning for every touch of any history (property)", () => {
    fc.assert(
      fc.property(
        arbitraryClock.chain(({ now, timeZone }) => // Distinct instants: two touches of the same lead at the very same moment have no order.
          fc.uniqueArray(arbitraryTouch(now, timeZone), { maxLength: 12, selector: (touch) => touch.at.getTime() })),
        (touches) => {
          const flags = tooSoonFlags(touches);
          touches.forEach((touch, index) => {
            const others = touches.filter((_, i) => i !== index);
            expect(flags[index]).toBe(isTooSoonAfter(others, touch));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("rule 12, a touch keeps the calendar day it was logged on, in the zone it was logged in", () => {
  it("uses the stored local date, not the instant re-read in today's zone", () => {
    // Logged at 23:30 on Monday in New York: Tuesday in London. Stored as Monday, it stays Monday.
    const monday = { ...dated("2026-03-02"), at: local("2026-03-02", 23, 30, "America/New_York") };
    const thursday = { ...dated("2026-03-05"), at: local("2026-03-05", 9, 0, "Europe/London") };
    expect(tooSoonFlags([monday, thursday])).toEqual([false, false]);
    // The warning before saving judges the same stored days (read in London, the instants say Tuesday to Thursday).
    expect(isTooSoonAfter([monday], thursday)).toBe(false);
  });

  it("orders a history by day first, then instant", () => {
    const tokyoTuesday = { ...dated("2026-03-03"), at: new Date("2026-03-03T01:00:00Z") };
    const newYorkMonday = { ...dated("2026-03-02"), at: new Date("2026-03-03T03:00:00Z") };
    expect(chronological([tokyoTuesday, newYorkMonday])).toEqual([newYorkMonday, tokyoTuesday]);
    expect(latestOf([tokyoTuesday, newYorkMonday])).toBe(tokyoTuesday);
  });

  it("counts an inbound touch, or an outbound one with a two-way outcome, as answered", () => {
    expect(isAnswered({ direction: "inbound", outcome: null })).toBe(true);
    expect(isAnswered({ direction: "outbound", outcome: "replied" })).toBe(true);
    expect(isAnswered({ direction: "outbound", outcome: "left_message" })).toBe(false);
    expect(isAnswered({ direction: "outbound", outcome: null })).toBe(false);
  });
});

describe("touchesByLead", () => {
  it("puts every touch under its lead once, each lead's in the order given", () => {
    const touches = fc.array(fc.record({ leadId: fc.constantFrom("a", "b", "c"), n: fc.nat() }), { maxLength: 40 });
    fc.assert(
      fc.property(touches, (list) => {
        const byLead = touchesByLead(list);
        expect([...byLead.values()].flat()).toHaveLength(list.length);
        for (const [leadId, own] of byLead) expect(own).toEqual(list.filter((touch) => touch.leadId === leadId));
      }),
    );
  });
});
