import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leadPace, needsTouchToday, quietState } from "@/lib/domain";
import { materials, touches } from "../schema";
import { setUpTestDb } from "@/test/db";
import { getSeekerSettings } from "./campaign";
import { createLead, listLeads } from "./leads";
import { createMaterial } from "./materials";
import { getTodayData } from "./today";
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
      expect(now.getTime() - at.getTime()).toBeLessThanOrEqual(21 * 86_400_000);
    }
    expect((await handle.db.select({ id: materials.id }).from(materials)).length).toBeGreaterThanOrEqual(3);
    expect(await getSampleDataStatus(handle.db, { userId })).toEqual({ leadCount: 50, sampleCount: 50 });
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
    expect(await clearSampleData(handle.db, { userId, now })).toBe(50);
    expect(await listLeads(handle.db, { userId })).toEqual([]);
    expect(await handle.db.select({ id: touches.id }).from(touches)).toEqual([]);
    expect((await handle.db.select({ title: materials.title }).from(materials)).map((m) => m.title)).toEqual(["Mine"]);
    expect(await getSampleDataStatus(handle.db, { userId })).toEqual({ leadCount: 0, sampleCount: 0 });
    // Nothing left to clear: nothing changes.
    expect(await clearSampleData(handle.db, { userId, now })).toBe(0);
  });

  it("clears only the sample leads and their touches once the seeker added leads of their own (or imported them)", async () => {
    const userId = await seeker();
    await loadSampleData(handle.db, { userId, now });
    const { id: mineId } = await createLead(handle.db, { userId, lead: ownLead, now });
    const [report] = await handle.db.select({ id: materials.id }).from(materials).where(eq(materials.title, "My portfolio"));
    // The seeker's own lead got a sample material: that material stays with its touch.
    await handle.db.insert(touches).values({ userId, leadId: mineId, at: new Date("2025-03-05T15:00:00Z"), localDate: "2025-03-05", channel: "email", direction: "outbound", materialId: report!.id });
    expect(await getSampleDataStatus(handle.db, { userId })).toEqual({ leadCount: 51, sampleCount: 50 });
    expect(await clearSampleData(handle.db, { userId, now })).toBe(50);
    expect((await listLeads(handle.db, { userId })).map((lead) => lead.company)).toEqual(["My real lead"]);
    expect(await handle.db.select({ leadId: touches.leadId, materialId: touches.materialId }).from(touches)).toEqual([{ leadId: mineId, materialId: report!.id }]);
    expect((await handle.db.select({ title: materials.title }).from(materials)).map((m) => m.title)).toEqual(["My portfolio"]);
  });

  it("shows every state by the real rules (leadPace, quietState), loaded at any moment, in any zone", async () => {
    const moments = [
      "2025-03-07T03:30:00Z", // Thursday night in New York
      "2025-03-08T12:00:00Z", // a Saturday
      "2025-03-09T23:30:00Z", // Sunday night, Monday in the east
      "2025-03-30T01:30:00Z", // the clocks change in Europe
      "2025-12-31T23:59:00Z",
    ].map((iso) => new Date(iso));
    const zones = ["America/New_York", "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"];
    for (const [index, at] of moments.entries()) {
      const timeZone = zones[index % zones.length]!;
      const userId = (await createUser(handle.db, { name: "Sam", email: `sam${index}@example.com`, passwordHash: "x", timeZone }))!.id;
      if (index === 2) await handle.db.execute(`update users set contact_days = '{2,4}' where id = '${userId}'`);
      expect(await loadSampleData(handle.db, { userId, now: at })).toBe(true);
      const data = (await getTodayData(handle.db, { userId }))!;
      const found = new Set<string>();
      for (const lead of data.leads) {
        const history = data.touches.filter((touch) => touch.leadId === lead.id);
        const pace = leadPace({ ...lead, touches: history }, { now: at, timeZone, contactDays: data.settings.contactDays });
        if (pace.state === "due_today") found.add("due");
        if (["overdue", "cold", "paused", "closed"].includes(pace.state)) found.add(pace.state);
        if (needsTouchToday(pace) && pace.reason === "reply_owed") found.add("reply owed");
        if (needsTouchToday(pace) && pace.reason === "thank_you") found.add("thank-you due");
        if (quietState(history).quiet && pace.state !== "closed" && pace.state !== "paused") found.add("quiet");
      }
      expect([...found].sort(), `${at.toISOString()} in ${timeZone}`).toEqual(
        ["closed", "cold", "due", "overdue", "paused", "quiet", "reply owed", "thank-you due"].sort(),
      );
    }
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
