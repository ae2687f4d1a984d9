import { describe, expect, it } from "vitest";
import { createCoachInvitation, findInvitation } from "@/db/queries/coach-invitations";
import { createUser } from "@/db/queries/users";
import { setUpTestDb } from "@/test/db";
import { solveChallenge } from "@/lib/auth/proof-of-work";
import { withCodeThrottle } from "@/lib/server/code-throttle";

// Challenges are signed with a key derived from AUTH_SECRET: never let the test write one into .data/.
process.env.AUTH_SECRET ??= "code-throttle-tests-secret-long-enough-0123456789";
const handle = setUpTestDb();

const NOW = new Date("2025-03-09T12:00:00Z");

async function user(name: string) {
  const created = await createUser(handle.db, { name, email: `${name}@example.com`, passwordHash: "x", timeZone: "UTC" });
  return { id: created!.id, email: created!.email };
}

describe("typed codes are rate-limited", () => {
  it("counts wrong codes, then refuses even a right one until the wait is over", async () => {
    const coach = await user("coach");
    const guesser = await user("guesser");
    const { code } = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    const lookUp = (typed: string, now: Date) =>
      withCodeThrottle(
        handle.db,
        { userId: guesser.id, address: "10.0.0.9", now },
        () => findInvitation(handle.db, { ref: { code: typed }, viewer: guesser, now }),
        (found) => found !== null,
      );

    for (let miss = 0; miss < 5; miss++) {
      expect(await lookUp("ZZZZ-ZZZZ", NOW)).toEqual({ throttled: false, result: null });
    }
    expect(await lookUp(code, NOW)).toEqual({ throttled: true, challenge: expect.any(String) });
    // A right code after the wait works, and does not wipe the count: the next miss waits longer.
    const later = new Date(NOW.getTime() + 30_000);
    expect(await lookUp(code, later)).toMatchObject({ throttled: false, result: { state: "open" } });
    expect(await lookUp("ZZZZ-ZZZZ", later)).toEqual({ throttled: false, result: null });
    expect(await lookUp(code, new Date(later.getTime() + 59_000))).toMatchObject({ throttled: true, challenge: expect.any(String) });
    expect(await lookUp(code, new Date(later.getTime() + 60_000))).toMatchObject({ throttled: false });

    // Another person on another address is not slowed by the guesser.
    const other = await user("other");
    expect(
      await withCodeThrottle(
        handle.db,
        { userId: other.id, address: "10.0.0.10", now: later },
        () => findInvitation(handle.db, { ref: { code }, viewer: other, now: later }),
        (found) => found !== null,
      ),
    ).toMatchObject({ throttled: false });
  });

  it("never refuses the person outright: past their limit each try costs a proof of work, spent once", async () => {
    const coach = await user("coach");
    const seeker = await user("seeker");
    const { code } = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    const lookUp = (typed: string, proof?: string, address = "10.0.0.9") =>
      withCodeThrottle(
        handle.db,
        { userId: seeker.id, address, now: NOW, proof },
        () => findInvitation(handle.db, { ref: { code: typed }, viewer: seeker, now: NOW }),
        (found) => found !== null,
      );
    for (let miss = 0; miss < 5; miss++) await lookUp("ZZZZ-ZZZZ");
    const asked = await lookUp(code);
    expect(asked).toEqual({ throttled: true, challenge: expect.any(String) });
    const proof = await solveChallenge(asked.throttled ? asked.challenge! : "");
    expect(await lookUp(code, proof)).toMatchObject({ throttled: false, result: { state: "open" } });
    // Spent: the same proof buys nothing more.
    expect(await lookUp(code, proof)).toEqual({ throttled: true, challenge: expect.any(String) });
  });

  it("still refuses an address that guessed too much, proof or not", async () => {
    const coach = await user("coach");
    const { code } = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    const guessers = await Promise.all(Array.from({ length: 11 }, (_, i) => user(`guesser${i}`)));
    const lookUp = (who: { id: string; email: string }, typed: string) =>
      withCodeThrottle(
        handle.db,
        { userId: who.id, address: "10.0.0.66", now: NOW },
        () => findInvitation(handle.db, { ref: { code: typed }, viewer: who, now: NOW }),
        (found) => found !== null,
      );
    // Fifty misses from one address, five per person (each person's own limit not yet tripped).
    for (const guesser of guessers.slice(0, 10)) for (let miss = 0; miss < 5; miss++) await lookUp(guesser, "ZZZZ-ZZZZ");
    expect(await lookUp(guessers[10]!, code)).toEqual({ throttled: true, retryAfterSeconds: 30 });
  });
});
