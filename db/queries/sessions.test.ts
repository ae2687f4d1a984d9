import { describe, expect, it } from "vitest";
import { setUpTestDb } from "@/test/db";
import { createSession, endAllSessions, endSession, forgetExpiredSessions, getSessionUser, listSessions, SESSION_SEEN_EVERY_SECONDS } from "./sessions";
import { createUser, updateUserProfile } from "./users";

const handle = setUpTestDb();
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function twoPeople() {
  const alice = (await createUser(handle.db, { name: "Alice", email: "alice@example.com", passwordHash: "h", timeZone: "Europe/Paris" }))!;
  const bob = (await createUser(handle.db, { name: "Bob", email: "bob@example.com", passwordHash: "h", timeZone: "UTC" }))!;
  return { alice, bob };
}

describe("sessions", () => {
  it("finds the user behind a live session, with its profile as it is now", async () => {
    const { alice } = await twoPeople();
    const sessionId = await createSession(handle.db, { userId: alice.id, device: "Firefox on Linux", address: "192.0.2.1", now: t0 });
    await updateUserProfile(handle.db, { userId: alice.id, name: "Alice B.", timeZone: "Asia/Kathmandu" });
    expect(await getSessionUser(handle.db, { sessionId, userId: alice.id, now: t0 })).toEqual({
      id: alice.id,
      name: "Alice B.",
      email: "alice@example.com",
      timeZone: "Asia/Kathmandu",
      emailVerified: false,
      seeks: true,
      coaches: false,
      sessionId,
    });
  });

  it("ends one device, or all of them, at once", async () => {
    const { alice } = await twoPeople();
    const phone = await createSession(handle.db, { userId: alice.id, device: "Safari on iOS", address: "192.0.2.1", now: t0 });
    const laptop = await createSession(handle.db, { userId: alice.id, device: "Firefox on Linux", address: "192.0.2.2", now: t0 });
    expect(await endSession(handle.db, { userId: alice.id, sessionId: phone })).toBe(true);
    expect(await getSessionUser(handle.db, { sessionId: phone, userId: alice.id, now: t0 })).toBeNull();
    expect(await getSessionUser(handle.db, { sessionId: laptop, userId: alice.id, now: t0 })).not.toBeNull();
    await endAllSessions(handle.db, { userId: alice.id });
    expect(await getSessionUser(handle.db, { sessionId: laptop, userId: alice.id, now: t0 })).toBeNull();
    expect(await listSessions(handle.db, { userId: alice.id })).toEqual([]);
  });

  it("never lets one person's session open, list or end another's", async () => {
    const { alice, bob } = await twoPeople();
    const bobs = await createSession(handle.db, { userId: bob.id, device: "Chrome on Windows", address: "192.0.2.9", now: t0 });
    expect(await getSessionUser(handle.db, { sessionId: bobs, userId: alice.id, now: t0 })).toBeNull();
    expect(await endSession(handle.db, { userId: alice.id, sessionId: bobs })).toBe(false);
    expect(await listSessions(handle.db, { userId: alice.id })).toEqual([]);
    expect(await getSessionUser(handle.db, { sessionId: bobs, userId: bob.id, now: t0 })).not.toBeNull();
  });

  it("brings 'last seen' forward at most every few minutes, and lists the most recently seen first", async () => {
    const { alice } = await twoPeople();
    const first = await createSession(handle.db, { userId: alice.id, device: "Safari on iOS", address: "192.0.2.1", now: t0 });
    const second = await createSession(handle.db, { userId: alice.id, device: "Firefox on Linux", address: "192.0.2.2", now: at(1) });
    await getSessionUser(handle.db, { sessionId: first, userId: alice.id, now: at(SESSION_SEEN_EVERY_SECONDS - 1) });
    expect((await listSessions(handle.db, { userId: alice.id })).map((s) => [s.id, s.lastSeenAt])).toEqual([
      [second, at(1)],
      [first, t0],
    ]);
    await getSessionUser(handle.db, { sessionId: first, userId: alice.id, now: at(SESSION_SEEN_EVERY_SECONDS) });
    expect(await listSessions(handle.db, { userId: alice.id })).toMatchObject([
      { id: first, device: "Safari on iOS", address: "192.0.2.1", createdAt: t0, lastSeenAt: at(SESSION_SEEN_EVERY_SECONDS) },
      { id: second },
    ]);
  });

  it("forgets sessions unused for longer than a token lives", async () => {
    const { alice } = await twoPeople();
    await createSession(handle.db, { userId: alice.id, device: "Old", address: "192.0.2.1", now: t0 });
    const recent = await createSession(handle.db, { userId: alice.id, device: "New", address: "192.0.2.1", now: at(100) });
    await forgetExpiredSessions(handle.db, { userId: alice.id, unusedSince: at(50) });
    expect((await listSessions(handle.db, { userId: alice.id })).map((s) => s.id)).toEqual([recent]);
  });
});
