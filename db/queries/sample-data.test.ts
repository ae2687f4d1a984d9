import { describe, expect, it } from "vitest";
import { materials, touches } from "../schema";
import { setUpTestDb } from "@/test/db";
import { getSeekerSettings } from "./campaign";
import { createLead, listLeads } from "./leads";
import { createMaterial } from "./materials";
import { clearSampleData, getSampleDataStatus, loadSampleData } from "./sample-data";
import { createUser } from "./users";

const handle = setUpTestDb();

// Thursday 6 March 2025, late evening in New York (already Friday in UTC).
const now = new Date("2025-03-07T03:30:00Z");

async function seeker(email = "sam@example.com") {
  return (await createUser(handle.db, { name: "Sam", email, passwordHash: "x", timeZone: "America/New_York" }))!.id;
}

const ownLead = {
  company: "My real lead",
  contactName: "",
  title: "",
  email: "me@real.test",
  phone: "",
  linkedinUrl: "",
  notes: "",
  personalNotes: "",
  cadenceDays: 7,
};

describe("sample data", () => {
  it("fills an empty list with 50 planned leads, materials and past touches, and a campaign from this Monday", async () => {
    const userId = await seeker();
    expect(await loadSampleData(handle.db, { userId, now })).toBe(true);

    const list = await listLeads(handle.db, { userId });
    expect(list).toHaveLength(50);
    expect(new Set(list.map((lead) => lead.company)).size).toBe(50);
    expect(list.filter((lead) => lead.phone).length).toBeGreaterThan(10);
    expect((await getSeekerSettings(handle.db, { userId }))?.campaignStartDate).toBe("2025-03-03");
    // Untouched leads are planned from today (Thursday in New York), one a working day.
    const planned = list.filter((lead) => lead.plannedFirstContact).map((lead) => lead.plannedFirstContact);
    expect(planned.slice(0, 3)).toEqual(["2025-03-06", "2025-03-07", "2025-03-10"]);

    const logged = await handle.db.select({ at: touches.at }).from(touches);
    expect(logged.length).toBeGreaterThan(5);
    for (const { at } of logged) {
      expect(at.getTime()).toBeLessThan(now.getTime());
      expect(now.getTime() - at.getTime()).toBeLessThanOrEqual(15 * 86_400_000);
    }
    expect((await handle.db.select({ id: materials.id }).from(materials)).length).toBeGreaterThanOrEqual(3);
    expect(await getSampleDataStatus(handle.db, { userId })).toEqual({ leadCount: 50, onlySampleLeads: true });
  });

  it("keeps a campaign the seeker already set", async () => {
    const userId = await seeker();
    await handle.db.execute(`update users set campaign_start_date = '2025-02-17' where id = '${userId}'`);
    await loadSampleData(handle.db, { userId, now });
    expect((await getSeekerSettings(handle.db, { userId }))?.campaignStartDate).toBe("2025-02-17");
  });

  it("refuses to load over existing leads", async () => {
    const userId = await seeker();
    await createLead(handle.db, { userId, lead: ownLead, now });
    expect(await loadSampleData(handle.db, { userId, now })).toBe(false);
    expect(await listLeads(handle.db, { userId })).toHaveLength(1);
  });

  it("clears the sample (leads, touches, sample materials) but keeps the seeker's own material", async () => {
    const userId = await seeker();
    await loadSampleData(handle.db, { userId, now });
    await createMaterial(handle.db, { userId, material: { title: "Mine", url: "https://mine.test", topic: "" } });
    expect(await clearSampleData(handle.db, { userId, now })).toBe(true);
    expect(await listLeads(handle.db, { userId })).toEqual([]);
    expect(await handle.db.select({ id: touches.id }).from(touches)).toEqual([]);
    expect((await handle.db.select({ title: materials.title }).from(materials)).map((m) => m.title)).toEqual(["Mine"]);
    expect(await getSampleDataStatus(handle.db, { userId })).toEqual({ leadCount: 0, onlySampleLeads: false });
  });

  it("does not clear once the seeker has a lead of their own", async () => {
    const userId = await seeker();
    await loadSampleData(handle.db, { userId, now });
    await createLead(handle.db, { userId, lead: ownLead, now });
    expect(await getSampleDataStatus(handle.db, { userId })).toEqual({ leadCount: 51, onlySampleLeads: false });
    expect(await clearSampleData(handle.db, { userId, now })).toBe(false);
    expect(await listLeads(handle.db, { userId })).toHaveLength(51);
  });

  it("touches only the seeker's own data", async () => {
    const sam = await seeker();
    const eve = await seeker("eve@example.com");
    await loadSampleData(handle.db, { userId: sam, now });
    await loadSampleData(handle.db, { userId: eve, now });
    await clearSampleData(handle.db, { userId: eve, now });
    expect(await listLeads(handle.db, { userId: sam })).toHaveLength(50);
    expect(await listLeads(handle.db, { userId: eve })).toHaveLength(0);
  });
});
