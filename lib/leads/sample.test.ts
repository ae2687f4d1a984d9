import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOf, leadPace, needsTouchToday, quietState, todayIn, tooSoonFlags, type LeadPace } from "@/lib/domain";
import { arbitraryClock, arbitraryContactDays } from "@/test/dated-touches";
import { leadImportSchema } from "./schemas";
import { isSampleEmail, SAMPLE_LEAD_COUNT, sampleHistory, sampleLeads } from "./sample";

describe("sample data", () => {
  it("has 50 valid, distinct leads, each recognisable by its e-mail", () => {
    const leads = sampleLeads();
    expect(leads).toHaveLength(SAMPLE_LEAD_COUNT);
    expect(new Set(leads.map((lead) => lead.company)).size).toBe(SAMPLE_LEAD_COUNT);
    expect(new Set(leads.map((lead) => lead.email)).size).toBe(SAMPLE_LEAD_COUNT);
    for (const lead of leads) {
      expect(leadImportSchema.parse(lead)).toEqual(lead);
      expect(isSampleEmail(lead.email)).toBe(true);
    }
    expect(isSampleEmail("ann@example.com")).toBe(false);
  });

  it("shows every state of a lead by the real rules, whatever the moment, zone and contact days of loading", () => {
    fc.assert(
      fc.property(arbitraryClock, arbitraryContactDays, ({ now, timeZone }, contactDays) => {
        expect(sampleStates({ now, timeZone, contactDays })).toEqual(new Set(EVERY_STATE));
      }),
    );
  });

  it("writes touches before today, outbound ones at least 3 days apart, only on sample leads", () => {
    fc.assert(
      fc.property(arbitraryClock, arbitraryContactDays, ({ now, timeZone }, contactDays) => {
        const { touches } = sampleHistory({ now, timeZone, contactDays });
        const today = todayIn(now, timeZone);
        for (const touch of touches) {
          expect(dateOf(touch.at, timeZone) < today).toBe(true);
          expect(touch.lead).toBeLessThan(SAMPLE_LEAD_COUNT);
        }
        for (let lead = 0; lead < SAMPLE_LEAD_COUNT; lead++) {
          const dated = touches.filter((touch) => touch.lead === lead).map((touch) => ({ ...touch, localDate: dateOf(touch.at, timeZone) }));
          expect(tooSoonFlags(dated).some(Boolean)).toBe(false);
        }
      }),
    );
  });
});

/** The eight states of the issue: due, overdue, cold, quiet, reply owed, paused, closed, a thank-you due. */
const EVERY_STATE = ["due", "overdue", "cold", "quiet", "reply owed", "paused", "closed", "thank-you due"] as const;

/** Which of the eight states the sample's leads are in at `now`, by leadPace and quietState. */
function sampleStates({ now, timeZone, contactDays }: { now: Date; timeZone: string; contactDays: readonly number[] }): Set<string> {
  const { touches, states } = sampleHistory({ now, timeZone, contactDays });
  const found = new Set<string>();
  sampleLeads().forEach((lead, index) => {
    const state = states.find((entry) => entry.lead === index);
    const history = touches.filter((touch) => touch.lead === index).map((touch) => ({ ...touch, localDate: dateOf(touch.at, timeZone) }));
    const pace = leadPace(
      {
        cadenceDays: lead.cadenceDays,
        plannedFirstContact: null,
        nextDueOverride: null,
        pausedUntil: state?.pausedUntil ?? null,
        closedAt: state?.closed?.at ?? null,
        touches: history,
      },
      { now, timeZone, contactDays },
    );
    for (const name of statesOf(pace, quietState(history).quiet)) found.add(name);
  });
  return found;
}

function statesOf(pace: LeadPace, quiet: boolean): string[] {
  const names: string[] = [];
  if (pace.state === "due_today") names.push("due");
  if (pace.state === "overdue" || pace.state === "cold" || pace.state === "paused" || pace.state === "closed") names.push(pace.state);
  if (needsTouchToday(pace) && pace.reason === "reply_owed") names.push("reply owed");
  if (needsTouchToday(pace) && pace.reason === "thank_you") names.push("thank-you due");
  if (quiet && pace.state !== "closed" && pace.state !== "paused") names.push("quiet");
  return names;
}
