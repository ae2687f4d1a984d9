import { describe, expect, it } from "vitest";
import { dated } from "@/test/dated-touches";
import { todayView, type ViewLead } from "./today-view";

// Wednesday 5 March 2025, 09:00 UTC.
const now = new Date("2025-03-05T09:00:00Z");
const timeZone = "UTC";
const contactDays = [1, 2, 3, 4, 5];

function lead(id: string, extra: Partial<ViewLead> = {}): ViewLead {
  return {
    id,
    company: id,
    contactName: "",
    phone: "",
    email: "",
    linkedinUrl: "",
    cadenceDays: 7,
    plannedFirstContact: null,
    nextDueOverride: null,
    nextDueOverrideSetAt: null,
    pausedUntil: null,
    closedAt: null,
    ...extra,
  };
}

const touch = (leadId: string, localDate: string, facts: Parameters<typeof dated>[1] = {}) => ({ ...dated(localDate, facts), leadId, note: "" });

describe("todayView", () => {
  it("gathers the day's work, the cold ones, the next 7 days, the call, on pace and the campaign", () => {
    const leads = [
      lead("Planned", { plannedFirstContact: "2025-03-05", phone: "+1 555" }),
      lead("Replied", { email: "a@b.test" }),
      lead("Cold", { phone: "+1 556" }),
      lead("Soon"),
      lead("Referred"),
    ];
    const touches = [
      touch("Replied", "2025-03-05", { direction: "inbound", hour: 8 }),
      touch("Cold", "2025-02-10", { channel: "phone" }),
      touch("Soon", "2025-03-03", { channel: "phone" }),
      touch("Referred", "2025-03-04", { channel: "phone", outcome: "referral" }),
    ];
    const view = todayView({
      leads,
      touches,
      materials: [],
      campaign: { startDate: "2025-03-03", firstContactsPerWeek: 5, contactDays },
      contactDays,
      now,
      timeZone,
    });
    expect(view.work.map((row) => [row.lead.id, row.kind, row.done])).toEqual([
      ["Planned", "first_contact", false],
      ["Replied", "reply_owed", false],
    ]);
    expect(view.work[0]!.suggestedChannel).toBe("phone");
    expect(view.work[1]!.suggestedChannel).toBe("email");
    expect(view.cold.map((row) => row.lead.id)).toEqual(["Cold"]);
    expect(view.coming.map((row) => row.lead.id)).toEqual(["Soon", "Referred"]);
    expect(view.coming[1]!.followUp).toMatchObject({ kind: "add_referred_lead" });
    // Monday's and Tuesday's calls: the streak counts them, today is not over.
    expect(view.call).toMatchObject({ contactDay: true, madeToday: false, streak: 2 });
    // Contacted and active: Replied (reply owed today: on pace), Cold, Soon, Referred.
    expect(view.onPace).toEqual({ onPace: 3, active: 4, share: 0.75 });
    expect(view.campaign).toMatchObject({ week: 1, contacted: 4, total: 5, firstContactsThisWeek: 3 });
  });

  it("offers the quiet playbook after three unanswered touches, and pause or close after five", () => {
    const history = ["2025-02-03", "2025-02-10", "2025-02-17", "2025-02-24", "2025-03-03"].map((day) => touch("Quiet", day));
    const view = todayView({
      leads: [lead("Quiet", { phone: "+1 555", email: "q@q.test", cadenceDays: 3 })],
      touches: history,
      materials: [{ id: "m1", sentToLeadIds: [] }],
      campaign: null,
      contactDays,
      now,
      timeZone,
    });
    const row = [...view.work, ...view.coming][0]!;
    expect(row.quiet.quiet).toBe(true);
    expect(row.quiet.steps.map((step) => step.kind)).toEqual(["switch_channel", "send_material", "pause", "close"]);
    expect(view.campaign).toBeNull();
  });
});
