import type { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { describe, expect, it } from "vitest";
import type { Db } from "../client";
import * as schema from "../schema";
import { leads, materials, touches } from "../schema";
import { todayView } from "@/lib/today/today-view";
import { setUpTestDb } from "@/test/db";
import { addLeads, addSeeker, addTouch } from "@/test/fixtures/today";
import {
  getTodayData,
  listMaterialsWithLeadIds,
  listRecentTouches,
  listTodayLeads,
  listTodayTouches,
} from "./today";

const handle = setUpTestDb();

const now = new Date("2025-03-05T09:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("listTodayLeads", () => {
  it("lists every lead of the seeker in list order, closed ones included, and no one else's", async () => {
    const userId = await addSeeker(handle.db);
    const otherId = await addSeeker(handle.db);
    await addLeads(handle.db, { userId: otherId, companies: ["Theirs"] });
    const [, beta] = await addLeads(handle.db, { userId, companies: ["Alpha", "Beta", "Gamma"], extra: { phone: "+33 1 23" } });
    await handle.db.update(leads).set({ closedAt: now, position: 9 }).where(eq(leads.id, beta!));
    const rows = await listTodayLeads(handle.db, { userId });
    expect(rows.map((row) => row.company)).toEqual(["Alpha", "Gamma", "Beta"]);
    expect(rows[2]).toMatchObject({ phone: "+33 1 23", cadenceDays: 7, closedAt: now, pausedUntil: null });
  });
});

describe("listRecentTouches", () => {
  it("gives each lead's latest touch and its last three outbound ones, for the seeker only", async () => {
    const userId = await addSeeker(handle.db);
    const otherId = await addSeeker(handle.db);
    const [a, b] = await addLeads(handle.db, { userId, companies: ["A", "B"] });
    const [theirs] = await addLeads(handle.db, { userId: otherId, companies: ["Theirs"] });
    for (const hours of [100, 80, 60, 40]) await addTouch(handle.db, { userId, leadId: a!, at: hoursAgo(hours), channel: "email" });
    await addTouch(handle.db, { userId, leadId: a!, at: hoursAgo(10), channel: "linkedin", direction: "inbound" });
    await addTouch(handle.db, { userId, leadId: b!, at: hoursAgo(5), channel: "phone" });
    await addTouch(handle.db, { userId: otherId, leadId: theirs!, at: hoursAgo(1) });

    const rows = await listRecentTouches(handle.db, { userId });
    const ofA = rows.filter((row) => row.leadId === a);
    expect(ofA.map((row) => [row.at, row.direction, row.latest])).toEqual([
      [hoursAgo(10), "inbound", true],
      [hoursAgo(40), "outbound", false],
      [hoursAgo(60), "outbound", false],
      [hoursAgo(80), "outbound", false],
    ]);
    expect(rows.filter((row) => row.leadId === b)).toEqual([
      { leadId: b, at: hoursAgo(5), localDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), channel: "phone", direction: "outbound", outcome: null, note: "", latest: true },
    ]);
    expect(rows.some((row) => row.leadId === theirs)).toBe(false);
  });
});

describe("listTodayTouches", () => {
  it("gives every touch of the seeker with its stored local date, oldest first, and no one else's", async () => {
    const userId = await addSeeker(handle.db, { timeZone: "Europe/Paris" });
    const otherId = await addSeeker(handle.db);
    const [a, b] = await addLeads(handle.db, { userId, companies: ["A", "B"] });
    const [theirs] = await addLeads(handle.db, { userId: otherId, companies: ["Theirs"] });
    // 23:30 UTC on 2 March is 00:30 on 3 March in Paris.
    await addTouch(handle.db, { userId, leadId: b!, at: new Date("2025-03-02T23:30:00Z"), direction: "inbound", channel: "email" });
    await addTouch(handle.db, { userId, leadId: a!, at: new Date("2025-03-01T08:00:00Z") });
    await addTouch(handle.db, { userId: otherId, leadId: theirs!, at: new Date("2025-03-01T09:00:00Z") });
    expect(await listTodayTouches(handle.db, { userId })).toEqual([
      { leadId: a, at: new Date("2025-03-01T08:00:00Z"), localDate: "2025-03-01", channel: "phone", direction: "outbound", outcome: null, note: "" },
      { leadId: b, at: new Date("2025-03-02T23:30:00Z"), localDate: "2025-03-03", channel: "email", direction: "inbound", outcome: null, note: "" },
    ]);
  });
});

describe("the notes Today reads", () => {
  it("are each lead's latest touch's, the one its row shows (ties: the first logged, as latestOf picks)", async () => {
    const userId = await addSeeker(handle.db, { timeZone: "UTC" });
    const [a, b] = await addLeads(handle.db, { userId, companies: ["A", "B"] });
    const note = async (leadId: string, at: string, text: string, createdAt: string) =>
      handle.db.insert(touches).values({ userId, leadId, at: new Date(at), localDate: at.slice(0, 10), channel: "email", direction: "outbound", note: text, createdAt: new Date(createdAt) });
    await note(a!, "2025-03-01T08:00:00Z", "old news", "2025-03-01T08:00:00Z");
    await note(a!, "2025-03-03T08:00:00Z", "latest", "2025-03-03T08:00:00Z");
    // B: two touches at the same instant; the first logged is the latest.
    await note(b!, "2025-03-04T08:00:00Z", "logged first", "2025-03-04T08:00:01Z");
    await note(b!, "2025-03-04T08:00:00Z", "logged second", "2025-03-04T08:00:02Z");
    const rows = await listTodayTouches(handle.db, { userId });
    expect(rows.map((row) => [row.leadId, row.note])).toEqual([
      [a, ""],
      [a, "latest"],
      [b, "logged first"],
      [b, ""],
    ]);
    const view = todayView({
      leads: await listTodayLeads(handle.db, { userId }),
      touches: rows,
      materials: [],
      campaign: null,
      contactDays: [1, 2, 3, 4, 5],
      now,
      timeZone: "UTC",
    });
    const shown = [...view.work, ...view.cold, ...view.coming].map((row) => [row.lead.company, row.lastTouch?.note]);
    expect(shown).toEqual(expect.arrayContaining([["A", "latest"], ["B", "logged first"]]));
  });
});

describe("listMaterialsWithLeadIds", () => {
  it("tells which of the seeker's leads got each of the seeker's materials", async () => {
    const userId = await addSeeker(handle.db);
    const otherId = await addSeeker(handle.db);
    const [a, b] = await addLeads(handle.db, { userId, companies: ["A", "B"] });
    const [report, article] = await handle.db
      .insert(materials)
      .values([
        { userId, title: "Report", topic: "b" },
        { userId, title: "Article", topic: "a" },
        { userId: otherId, title: "Theirs" },
      ])
      .returning({ id: materials.id });
    await addTouch(handle.db, { userId, leadId: a!, at: hoursAgo(3), materialId: report!.id });
    await addTouch(handle.db, { userId, leadId: a!, at: hoursAgo(2), materialId: report!.id });
    await addTouch(handle.db, { userId, leadId: b!, at: hoursAgo(1), materialId: report!.id });
    const rows = await listMaterialsWithLeadIds(handle.db, { userId });
    expect(rows.map((row) => ({ ...row, sentToLeadIds: [...row.sentToLeadIds].sort() }))).toEqual([
      { id: article!.id, title: "Article", sentToLeadIds: [] },
      { id: report!.id, title: "Report", sentToLeadIds: [a!, b!].sort() },
    ]);
  });
});

/** The same database through a Drizzle instance that counts the statements it sends. */
function countingDb(): { db: Db; statements: () => number } {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const db =
    handle.kind === "pglite"
      ? drizzlePglite(client as PGlite, { schema, logger })
      : drizzlePostgres(client as Sql, { schema, logger });
  return { db: db as unknown as Db, statements: () => statements };
}

describe("getTodayData", () => {
  it("reads everything in four statements, for 5 leads as for 50 with 10 touches each", async () => {
    const counts: number[] = [];
    for (const size of [5, 50]) {
      const userId = await addSeeker(handle.db, { campaignStartDate: "2025-03-03" });
      const ids = await addLeads(handle.db, { userId, companies: Array.from({ length: size }, (_, i) => `Lead ${i}`) });
      for (const leadId of ids) {
        for (let k = 0; k < 10; k++) await addTouch(handle.db, { userId, leadId, at: hoursAgo(k * 30) });
      }
      const { db, statements } = countingDb();
      const data = await getTodayData(db, { userId });
      expect(data?.leads).toHaveLength(size);
      expect(data?.touches).toHaveLength(size * 10);
      counts.push(statements());
    }
    expect(counts).toEqual([4, 4]);
  });

  it("is null for a user who is gone", async () => {
    expect(await getTodayData(handle.db, { userId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
