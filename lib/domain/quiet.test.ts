import { describe, expect, it } from "vitest";
import { dated } from "@/test/dated-touches";
import { leadPace, onPaceShare } from "./lead-pace";
import { quietPlaybook, quietState } from "./quiet";

const details = { phone: "+44 20 7946 0000", email: "a@example.com", linkedinUrl: "" };
const emails = (count: number) =>
  Array.from({ length: count }, (_, i) => dated(`2026-02-${String(2 + i * 4).padStart(2, "0")}`, { outcome: "no_answer" }));

describe("rule 3, quiet: three outbound touches in a row with no inbound touch", () => {
  it("counts the unanswered outbound touches since the last answer", () => {
    expect(quietState(emails(2))).toMatchObject({ unanswered: 2, quiet: false });
    expect(quietState(emails(3))).toMatchObject({ unanswered: 3, quiet: true });
    const answered = [...emails(3), dated("2026-02-15", { direction: "inbound" }), dated("2026-02-16")];
    expect(quietState(answered)).toMatchObject({ unanswered: 1, quiet: false });
  });

  it("takes a call that reached the contact as an answer", () => {
    const history = [...emails(3), dated("2026-02-20", { channel: "phone", outcome: "conversation" })];
    expect(quietState(history)).toMatchObject({ unanswered: 0, quiet: false });
  });

  it("offers nothing when the lead is not quiet", () => {
    const playbook = quietPlaybook({ touches: emails(2), details, materialIds: ["m1"], sentMaterialIds: new Set(), today: "2026-03-02" });
    expect(playbook.steps).toEqual([]);
  });

  it("offers the phone if not tried, then a material not yet sent", () => {
    const playbook = quietPlaybook({
      touches: emails(3),
      details,
      materialIds: ["m1", "m2"],
      sentMaterialIds: new Set(["m1"]),
      today: "2026-03-02",
    });
    expect(playbook.steps).toEqual([
      { kind: "switch_channel", channel: "phone" },
      { kind: "send_material", materialId: "m2" },
    ]);
  });

  it("switches to another channel the lead has details for when the phone was tried, and leaves out what it cannot offer", () => {
    const touches = [...emails(2), dated("2026-02-12", { channel: "phone", outcome: "no_answer" })];
    const playbook = quietPlaybook({ touches, details, materialIds: ["m1"], sentMaterialIds: new Set(["m1"]), today: "2026-03-02" });
    expect(playbook.steps).toEqual([{ kind: "switch_channel", channel: "email" }]);
    const phoneOnly = quietPlaybook({ touches, details: { phone: "123 456" }, materialIds: [], sentMaterialIds: new Set(), today: "2026-03-02" });
    expect(phoneOnly.steps).toEqual([]);
  });

  it("after five unanswered touches offers to pause for 30 days or close", () => {
    const playbook = quietPlaybook({ touches: emails(5), details: {}, materialIds: [], sentMaterialIds: new Set(), today: "2026-03-02" });
    expect(playbook.steps).toEqual([
      { kind: "pause", until: "2026-04-01" },
      { kind: "close", closedAs: "dropped" },
    ]);
  });
});

describe("quiet is not cold", () => {
  it("leaves a quiet lead followed up on time on pace", () => {
    // Three unanswered e-mails, the last on 10 Feb, every 4 days: quiet, and due again on 17 Feb.
    const touches = emails(3);
    const facts = { cadenceDays: 7, plannedFirstContact: null, nextDueOverride: null, pausedUntil: null, closedAt: null, touches };
    const pace = leadPace(facts, { now: new Date("2026-02-12T12:00:00Z"), timeZone: "UTC", contactDays: [1, 2, 3, 4, 5] });
    expect(quietState(touches).quiet).toBe(true);
    expect(pace.state).toBe("upcoming");
    expect(onPaceShare([pace])).toMatchObject({ onPace: 1, active: 1, share: 1 });
  });
});
