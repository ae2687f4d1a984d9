import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leads, users } from "../schema";
import { setUpTestDb } from "@/test/db";
import {
  campaignSettingsOf,
  getSeekerSettings,
  nextLeadPosition,
  replanCampaign,
  updateCampaignSettings,
} from "./campaign";
import { addLeads, addSeeker, addTouch, plannedDays } from "@/test/fixtures/today";
import { leadPace } from "@/lib/domain";
import { leadInput } from "@/test/fixtures/leads";
import { closeLeads, createLead, getLeadDetail, moveLeadToPosition, pauseLeads, resumeLead, setNextDueOverride } from "./leads";
import { logTouch } from "./touches";

const handle = setUpTestDb();

// Monday 3 March 2025, 10:00 in Paris.
const now = new Date("2025-03-03T09:00:00Z");

describe("getSeekerSettings and campaignSettingsOf", () => {
  it("reads the defaults, and no campaign until there is a start date", async () => {
    const userId = await addSeeker(handle.db);
    const settings = await getSeekerSettings(handle.db, { userId });
    expect(settings).toEqual({
      timeZone: "Europe/Paris",
      campaignStartDate: null,
      firstContactsPerWeek: 5,
      contactDays: [1, 2, 3, 4, 5],
    });
    expect(campaignSettingsOf(settings!)).toBeNull();
    expect(campaignSettingsOf({ ...settings!, campaignStartDate: "2025-03-03" })).toEqual({
      startDate: "2025-03-03",
      firstContactsPerWeek: 5,
      contactDays: [1, 2, 3, 4, 5],
    });
    expect(await getSeekerSettings(handle.db, { userId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});

describe("replanCampaign", () => {
  it("plans one first contact a day, on contact days, in list order", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
    await addLeads(handle.db, { userId, companies: ["A", "B", "C", "D", "E", "F", "G"] });
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({
      A: "2025-03-03",
      B: "2025-03-04",
      C: "2025-03-05",
      D: "2025-03-06",
      E: "2025-03-07",
      // The weekend is not a contact day.
      F: "2025-03-10",
      G: "2025-03-11",
    });
  });

  it("plans nothing without a campaign, and clears an old plan when the campaign is removed", async () => {
    const userId = await addSeeker(handle.db);
    await addLeads(handle.db, { userId, companies: ["A"], extra: { plannedFirstContact: "2025-03-04" } });
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: null });
  });

  it("leaves contacted leads out and never plans a second first contact on their day", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
    const [a] = await addLeads(handle.db, { userId, companies: ["A", "B", "C"] });
    await addTouch(handle.db, { userId, leadId: a!, at: now });
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: null, B: "2025-03-04", C: "2025-03-05" });
  });

  it("leaves closed leads out", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
    const [, b] = await addLeads(handle.db, { userId, companies: ["A", "B", "C"] });
    await handle.db.update(leads).set({ closedAt: now, closedAs: "dropped" }).where(eq(leads.id, b!));
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: null, C: "2025-03-04" });
  });

  it("follows a new list order after a reorder, for the days still to come", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
    const [a, , c] = await addLeads(handle.db, { userId, companies: ["A", "B", "C"] });
    await replanCampaign(handle.db, { userId, now });
    await handle.db.update(leads).set({ position: 5 }).where(eq(leads.id, a!));
    await handle.db.update(leads).set({ position: -1 }).where(eq(leads.id, c!));
    await replanCampaign(handle.db, { userId, now });
    // A keeps today (today's work does not change under the seeker's feet); C and B follow the new order.
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", C: "2025-03-04", B: "2025-03-05" });
  });

  it("plans a lead never planned from today on, never in the past", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-02-24" });
    await addLeads(handle.db, { userId, companies: ["A", "B"] });
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: "2025-03-04" });
  });

  it("keeps a missed day (and today's): only days still to come move", async () => {
    // The rule changed from "missed days move forward" to PRODUCT.md's "a planned first contact that
    // was missed stays in the day's work as overdue; re-planning moves only days still to come".
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-02-24" });
    await addLeads(handle.db, { userId, companies: ["Missed", "Today"], extra: { plannedFirstContact: "2025-02-26" } });
    await handle.db.update(leads).set({ plannedFirstContact: "2025-03-03" }).where(eq(leads.company, "Today"));
    await addLeads(handle.db, { userId, companies: ["Later"], extra: { plannedFirstContact: "2025-03-20", position: 2 } });
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ Missed: "2025-02-26", Today: "2025-03-03", Later: "2025-03-04" });
  });

  it("never reads or changes another seeker's leads", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
    const otherId = await addSeeker(handle.db, { campaignStartDate: "2025-03-10" });
    await addLeads(handle.db, { userId, companies: ["A", "B"] });
    await addLeads(handle.db, { userId: otherId, companies: ["X", "Y"], extra: { plannedFirstContact: "2030-01-01" } });
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: "2025-03-04" });
    expect(await plannedDays(handle.db, { userId: otherId })).toEqual({ X: "2030-01-01", Y: "2030-01-01" });
  });
});

describe("updateCampaignSettings", () => {
  it("saves the campaign and re-plans in the same go", async () => {
    const userId = await addSeeker(handle.db);
    await addLeads(handle.db, { userId, companies: ["A", "B", "C"] });
    await updateCampaignSettings(handle.db, {
      userId,
      now,
      settings: { campaignStartDate: "2025-03-05", firstContactsPerWeek: 2, contactDays: [3, 5] },
    });
    expect(await getSeekerSettings(handle.db, { userId })).toMatchObject({
      campaignStartDate: "2025-03-05",
      firstContactsPerWeek: 2,
      contactDays: [3, 5],
    });
    // Wednesdays and Fridays, two a week.
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-05", B: "2025-03-07", C: "2025-03-12" });
  });

  it("changes only the seeker's own settings", async () => {
    const userId = await addSeeker(handle.db);
    const otherId = await addSeeker(handle.db);
    await updateCampaignSettings(handle.db, {
      userId,
      now,
      settings: { campaignStartDate: "2025-03-05", firstContactsPerWeek: 3, contactDays: [1] },
    });
    const [other] = await handle.db.select({ start: users.campaignStartDate, perWeek: users.firstContactsPerWeek }).from(users).where(eq(users.id, otherId));
    expect(other).toEqual({ start: null, perWeek: 5 });
  });
});

describe("nextLeadPosition", () => {
  it("is 0 for an empty list, then one after the seeker's last", async () => {
    const userId = await addSeeker(handle.db);
    const otherId = await addSeeker(handle.db);
    expect(await nextLeadPosition(handle.db, { userId })).toBe(0);
    await addLeads(handle.db, { userId: otherId, companies: ["X", "Y", "Z", "W"] });
    await addLeads(handle.db, { userId, companies: ["A", "B"] });
    expect(await nextLeadPosition(handle.db, { userId })).toBe(2);
  });
});

/*
 * PRODUCT.md, "Pace" and "Consistency", through the real writes that re-plan: "A paused or
 * hand-dated lead never contacted takes no campaign day until it returns", and "A planned first
 * contact that was missed stays in the day's work as overdue; re-planning moves only days still to
 * come". Monday 3 March 2025 in Paris; campaign from that day, Monday to Friday, 5 a week.
 */
describe("re-planning on every change, by replanFirstContacts", () => {
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  const monday = at("2025-03-03");

  async function listOfThree() {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
    const [a, b, c] = await addLeads(handle.db, { userId, companies: ["A", "B", "C"] });
    await replanCampaign(handle.db, { userId, now: monday });
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: "2025-03-04", C: "2025-03-05" });
    return { userId, a: a!, b: b!, c: c! };
  }

  /** The lead's pace as its page shows it (the same leadPace as Today, the list and the coach). */
  async function paceOf(userId: string, leadId: string, day: string) {
    const detail = (await getLeadDetail(handle.db, { userId, leadId }))!;
    return leadPace({ ...detail.lead, touches: detail.touches }, { now: at(day), timeZone: "Europe/Paris", contactDays: detail.contactDays });
  }

  it("a paused lead never contacted takes no campaign day until it returns, then keeps its return day", async () => {
    const { userId, b } = await listOfThree();
    expect(await pauseLeads(handle.db, { userId, leadIds: [b], until: "2025-03-10", now: monday })).toBe(true);
    // B gives up its Tuesday; C moves up to it.
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: null, C: "2025-03-04" });
    expect((await paceOf(userId, b, "2025-03-07")).state).toBe("paused");

    // The return day: any re-plan (here, a lead added) gives B that day, and nobody else's day moves.
    await createLead(handle.db, { userId, lead: leadInput("D"), now: at("2025-03-10") });
    expect(await plannedDays(handle.db, { userId })).toMatchObject({ B: "2025-03-10", C: "2025-03-04", D: "2025-03-11" });
    expect(await paceOf(userId, b, "2025-03-10")).toMatchObject({ state: "due_today", nextDue: "2025-03-10", reason: "returned" });

    // Days later, still untouched: it keeps its return day and is overdue, not re-planned.
    await replanCampaign(handle.db, { userId, now: at("2025-03-12") });
    expect((await plannedDays(handle.db, { userId })).B).toBe("2025-03-10");
    expect(await paceOf(userId, b, "2025-03-12")).toMatchObject({ state: "overdue", daysOverdue: 2 });
  });

  it("resuming a paused lead by hand gives it a campaign day again", async () => {
    const { userId, b } = await listOfThree();
    await pauseLeads(handle.db, { userId, leadIds: [b], until: "2025-03-20", now: monday });
    expect(await resumeLead(handle.db, { userId, leadId: b, now: monday })).toBe(true);
    // Days still to come are planned again in list order; today's stands.
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: "2025-03-04", C: "2025-03-05" });
  });

  it("a hand-dated lead never contacted takes no campaign day until its date, then keeps it", async () => {
    const { userId, b } = await listOfThree();
    expect(await setNextDueOverride(handle.db, { userId, leadId: b, date: "2025-03-12", now: monday })).toBe(true);
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: null, C: "2025-03-04" });
    expect(await paceOf(userId, b, "2025-03-05")).toMatchObject({ state: "upcoming", nextDue: "2025-03-12", reason: "hand_set" });

    await replanCampaign(handle.db, { userId, now: at("2025-03-12") });
    expect((await plannedDays(handle.db, { userId })).B).toBe("2025-03-12");
    expect(await paceOf(userId, b, "2025-03-12")).toMatchObject({ state: "due_today", reason: "hand_set" });
  });

  it("a missed planned first contact keeps its day and stays overdue when another first contact is logged", async () => {
    const { userId, a, c } = await listOfThree();
    // Wednesday: A (Monday) and B (Tuesday) were missed; C, today's, is called.
    const wednesday = at("2025-03-05");
    const logged = await logTouch(handle.db, {
      userId,
      timeZone: "Europe/Paris",
      now: wednesday,
      touch: { leadId: c, at: wednesday, channel: "phone", direction: "outbound", outcome: "no_answer", note: "", materialId: null, idempotencyKey: null },
      confirmTooSoon: false,
    });
    expect(logged.status).toBe("logged");
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: "2025-03-04", C: "2025-03-05" });
    expect(await paceOf(userId, a, "2025-03-05")).toMatchObject({ state: "overdue", nextDue: "2025-03-03", reason: "first_contact", daysOverdue: 2 });
  });

  it("a missed planned first contact keeps its day when the list is re-planned (reorder, close, add, settings)", async () => {
    const { userId, a, b } = await listOfThree();
    const wednesday = at("2025-03-05");
    // Moving the missed A to the end, closing B, adding D, changing the weekly cap: A keeps Monday.
    await moveLeadToPosition(handle.db, { userId, leadId: a, position: 3, now: wednesday });
    await closeLeads(handle.db, { userId, leadIds: [b], closedAs: "dropped", reason: "No openings", now: wednesday });
    await createLead(handle.db, { userId, lead: leadInput("D"), now: wednesday });
    await updateCampaignSettings(handle.db, {
      userId,
      now: wednesday,
      settings: { campaignStartDate: "2025-03-03", firstContactsPerWeek: 4, contactDays: [1, 2, 3, 4, 5] },
    });
    // C keeps today and D takes Thursday: A, C and D are 3 of this week's 4 (closed B takes no day).
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: null, C: "2025-03-05", D: "2025-03-06" });
    expect(await paceOf(userId, a, "2025-03-05")).toMatchObject({ state: "overdue", reason: "first_contact" });
  });
});

