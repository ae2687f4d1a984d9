import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachLinks, coachNotes } from "../schema";
import { setUpTestDb } from "@/test/db";
import { coachFixtures } from "@/test/fixtures/coach";
import type { Db } from "../client";
import { dismissCoachNote, getLatestCoachNote, listNotesToClient, type CoachNote } from "./coach-notes";
import { getTodayData } from "./today";

const handle = setUpTestDb();
const { person } = coachFixtures(handle);

const now = new Date("2025-03-05T09:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

// Today reads the note in the statement of the seeker's settings: the same rule, read both ways.
const readers: [string, (db: Db, input: { userId: string }) => Promise<CoachNote | null>][] = [
  ["getLatestCoachNote", getLatestCoachNote],
  ["getTodayData", async (db, input) => (await getTodayData(db, input))!.coachNote],
];

describe("coach notes", () => {
  it.each(readers)("shows the newest note not dismissed, and only its seeker can dismiss it (%s)", async (_, getLatestCoachNote) => {
    const { id: userId } = await person("Sam Seeker");
    const { id: coachId } = await person("Sam");
    const { id: otherId } = await person("Olga Other");
    expect(await getLatestCoachNote(handle.db, { userId })).toBeNull();
    const [link] = await handle.db.insert(coachLinks).values({ coachId, seekerId: userId }).returning({ id: coachLinks.id });
    const [older, newer] = await handle.db
      .insert(coachNotes)
      .values([
        { coachId, seekerId: userId, body: "Well done", createdAt: hoursAgo(48) },
        { coachId, seekerId: userId, body: "Call Acme", createdAt: hoursAgo(2) },
        { coachId, seekerId: otherId, body: "Not yours", createdAt: hoursAgo(1) },
      ])
      .returning({ id: coachNotes.id });
    expect(await getLatestCoachNote(handle.db, { userId })).toMatchObject({ id: newer!.id, body: "Call Acme", coachName: "Sam" });

    expect(await dismissCoachNote(handle.db, { userId: otherId, noteId: newer!.id, now })).toBe(false);
    expect(await getLatestCoachNote(handle.db, { userId })).toMatchObject({ id: newer!.id });

    expect(await dismissCoachNote(handle.db, { userId, noteId: newer!.id, now })).toBe(true);
    expect(await dismissCoachNote(handle.db, { userId, noteId: newer!.id, now })).toBe(false);
    expect(await getLatestCoachNote(handle.db, { userId })).toMatchObject({ id: older!.id });

    // When the connection ends, the coach's notes leave Today with it.
    await handle.db.update(coachLinks).set({ endedAt: now }).where(eq(coachLinks.id, link!.id));
    expect(await getLatestCoachNote(handle.db, { userId })).toBeNull();
  });
});

describe("listNotesToClient", () => {
  it("pages the coach's notes newest first by key, notes written at the same instant included, and only with a live connection", async () => {
    const { id: seekerId } = await person("Paula Paged");
    const { id: coachId } = await person("Coach Paged");
    const { id: otherCoachId } = await person("Other Coach");
    const [link] = await handle.db.insert(coachLinks).values({ coachId, seekerId }).returning({ id: coachLinks.id });
    await handle.db.insert(coachLinks).values({ coachId: otherCoachId, seekerId });
    // 7 notes, three of them written at the same instant; one from another coach.
    const times = [10, 9, 8, 8, 8, 2, 1].map(hoursAgo);
    await handle.db.insert(coachNotes).values(times.map((createdAt, i) => ({ coachId, seekerId, body: `Note ${i}`, createdAt })));
    await handle.db.insert(coachNotes).values({ coachId: otherCoachId, seekerId, body: "Not this coach's", createdAt: hoursAgo(0) });

    const all = await listNotesToClient(handle.db, { coachId, seekerId, limit: 100 });
    expect(all.more).toBe(false);
    expect(all.notes.map((note) => note.body).sort()).toEqual(times.map((_, i) => `Note ${i}`).sort());
    const order = all.notes.map((note) => note.id);

    const pages: string[][] = [];
    let olderThan: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof listNotesToClient>> = await listNotesToClient(handle.db, { coachId, seekerId, olderThan, limit: 3 });
      pages.push(page.notes.map((note) => note.id));
      if (!page.more) break;
      olderThan = page.notes.at(-1)!.id;
    }
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(order);
    expect(all.notes.map((note) => note.createdAt.getTime())).toEqual([...all.notes.map((note) => note.createdAt.getTime())].sort((a, b) => b - a));

    // Another coach's note is no cursor here, and a malformed one reads nothing.
    const [theirs] = await handle.db.select({ id: coachNotes.id }).from(coachNotes).where(eq(coachNotes.coachId, otherCoachId));
    expect(await listNotesToClient(handle.db, { coachId, seekerId, olderThan: theirs!.id })).toEqual({ notes: [], more: false });
    expect(await listNotesToClient(handle.db, { coachId, seekerId, olderThan: "not-a-uuid" })).toEqual({ notes: [], more: false });

    await handle.db.update(coachLinks).set({ endedAt: now }).where(eq(coachLinks.id, link!.id));
    expect(await listNotesToClient(handle.db, { coachId, seekerId })).toEqual({ notes: [], more: false });
  });
});
