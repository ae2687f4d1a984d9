import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarFeeds, users } from "../schema";
import { setUpTestDb } from "@/test/db";
import { deleteCalendarFeed, getCalendarFeed, getCalendarFeedData, renewCalendarFeed } from "./calendar-feed";
import { addLeads, addSeeker } from "@/test/fixtures/today";

const handle = setUpTestDb();
const now = new Date("2025-03-05T09:00:00Z");

describe("calendar feed queries", () => {
  it("keeps only the SHA-256 of the secret, and a new secret ends the old one", async () => {
    const userId = await addSeeker(handle.db, { timeZone: "America/New_York" });
    expect(await getCalendarFeed(handle.db, { userId })).toBeNull();

    const { token: first } = await renewCalendarFeed(handle.db, { userId, now });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await handle.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    expect(row!.tokenHash).toBe(createHash("sha256").update(first).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(first);
    expect(await getCalendarFeed(handle.db, { userId })).toEqual({ createdAt: now });
    expect(await getCalendarFeedData(handle.db, { token: first })).toMatchObject({ timeZone: "America/New_York" });

    const later = new Date(now.getTime() + 60_000);
    const { token: second } = await renewCalendarFeed(handle.db, { userId, now: later });
    expect(second).not.toBe(first);
    expect(await getCalendarFeedData(handle.db, { token: first })).toBeNull();
    expect(await getCalendarFeedData(handle.db, { token: second })).not.toBeNull();
    expect(await getCalendarFeed(handle.db, { userId })).toEqual({ createdAt: later });
  });

  it("reads the feed's owner's leads only, and nothing once the feed is off or the account gone", async () => {
    const userId = await addSeeker(handle.db);
    const otherId = await addSeeker(handle.db);
    await addLeads(handle.db, { userId, companies: ["Mine"] });
    await addLeads(handle.db, { userId: otherId, companies: ["Theirs"] });
    const { token } = await renewCalendarFeed(handle.db, { userId, now });
    const { token: otherToken } = await renewCalendarFeed(handle.db, { userId: otherId, now });

    const data = await getCalendarFeedData(handle.db, { token });
    expect(data!.leads.map((lead) => lead.company)).toEqual(["Mine"]);
    expect(await getCalendarFeedData(handle.db, { token: token.slice(0, 42) + (token.endsWith("A") ? "B" : "A") })).toBeNull();

    expect(await deleteCalendarFeed(handle.db, { userId })).toBe(true);
    expect(await deleteCalendarFeed(handle.db, { userId })).toBe(false);
    expect(await getCalendarFeedData(handle.db, { token })).toBeNull();
    expect(await getCalendarFeedData(handle.db, { token: otherToken })).not.toBeNull();

    await handle.db.delete(users).where(eq(users.id, otherId));
    expect(await getCalendarFeedData(handle.db, { token: otherToken })).toBeNull();
  });
});
