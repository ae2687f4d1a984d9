import { describe, expect, it } from "vitest";
import { createCoachInvitation, findInvitation } from "@/db/queries/coach-invitations";
import { createUser } from "@/db/queries/users";
import { setUpTestDb } from "@/test/db";
import { withCodeThrottle } from "@/lib/server/code-throttle";

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
    expect(await lookUp(code, NOW)).toEqual({ throttled: true, retryAfterSeconds: 30 });
    // A right code after the wait works, and does not wipe the count: the next miss waits longer.
    const later = new Date(NOW.getTime() + 30_000);
    expect(await lookUp(code, later)).toMatchObject({ throttled: false, result: { state: "open" } });
    expect(await lookUp("ZZZZ-ZZZZ", later)).toEqual({ throttled: false, result: null });
    expect(await lookUp(code, later)).toEqual({ throttled: true, retryAfterSeconds: 60 });

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
});
