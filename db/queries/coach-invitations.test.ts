import { describe, expect, it } from "vitest";
import { coachInvitations, coachLinks } from "../schema";
import { setUpTestDb } from "@/test/db";
import { listClientFacts } from "./coach-clients";
import { listCoachesOf } from "./coach-connections";
import { coachFixtures, viewer } from "@/test/fixtures/coach";
import {
  answerInvitation,
  createCoachInvitation,
  findInvitation,
  inviteCoachByEmail,
  listInvitationsToCoach,
  listOpenInvitationsBy,
  withdrawInvitation,
} from "./coach-invitations";

const handle = setUpTestDb();
const { person, rowCount } = coachFixtures(handle);

const NOW = new Date("2025-03-09T12:00:00Z");

describe("invitations", () => {
  it("a coach's link shows who asks, connects the seeker who accepts, and works once", async () => {
    const coach = await person("Carla Coach");
    const seeker = await person("Sam Seeker");
    const other = await person("Olga Other");
    const created = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    expect(created.expiresAt.toISOString()).toBe("2025-03-23T12:00:00.000Z");
    // Only the hash of the token is stored.
    const [stored] = await handle.db.select().from(coachInvitations);
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const seen = await findInvitation(handle.db, { ref: { token: created.token }, viewer: viewer(seeker), now: NOW });
    expect(seen).toMatchObject({ state: "open", own: false, connected: false, inviter: { name: "Carla Coach", email: coach.email } });

    const accepted = await answerInvitation(handle.db, { ref: { token: created.token }, viewer: viewer(seeker), answer: "accept", now: NOW });
    expect(accepted).toEqual({ ok: true, coachId: coach.id, seekerId: seeker.id, inviterName: "Carla Coach" });
    expect(await listCoachesOf(handle.db, { seekerId: seeker.id })).toMatchObject([{ coachId: coach.id, name: "Carla Coach" }]);
    expect(await findInvitation(handle.db, { ref: { token: created.token }, viewer: viewer(seeker), now: NOW })).toMatchObject({
      state: "used",
      connected: true,
    });

    for (const answer of ["accept", "decline"] as const) {
      expect(await answerInvitation(handle.db, { ref: { token: created.token }, viewer: viewer(other), answer, now: NOW })).toEqual({
        ok: false,
        reason: "used",
      });
    }
    expect(await rowCount(coachLinks)).toBe(1);
  });

  it("a typed code works in any case, with or without the dash", async () => {
    const coach = await person("Carla Coach");
    const seeker = await person("Sam Seeker");
    const { code } = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    expect(await findInvitation(handle.db, { ref: { code: typed }, viewer: viewer(seeker), now: NOW })).toMatchObject({ state: "open" });
    expect(await answerInvitation(handle.db, { ref: { code: typed }, viewer: viewer(seeker), answer: "accept", now: NOW })).toMatchObject({
      ok: true,
    });
  });

  it("refuses expired, declined, forged and own invitations, and connects no one", async () => {
    const coach = await person("Carla Coach");
    const seeker = await person("Sam Seeker");
    const expired = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    const later = new Date(NOW.getTime() + 14 * 86_400_000);
    expect(await findInvitation(handle.db, { ref: { token: expired.token }, viewer: viewer(seeker), now: later })).toMatchObject({
      state: "expired",
    });
    expect(await answerInvitation(handle.db, { ref: { token: expired.token }, viewer: viewer(seeker), answer: "accept", now: later })).toEqual({
      ok: false,
      reason: "expired",
    });

    const declined = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    expect(await answerInvitation(handle.db, { ref: { code: declined.code }, viewer: viewer(seeker), answer: "decline", now: NOW })).toMatchObject({
      ok: true,
    });
    expect(await answerInvitation(handle.db, { ref: { token: declined.token }, viewer: viewer(seeker), answer: "accept", now: NOW })).toEqual({
      ok: false,
      reason: "declined",
    });

    const forgedToken = "A".repeat(43);
    for (const ref of [{ token: forgedToken }, { token: "not a token" }, { code: "ZZZZ-ZZZZ" }, { code: "x" }, { id: crypto.randomUUID() }, { id: "1; drop" }]) {
      expect(await findInvitation(handle.db, { ref, viewer: viewer(seeker), now: NOW })).toBeNull();
      expect(await answerInvitation(handle.db, { ref, viewer: viewer(seeker), answer: "accept", now: NOW })).toEqual({ ok: false, reason: "not_found" });
    }

    const own = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    expect(await findInvitation(handle.db, { ref: { token: own.token }, viewer: viewer(coach), now: NOW })).toMatchObject({ own: true });
    expect(await answerInvitation(handle.db, { ref: { token: own.token }, viewer: viewer(coach), answer: "accept", now: NOW })).toEqual({
      ok: false,
      reason: "own",
    });
    expect(await rowCount(coachLinks)).toBe(0);
  });

  it("two seekers answering one invitation at once connect only one", async () => {
    const coach = await person("Carla Coach");
    const first = await person("First Seeker");
    const second = await person("Second Seeker");
    const { token } = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    const outcomes = await Promise.all(
      [first, second].map((seeker) => answerInvitation(handle.db, { ref: { token }, viewer: viewer(seeker), answer: "accept", now: NOW })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(await rowCount(coachLinks)).toBe(1);
  });

  it("a seeker invites a coach by e-mail; only that coach sees and answers it", async () => {
    const seeker = await person("Sam Seeker");
    const coach = await person("Carla Coach");
    const stranger = await person("Stan Stranger");
    expect(await inviteCoachByEmail(handle.db, { seekerId: seeker.id, coachEmail: " Carla.Coach@EXAMPLE.com ", now: NOW })).toMatchObject({ ok: true });
    // Inviting again replaces the open invitation.
    await inviteCoachByEmail(handle.db, { seekerId: seeker.id, coachEmail: coach.email, now: NOW });
    expect(await listOpenInvitationsBy(handle.db, { userId: seeker.id, role: "seeker", now: NOW })).toMatchObject([{ inviteeEmail: coach.email }]);

    const [invitation] = await listInvitationsToCoach(handle.db, { coachId: coach.id, email: coach.email, now: NOW });
    expect(invitation).toMatchObject({ seeker: { name: "Sam Seeker", email: seeker.email } });
    expect(await listInvitationsToCoach(handle.db, { coachId: stranger.id, email: stranger.email, now: NOW })).toEqual([]);

    // Its token and code are never shown, and cannot be used: only the addressee answers, by id.
    const [row] = await handle.db.select({ code: coachInvitations.code }).from(coachInvitations);
    expect(await answerInvitation(handle.db, { ref: { code: row!.code }, viewer: viewer(stranger), answer: "accept", now: NOW })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await answerInvitation(handle.db, { ref: { id: invitation!.id }, viewer: viewer(stranger), answer: "accept", now: NOW })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await answerInvitation(handle.db, { ref: { id: invitation!.id }, viewer: viewer(coach), answer: "accept", now: NOW })).toMatchObject({
      ok: true,
      coachId: coach.id,
      seekerId: seeker.id,
    });
    expect(await listClientFacts(handle.db, { coachId: coach.id, now: NOW })).toMatchObject([{ seekerId: seeker.id }]);

    expect(await inviteCoachByEmail(handle.db, { seekerId: seeker.id, coachEmail: coach.email, now: NOW })).toEqual({
      ok: false,
      reason: "already_connected",
    });
    expect(await inviteCoachByEmail(handle.db, { seekerId: seeker.id, coachEmail: seeker.email, now: NOW })).toEqual({
      ok: false,
      reason: "own_email",
    });
  });

  it("a seeker's invitation can be declined, and is then gone from the coach's list", async () => {
    const seeker = await person("Sam Seeker");
    const coach = await person("Carla Coach");
    await inviteCoachByEmail(handle.db, { seekerId: seeker.id, coachEmail: coach.email, now: NOW });
    const [invitation] = await listInvitationsToCoach(handle.db, { coachId: coach.id, email: coach.email, now: NOW });
    expect(await answerInvitation(handle.db, { ref: { id: invitation!.id }, viewer: viewer(coach), answer: "decline", now: NOW })).toMatchObject({
      ok: true,
    });
    expect(await listInvitationsToCoach(handle.db, { coachId: coach.id, email: coach.email, now: NOW })).toEqual([]);
    expect(await rowCount(coachLinks)).toBe(0);
  });

  it("only the creator withdraws an open invitation", async () => {
    const coach = await person("Carla Coach");
    const other = await person("Olga Other");
    const { id } = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    expect(await withdrawInvitation(handle.db, { userId: other.id, invitationId: id })).toBe(false);
    expect(await withdrawInvitation(handle.db, { userId: coach.id, invitationId: "nonsense" })).toBe(false);
    expect(await withdrawInvitation(handle.db, { userId: coach.id, invitationId: id })).toBe(true);
    expect(await rowCount(coachInvitations)).toBe(0);
  });
});
