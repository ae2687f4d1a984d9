import { describe, expect, it } from "vitest";
import { dated, leadFacts } from "@/test/dated-touches";
import { leadCard } from "./lead-card";
import { todayView, type ViewLead } from "./today-view";

// Wednesday 5 March 2025, 09:00 UTC.
const now = new Date("2025-03-05T09:00:00Z");
const timeZone = "UTC";

function lead(id: string, extra: Partial<ViewLead & { title: string }> = {}) {
  return {
    id,
    company: `${id} Ltd`,
    contactName: "",
    title: "",
    phone: "",
    email: "",
    linkedinUrl: "",
    ...leadFacts(),
    ...extra,
  };
}
const touch = (leadId: string, localDate: string, facts: Parameters<typeof dated>[1] = {}, note = "") => ({
  ...dated(localDate, facts),
  leadId,
  note,
});
const materials = [
  { id: "m1", title: "Portfolio", sentToLeadIds: ["Quiet"] },
  { id: "m2", title: "Case study", sentToLeadIds: [] },
];

function cards(leads: ReturnType<typeof lead>[], touches: ReturnType<typeof touch>[]) {
  const view = todayView({ leads, touches, materials, campaign: null, contactDays: [1, 2, 3, 4, 5], now, timeZone });
  const rows = [...view.work, ...view.cold, ...view.coming];
  return new Map(rows.map((row) => [row.lead.id, leadCard({ row, status: "Due", materials, now, timeZone, hourCycle: "h23" })]));
}

describe("leadCard", () => {
  it("writes a row's texts: who, the last touch, how to reach them, and the materials it already got", () => {
    const card = cards(
      [lead("Quiet", { contactName: "Ada", title: "CTO", phone: "+1 555 0101", email: "ada@quiet.test" })],
      [1, 2, 3].map((day) => touch("Quiet", `2025-02-1${day}`, { channel: "email" }, day === 3 ? "Sent the deck" : "")),
    ).get("Quiet")!;
    expect(card).toMatchObject({
      id: "Quiet",
      company: "Quiet Ltd",
      person: "Ada, CTO",
      status: "Due",
      done: false,
      lastTouch: "Last touch Thu 13 Feb, 10:00: E-mail — “Sent the deck”",
      phone: { text: "+1 555 0101", href: "tel:+15550101" },
      email: "ada@quiet.test",
      suggestedChannel: "phone",
      sentMaterialIds: ["m1"],
      followUp: null,
    });
    expect(card.quiet).toEqual({
      message: "Quiet: 3 touches in a row with no answer. They may be busy, or tired of hearing from you.",
      steps: [
        { kind: "switch_channel", text: "Switch channel: try Phone (the button below)." },
        { kind: "send_material", text: "Send something valuable they have not had: “Case study” (More details › Material)." },
      ],
    });
  });

  it("says a first contact, names no one it does not know, and carries what the last outcome asks for", () => {
    const all = cards(
      [lead("New", { plannedFirstContact: "2025-03-05" }), lead("No"), lead("Won")],
      [
        touch("No", "2025-03-04", { direction: "inbound", outcome: "rejected" }),
        touch("Won", "2025-03-04", { direction: "inbound", outcome: "offer" }),
      ],
    );
    expect(all.get("New")).toMatchObject({ person: null, lastTouch: "No touch yet: this will be your first contact.", quiet: null, phone: null, email: null });
    expect(all.get("No")!.lastTouch).toBe("Last touch yesterday, 10:00: E-mail (they reached you), rejected");
    expect(all.get("No")!.followUp).toEqual({ kind: "close_or_pause", pauseUntil: "2025-06-03" });
    expect(all.get("Won")!.followUp).toEqual({ kind: "close_won" });
  });
});
