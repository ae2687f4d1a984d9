import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { LeadInput } from "@/lib/leads/schemas";
import { leadInput } from "@/test/fixtures/leads";
import { leads, materials, touches } from "../schema";
import { setUpTestDb } from "@/test/db";
import { updateCampaignSettings } from "./campaign";
import { localDateInOwnersZone } from "./touches";
import {
  closeLeads,
  createLead,
  deleteLeads,
  getLead,
  getLeadDetail,
  getLeadsByIds,
  importLeads,
  listLeadIdentities,
  listLeads,
  listLeadsForExport,
  listTouchLogForExport,
  deleteMatchingLeads,
  dropMatchingLeads,
  importAllowance,
  LeadLimitReached,
  moveLeadToPosition,
  pauseMatchingLeads,
  pauseLeads,
  reopenLead,
  resumeLead,
  setNextDueOverride,
  updateLead,
} from "./leads";
import { countLeads } from "./leads-page";
import { createMaterial } from "./materials";
import { createUser } from "./users";

const handle = setUpTestDb();

// Wednesday 5 March 2025, 10:00 in Paris.
const now = new Date("2025-03-05T09:00:00Z");
const timeZone = "Europe/Paris";

async function seeker(email = "sam@example.com") {
  const user = (await createUser(handle.db, { name: "Sam", email, passwordHash: "x", timeZone }))!;
  return user.id;
}

async function addLeads(userId: string, companies: string[]) {
  const ids: string[] = [];
  for (const company of companies) ids.push((await createLead(handle.db, { userId, lead: leadInput(company), now })).id);
  return ids;
}

async function logTouch(userId: string, leadId: string, at: string, extra: Partial<typeof touches.$inferInsert> = {}) {
  await handle.db.insert(touches).values({ userId, leadId, at: new Date(at), localDate: localDateInOwnersZone(userId, new Date(at)), channel: "email", direction: "outbound", ...extra });
}

async function companiesInOrder(userId: string) {
  return (await listLeads(handle.db, { userId })).map((lead) => lead.company);
}

async function startCampaign(userId: string, campaignStartDate = "2025-03-03") {
  await updateCampaignSettings(handle.db, {
    userId,
    now,
    settings: { campaignStartDate, firstContactsPerWeek: 5, contactDays: [1, 2, 3, 4, 5] },
  });
}

describe("adding, listing and editing leads", () => {
  it("adds leads at the end of the list, plans their first contact, and lists them with their latest touch", async () => {
    const userId = await seeker();
    await startCampaign(userId);
    const [acme, globex] = await addLeads(userId, ["Acme", "Globex", "Initech"]);
    // From today (Wednesday), one a working day, in list order.
    expect((await listLeads(handle.db, { userId })).map((lead) => lead.plannedFirstContact)).toEqual([
      "2025-03-05",
      "2025-03-06",
      "2025-03-07",
    ]);
    await logTouch(userId, acme!, "2025-03-01T10:00:00Z", { channel: "phone" });
    await logTouch(userId, acme!, "2025-03-04T10:00:00Z", { channel: "email", outcome: "replied", direction: "inbound" });

    const list = await listLeads(handle.db, { userId });
    expect(list.map((lead) => lead.company)).toEqual(["Acme", "Globex", "Initech"]);
    expect(list[0]!.lastTouch).toEqual({
      at: new Date("2025-03-04T10:00:00Z"),
      channel: "email",
      direction: "inbound",
      outcome: "replied",
    });
    expect(list[1]!.lastTouch).toBeNull();
    expect((await getLead(handle.db, { userId, leadId: globex! }))?.company).toBe("Globex");
  });

  it("updates a lead's fields", async () => {
    const userId = await seeker();
    const [id] = await addLeads(userId, ["Acme"]);
    const changed = leadInput("Acme Corp", { contactName: "Ann", email: "ann@acme.test", cadenceDays: 10, personalNotes: "Sails" });
    expect(await updateLead(handle.db, { userId, leadId: id!, lead: changed })).toBe(true);
    expect(await getLead(handle.db, { userId, leadId: id! })).toMatchObject(changed);
  });

  it("answers nothing for an id that is not a UUID, without asking the database to parse it", async () => {
    const userId = await seeker();
    expect(await getLead(handle.db, { userId, leadId: "not-a-uuid" })).toBeNull();
    expect(await getLeadDetail(handle.db, { userId, leadId: "1; drop table leads" })).toBeNull();
    expect(await deleteLeads(handle.db, { userId, leadIds: ["x"], now })).toBe(false);
  });
});

describe("the lead's page", () => {
  it("gives the whole timeline newest first, with the material each touch carried", async () => {
    const userId = await seeker();
    const [id] = await addLeads(userId, ["Acme"]);
    const report = await createMaterial(handle.db, { userId, material: { title: "Report", url: "https://r.test", topic: "" } });
    await logTouch(userId, id!, "2025-03-01T10:00:00Z", { materialId: report.id, note: "sent the report" });
    await logTouch(userId, id!, "2025-03-03T10:00:00Z", { channel: "phone", outcome: "conversation" });

    const detail = await getLeadDetail(handle.db, { userId, leadId: id! });
    expect(detail?.lead.company).toBe("Acme");
    expect(detail?.touches.map((touch) => [touch.channel, touch.material?.title ?? null])).toEqual([
      ["phone", null],
      ["email", "Report"],
    ]);
  });

  it("sets and clears a next due date by hand, recording when", async () => {
    const userId = await seeker();
    const [id] = await addLeads(userId, ["Acme"]);
    await setNextDueOverride(handle.db, { userId, leadId: id!, date: "2025-03-20", now });
    expect(await getLead(handle.db, { userId, leadId: id! })).toMatchObject({ nextDueOverride: "2025-03-20", nextDueOverrideSetAt: now });
    await setNextDueOverride(handle.db, { userId, leadId: id!, date: null, now });
    expect(await getLead(handle.db, { userId, leadId: id! })).toMatchObject({ nextDueOverride: null, nextDueOverrideSetAt: null });
  });
});

describe("pausing, closing and reopening", () => {
  it("pauses and resumes", async () => {
    const userId = await seeker();
    const [a, b] = await addLeads(userId, ["Acme", "Globex"]);
    expect(await pauseLeads(handle.db, { userId, leadIds: [a!, b!], until: "2025-04-01", now })).toBe(true);
    expect((await listLeads(handle.db, { userId })).map((lead) => lead.pausedUntil)).toEqual(["2025-04-01", "2025-04-01"]);
    expect(await resumeLead(handle.db, { userId, leadId: a!, now })).toBe(true);
    expect((await listLeads(handle.db, { userId })).map((lead) => lead.pausedUntil)).toEqual([null, "2025-04-01"]);
  });

  it("closes leads out of the campaign plan, and reopening plans them again", async () => {
    const userId = await seeker();
    await startCampaign(userId);
    const [a, b] = await addLeads(userId, ["Acme", "Globex"]);
    expect(await closeLeads(handle.db, { userId, leadIds: [a!], closedAs: "dropped", reason: "No openings", now })).toBe(true);
    let list = await listLeads(handle.db, { userId });
    expect(list[0]).toMatchObject({ closedAs: "dropped", closedReason: "No openings", closedAt: now, plannedFirstContact: null });
    expect(list[1]!.plannedFirstContact).toBe("2025-03-05");

    expect(await reopenLead(handle.db, { userId, leadId: a!, now })).toBe(true);
    list = await listLeads(handle.db, { userId });
    // Globex keeps today, which it took when Acme closed (re-planning moves only days still to come:
    // PRODUCT.md, Consistency); Acme, back in the list first, takes the next day.
    expect(list[0]).toMatchObject({ closedAs: null, closedReason: "", closedAt: null, plannedFirstContact: "2025-03-06" });
    expect(list[1]!.plannedFirstContact).toBe("2025-03-05");
    expect(b).toBeDefined();
  });
});

describe("reordering", () => {
  it("moves a lead to a position, the others making room, re-planning the campaign; past the end is last", async () => {
    const userId = await seeker();
    await startCampaign(userId);
    const [a, , c, d] = await addLeads(userId, ["A", "B", "C", "D"]);
    expect(await moveLeadToPosition(handle.db, { userId, leadId: c!, position: 1, now })).toBe(true);
    expect(await companiesInOrder(userId)).toEqual(["C", "A", "B", "D"]);
    await moveLeadToPosition(handle.db, { userId, leadId: c!, position: 3, now });
    expect(await companiesInOrder(userId)).toEqual(["A", "B", "C", "D"]);
    await moveLeadToPosition(handle.db, { userId, leadId: a!, position: 99, now });
    expect(await companiesInOrder(userId)).toEqual(["B", "C", "D", "A"]);
    await moveLeadToPosition(handle.db, { userId, leadId: d!, position: 0, now });
    expect(await companiesInOrder(userId)).toEqual(["D", "B", "C", "A"]);
    const list = await listLeads(handle.db, { userId });
    // A keeps today, its day before the moves (re-planning moves only days still to come: PRODUCT.md,
    // Consistency); D, B and C take the days after it in the new order.
    expect(list.map((lead) => lead.plannedFirstContact)).toEqual(["2025-03-06", "2025-03-07", "2025-03-10", "2025-03-05"]);
    expect(list.map((lead) => lead.position)).toEqual([0, 1, 2, 3]);
  });

  it("refuses another seeker's lead and changes nothing", async () => {
    const userId = await seeker();
    const other = await seeker("olga@example.com");
    const [a] = await addLeads(userId, ["A", "B"]);
    await addLeads(other, ["O"]);
    expect(await moveLeadToPosition(handle.db, { userId: other, leadId: a!, position: 1, now })).toBe(false);
    expect(await companiesInOrder(userId)).toEqual(["A", "B"]);
  });
});

describe("bulk changes on every lead a filter matches", () => {
  it("pauses, drops and deletes what the filter matches, in one go, and nothing of anyone else's", async () => {
    const userId = await seeker();
    const other = await seeker("olga@example.com");
    await addLeads(userId, ["Acme One", "Acme Two", "Globex"]);
    await addLeads(other, ["Acme Other"]);
    const selection = { matching: { state: "all" as const, search: "acme" }, timeZone };
    expect(await pauseMatchingLeads(handle.db, { userId, selection, until: "2025-04-01", now })).toBe(2);
    expect((await listLeads(handle.db, { userId })).map((lead) => lead.pausedUntil)).toEqual(["2025-04-01", "2025-04-01", null]);
    expect((await listLeads(handle.db, { userId: other }))[0]!.pausedUntil).toBeNull();
    // Paused now: the state filter sees it.
    const paused = { matching: { state: "paused" as const, search: "" }, timeZone };
    expect(await dropMatchingLeads(handle.db, { userId, selection: paused, reason: "No openings", now })).toBe(2);
    const closed = { matching: { state: "closed" as const, search: "" }, timeZone };
    expect(await deleteMatchingLeads(handle.db, { userId, selection: closed, now })).toBe(2);
    expect(await companiesInOrder(userId)).toEqual(["Globex"]);
    expect(await companiesInOrder(other)).toEqual(["Acme Other"]);
    expect(await deleteMatchingLeads(handle.db, { userId, selection: closed, now })).toBe(0);
    // Ticked ids: all the seeker's, or nothing happens.
    const [otherLead] = (await listLeads(handle.db, { userId: other })).map((lead) => lead.id);
    expect(await deleteMatchingLeads(handle.db, { userId, selection: { leadIds: [otherLead!] }, now })).toBeNull();
    expect(await companiesInOrder(other)).toEqual(["Acme Other"]);
  });
});

describe("limits", () => {
  it("holds an account to 5,000 leads: adding and importing past it is refused and writes nothing", async () => {
    const userId = await seeker();
    const candidate = (line: number) => ({ line, lead: leadInput(`Company ${line}`) });
    expect(await importLeads(handle.db, { userId, candidates: Array.from({ length: 4999 }, (_, i) => candidate(i + 2)), includeDuplicates: false, now })).toEqual({
      imported: 4999,
      skipped: 0,
    });
    expect(await importAllowance(handle.db, { userId, now })).toEqual({ ok: true, room: 1 });
    expect(await importLeads(handle.db, { userId, candidates: [candidate(9000), candidate(9001)], includeDuplicates: false, now })).toEqual({
      refused: "limit",
      room: 1,
      wanted: 2,
    });
    await createLead(handle.db, { userId, lead: leadInput("The last one"), now });
    await expect(createLead(handle.db, { userId, lead: leadInput("One too many"), now })).rejects.toBeInstanceOf(LeadLimitReached);
    expect(await importAllowance(handle.db, { userId, now })).toEqual({ ok: true, room: 0 });
    expect(await countLeads(handle.db, { userId })).toBe(5000);
  });

  it("allows 10 imports an hour: the 11th is refused until the first leaves the hour", async () => {
    const userId = await seeker();
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    for (let i = 0; i < 10; i += 1) {
      expect(await importLeads(handle.db, { userId, candidates: [{ line: 2, lead: leadInput(`C${i}`) }], includeDuplicates: false, now: at(i) })).toEqual({ imported: 1, skipped: 0 });
    }
    const refused = { refused: "rate", retryAt: at(60) };
    expect(await importLeads(handle.db, { userId, candidates: [{ line: 2, lead: leadInput("C10") }], includeDuplicates: false, now: at(30) })).toEqual(refused);
    expect(await importAllowance(handle.db, { userId, now: at(59) })).toEqual(refused);
    expect(await companiesInOrder(userId)).toHaveLength(10);
    expect(await importLeads(handle.db, { userId, candidates: [{ line: 2, lead: leadInput("C10") }], includeDuplicates: false, now: at(60) })).toEqual({ imported: 1, skipped: 0 });
  });
});

describe("deleting", () => {
  it("removes the leads and their touches, and nothing else", async () => {
    const userId = await seeker();
    const [a, b] = await addLeads(userId, ["Acme", "Globex"]);
    const material = await createMaterial(handle.db, { userId, material: { title: "Report", url: "", topic: "" } });
    await logTouch(userId, a!, "2025-03-01T10:00:00Z", { materialId: material.id });
    await logTouch(userId, b!, "2025-03-01T10:00:00Z");

    expect(await deleteLeads(handle.db, { userId, leadIds: [a!], now })).toBe(true);
    expect(await companiesInOrder(userId)).toEqual(["Globex"]);
    const left = await handle.db.select({ leadId: touches.leadId }).from(touches);
    expect(left).toEqual([{ leadId: b! }]);
    expect(await handle.db.select({ id: materials.id }).from(materials)).toHaveLength(1);
  });

  it("names the leads to confirm, in list order", async () => {
    const userId = await seeker();
    const [a, b] = await addLeads(userId, ["Acme", "Globex"]);
    expect((await getLeadsByIds(handle.db, { userId, leadIds: [b!, a!] }))?.map((lead) => lead.company)).toEqual(["Acme", "Globex"]);
  });
});

describe("import and export", () => {
  const candidate = (line: number, company: string, extra: Partial<LeadInput> = {}) => ({ line, lead: leadInput(company, extra) });

  it("imports in one go after the existing leads, skipping duplicates unless asked", async () => {
    const userId = await seeker();
    await startCampaign(userId);
    await createLead(handle.db, { userId, lead: leadInput("Acme", { contactName: "Ann", email: "ann@acme.test" }), now });
    const candidates = [
      candidate(2, "Globex"),
      candidate(3, "ACME", { contactName: "ann " }),
      candidate(4, "Other", { email: "ANN@acme.test" }),
    ];
    expect(await importLeads(handle.db, { userId, candidates, includeDuplicates: false, now })).toEqual({ imported: 1, skipped: 2 });
    expect(await companiesInOrder(userId)).toEqual(["Acme", "Globex"]);
    expect((await listLeads(handle.db, { userId }))[1]!.plannedFirstContact).toBe("2025-03-06");

    expect(await importLeads(handle.db, { userId, candidates, includeDuplicates: true, now })).toEqual({ imported: 3, skipped: 0 });
    expect(await companiesInOrder(userId)).toEqual(["Acme", "Globex", "Globex", "ACME", "Other"]);
    expect(await listLeadIdentities(handle.db, { userId })).toHaveLength(5);
  });

  it("writes nothing when a row fails in the database", async () => {
    const userId = await seeker();
    const tooLong = candidate(3, "B", { cadenceDays: 100_000 }); // beyond smallint: the insert fails
    await expect(importLeads(handle.db, { userId, candidates: [candidate(2, "A"), tooLong], includeDuplicates: true, now })).rejects.toThrow();
    expect(await companiesInOrder(userId)).toEqual([]);
  });

  it("exports leads in list order and the touch log oldest first", async () => {
    const userId = await seeker();
    const [a] = await addLeads(userId, ["Acme", "Globex"]);
    const material = await createMaterial(handle.db, { userId, material: { title: "Report", url: "", topic: "" } });
    await logTouch(userId, a!, "2025-03-02T10:00:00Z", { materialId: material.id, note: "hello" });
    await logTouch(userId, a!, "2025-03-01T10:00:00Z", { channel: "phone" });
    expect((await listLeadsForExport(handle.db, { userId })).map((lead) => lead.company)).toEqual(["Acme", "Globex"]);
    const log = await listTouchLogForExport(handle.db, { userId });
    expect(log.map((touch) => [touch.channel, touch.company, touch.materialTitle])).toEqual([
      ["phone", "Acme", null],
      ["email", "Acme", "Report"],
    ]);
  });
});

describe("one seeker never sees or changes another's leads and touches", () => {
  it("scopes every read and refuses every change", async () => {
    const sam = await seeker();
    const eve = await seeker("eve@example.com");
    const [samLead] = await addLeads(sam, ["Acme"]);
    await logTouch(sam, samLead!, "2025-03-01T10:00:00Z");
    const [eveLead] = await addLeads(eve, ["Evil Corp"]);

    expect(await listLeads(handle.db, { userId: eve })).toHaveLength(1);
    expect(await getLead(handle.db, { userId: eve, leadId: samLead! })).toBeNull();
    expect(await getLeadDetail(handle.db, { userId: eve, leadId: samLead! })).toBeNull();
    expect(await getLeadsByIds(handle.db, { userId: eve, leadIds: [eveLead!, samLead!] })).toBeNull();
    expect(await listLeadIdentities(handle.db, { userId: eve })).toEqual([{ company: "Evil Corp", contactName: "", email: "" }]);
    expect(await listLeadsForExport(handle.db, { userId: eve })).toHaveLength(1);
    expect(await listTouchLogForExport(handle.db, { userId: eve })).toEqual([]);

    expect(await updateLead(handle.db, { userId: eve, leadId: samLead!, lead: leadInput("Hacked") })).toBe(false);
    expect(await pauseLeads(handle.db, { userId: eve, leadIds: [eveLead!, samLead!], until: "2025-04-01", now })).toBe(false);
    expect(await resumeLead(handle.db, { userId: eve, leadId: samLead!, now })).toBe(false);
    expect(await closeLeads(handle.db, { userId: eve, leadIds: [samLead!], closedAs: "won", reason: "", now })).toBe(false);
    expect(await reopenLead(handle.db, { userId: eve, leadId: samLead!, now })).toBe(false);
    expect(await moveLeadToPosition(handle.db, { userId: eve, leadId: samLead!, position: 1, now })).toBe(false);
    expect(await pauseMatchingLeads(handle.db, { userId: eve, selection: { leadIds: [eveLead!, samLead!] }, until: "2025-04-01", now })).toBeNull();
    expect(await setNextDueOverride(handle.db, { userId: eve, leadId: samLead!, date: "2025-04-01", now })).toBe(false);
    expect(await deleteLeads(handle.db, { userId: eve, leadIds: [eveLead!, samLead!], now })).toBe(false);

    // Sam's lead is untouched, and Eve's own lead was not changed by the refused mixed requests.
    const [samRow] = await handle.db.select().from(leads).where(eq(leads.id, samLead!));
    expect(samRow).toMatchObject({ company: "Acme", pausedUntil: null, closedAt: null, nextDueOverride: null });
    expect((await listLeads(handle.db, { userId: eve }))[0]).toMatchObject({ company: "Evil Corp", pausedUntil: null });
    expect(await handle.db.select({ id: touches.id }).from(touches)).toHaveLength(1);
  });
});
