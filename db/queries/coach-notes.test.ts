import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachLinks, coachNotes } from "../schema";
import { setUpTestDb } from "@/test/db";
import { coachFixtures } from "@/test/fixtures/coach";
import type { Db } from "../client";
import { dismissCoachNote, getLatestCoachNote, type CoachNote } from "./coach-notes";
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
