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

  it("follows a new list order after a reorder", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
    const [a, , c] = await addLeads(handle.db, { userId, companies: ["A", "B", "C"] });
    await replanCampaign(handle.db, { userId, now });
    await handle.db.update(leads).set({ position: 5 }).where(eq(leads.id, a!));
    await handle.db.update(leads).set({ position: -1 }).where(eq(leads.id, c!));
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ C: "2025-03-03", B: "2025-03-04", A: "2025-03-05" });
  });

  it("moves missed days forward: nothing is planned before today", async () => {
    const userId = await addSeeker(handle.db, { campaignStartDate: "2025-02-24" });
    await addLeads(handle.db, { userId, companies: ["A", "B"] });
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ A: "2025-03-03", B: "2025-03-04" });
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
