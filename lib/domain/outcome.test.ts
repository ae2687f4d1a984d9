import { describe, expect, it } from "vitest";
import { outcomeFollowUp } from "./outcome";

const lead = { company: "Acme", contactName: "Ada Lovelace" };
const ask = (outcome: Parameters<typeof outcomeFollowUp>[0]["lastTouch"]) =>
  outcomeFollowUp({ lastTouch: outcome, lead, contactDays: [1, 2, 3, 4, 5], today: "2026-03-02" });

describe("rule 6, what an outcome asks for next", () => {
  it("conversation or meeting set: a thank-you due the next contact day", () => {
    expect(ask({ localDate: "2026-02-27", outcome: "conversation" })).toEqual({ kind: "thank_you", due: "2026-03-02" });
    expect(ask({ localDate: "2026-03-02", outcome: "meeting_set" })).toEqual({ kind: "thank_you", due: "2026-03-03" });
  });

  it("referral: add the person referred as a lead, prefilled with where it came from", () => {
    expect(ask({ localDate: "2026-03-02", outcome: "referral" })).toEqual({
      kind: "add_referred_lead",
      prefill: { company: "", notes: "Referred by Ada Lovelace (Acme) on 2026-03-02." },
    });
  });

  it("rejected: close (dropped) or pause for 90 days", () => {
    expect(ask({ localDate: "2026-03-02", outcome: "rejected" })).toEqual({
      kind: "close_or_pause",
      closedAs: "dropped",
      pauseUntil: "2026-05-31",
    });
  });

  it("offer: close as won", () => {
    expect(ask({ localDate: "2026-03-02", outcome: "offer" })).toEqual({ kind: "close_won", closedAs: "won" });
  });

  it("anything else (or no touch) asks for nothing beyond the cadence", () => {
    for (const outcome of ["no_answer", "left_message", "replied", null] as const) {
      expect(ask({ localDate: "2026-03-02", outcome })).toBeNull();
    }
    expect(ask(null)).toBeNull();
  });
});
