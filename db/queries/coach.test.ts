import fc from "fast-check";
import { count, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientMetrics } from "@/lib/coach/metrics";
import { addDays, computePace, todayIn, type Channel, type Direction } from "@/lib/domain";
import { queryCount, resetQueryCount } from "../query-counter";
import { coachInvitations, coachLinks, coachNotes, leads, touches, users } from "../schema";
import { setUpTestDb } from "@/test/db";
import {
  answerInvitation,
  createCoachInvitation,
  createCoachNote,
  endConnection,
  findInvitation,
  getClientFacts,
  inviteCoachByEmail,
  listClientFacts,
  listClientLeads,
  listClientTouches,
  listCoachesOf,
  listInvitationsToCoach,
  listNotesToClient,
  listOpenInvitationsBy,
  withdrawInvitation,
} from "./coach";

// Statements are counted on this file's database.
const handle = setUpTestDb({ countQueries: true });

const NOW = new Date("2025-03-09T12:00:00Z");

type Person = { id: string; name: string; email: string };

async function person(name: string, timeZone = "UTC", settings: Partial<typeof users.$inferInsert> = {}): Promise<Person> {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.com`;
  const [row] = await handle.db
    .insert(users)
    .values({ name, email, passwordHash: "x", timeZone, ...settings })
    .returning({ id: users.id, name: users.name, email: users.email });
  return row!;
}

let position = 0;
async function lead(seekerId: string, values: Partial<typeof leads.$inferInsert> = {}): Promise<string> {
  const [row] = await handle.db
    .insert(leads)
    .values({ userId: seekerId, company: `Company ${position}`, position: position++, ...values })
    .returning({ id: leads.id });
  return row!.id;
}

async function touch(
  seekerId: string,
  leadId: string,
  at: string,
  channel: Channel,
  direction: Direction,
  extra: Partial<typeof touches.$inferInsert> = {},
): Promise<void> {
  await handle.db.insert(touches).values({ userId: seekerId, leadId, at: new Date(at), channel, direction, ...extra });
}

async function connect(coach: Person, seeker: Person): Promise<void> {
  await handle.db.insert(coachLinks).values({ coachId: coach.id, seekerId: seeker.id });
}

async function rowCount(table: typeof coachNotes | typeof coachLinks | typeof coachInvitations | typeof leads | typeof touches) {
  const [row] = await handle.db.select({ n: count() }).from(table);
  return row!.n;
}

const viewer = (p: Person) => ({ id: p.id, email: p.email });

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

describe("connections", () => {
  async function connectedPair() {
    const coach = await person("Carla Coach");
    const seeker = await person("Sam Seeker", "UTC", { campaignStartDate: "2025-03-03" });
    await connect(coach, seeker);
    const leadId = await lead(seeker.id, { company: "Secret Widgets" });
    await touch(seeker.id, leadId, "2025-03-04T10:00:00Z", "phone", "outbound", { note: "Spoke to Ann" });
    await createCoachNote(handle.db, { coachId: coach.id, seekerId: seeker.id, body: "Keep going", now: NOW });
    return { coach, seeker };
  }

  async function everythingTheCoachReads(coach: Person, seeker: Person) {
    const scope = { coachId: coach.id, seekerId: seeker.id };
    return {
      all: await listClientFacts(handle.db, { coachId: coach.id, now: NOW }),
      one: await getClientFacts(handle.db, { ...scope, now: NOW }),
      leads: await listClientLeads(handle.db, scope),
      touches: (await listClientTouches(handle.db, { ...scope, limit: 10 })).touches,
      notes: await listNotesToClient(handle.db, scope),
    };
  }

  it.each(["seeker", "coach"] as const)("ending it (by the %s) cuts the coach's access on the next read", async (side) => {
    const { coach, seeker } = await connectedPair();
    const before = await everythingTheCoachReads(coach, seeker);
    expect(before.one).not.toBeNull();
    expect(before.leads).toHaveLength(1);
    expect(before.touches).toMatchObject([{ company: "Secret Widgets", note: "Spoke to Ann" }]);
    expect(before.notes).toHaveLength(1);

    const endedBy = side === "seeker" ? seeker.id : coach.id;
    expect(await endConnection(handle.db, { coachId: coach.id, seekerId: seeker.id, endedBy, now: NOW })).toBe(true);
    expect(await everythingTheCoachReads(coach, seeker)).toEqual({ all: [], one: null, leads: [], touches: [], notes: [] });
    expect(await createCoachNote(handle.db, { coachId: coach.id, seekerId: seeker.id, body: "Hello?", now: NOW })).toBeNull();
    expect(await listCoachesOf(handle.db, { seekerId: seeker.id })).toEqual([]);
    expect(await endConnection(handle.db, { coachId: coach.id, seekerId: seeker.id, endedBy, now: NOW })).toBe(false);

    // They can connect again later, by a new invitation.
    const { token } = await createCoachInvitation(handle.db, { coachId: coach.id, now: NOW });
    await answerInvitation(handle.db, { ref: { token }, viewer: viewer(seeker), answer: "accept", now: NOW });
    expect((await everythingTheCoachReads(coach, seeker)).one).not.toBeNull();
  });

  it("nobody else can end it", async () => {
    const { coach, seeker } = await connectedPair();
    const other = await person("Olga Other");
    expect(await endConnection(handle.db, { coachId: coach.id, seekerId: seeker.id, endedBy: other.id, now: NOW })).toBe(false);
    expect(await listCoachesOf(handle.db, { seekerId: seeker.id })).toHaveLength(1);
  });

  it("authorization matrix: only the connected coach reads the client or writes a note", async () => {
    const { coach, seeker } = await connectedPair();
    const otherSeeker = await person("Olga Other");
    const otherLead = await lead(otherSeeker.id, { company: "Other Gizmos" });
    await touch(otherSeeker.id, otherLead, "2025-03-05T10:00:00Z", "email", "outbound");
    const unconnected = await person("Una Unconnected");
    const ended = await person("Ed Ended");
    await connect(ended, seeker);
    await endConnection(handle.db, { coachId: ended.id, seekerId: seeker.id, endedBy: seeker.id, now: NOW });
    // A coach of the other seeker only, to check the scoping the other way round.
    await connect(unconnected, otherSeeker);

    const actors = { owner: seeker, otherSeeker, connected: coach, unconnected, ended };
    for (const [role, actor] of Object.entries(actors)) {
      const countsBefore = [await rowCount(coachNotes), await rowCount(coachLinks), await rowCount(leads), await rowCount(touches)];
      const seen = await everythingTheCoachReads(actor, seeker);
      const note = await createCoachNote(handle.db, { coachId: actor.id, seekerId: seeker.id, body: `from ${role}`, now: NOW });
      const html = JSON.stringify(seen);
      if (role === "connected") {
        expect(seen.one?.name, role).toBe("Sam Seeker");
        expect(html).toContain("Secret Widgets");
        expect(note).not.toBeNull();
      } else {
        expect(seen.one, role).toBeNull();
        expect([seen.leads, seen.touches, seen.notes], role).toEqual([[], [], []]);
        expect(seen.all.map((client) => client.seekerId), role).not.toContain(seeker.id);
        expect(html, role).not.toContain("Secret Widgets");
        expect(note, role).toBeNull();
        expect([await rowCount(coachNotes), await rowCount(coachLinks), await rowCount(leads), await rowCount(touches)], role).toEqual(
          countsBefore,
        );
      }
      // Nobody sees the other seeker's leads through this client's pages.
      expect(html, role).not.toContain("Other Gizmos");
    }
    // And nobody but the two sides ends the live connection.
    for (const actor of [otherSeeker, unconnected, ended]) {
      expect(await endConnection(handle.db, { coachId: coach.id, seekerId: seeker.id, endedBy: actor.id, now: NOW })).toBe(false);
      expect(await endConnection(handle.db, { coachId: actor.id, seekerId: seeker.id, endedBy: actor.id, now: NOW })).toBe(false);
    }
    expect(await listCoachesOf(handle.db, { seekerId: seeker.id })).toMatchObject([{ coachId: coach.id }]);
  });
});

describe("the coach's figures", () => {
  /*
   * NOW is Sunday 9 March 12:00 UTC, which is already Monday 10 March 01:00 in Auckland (UTC+13).
   * Both clients start their campaign on Monday 3 March, 5 a week on weekdays, goals 1 a day and
   * 5 a week, and have the same leads and touches at the same instants.
   */
  async function clientIn(coach: Person, name: string, timeZone: string) {
    const seeker = await person(name, timeZone, { campaignStartDate: "2025-03-03" });
    await connect(coach, seeker);
    const a = await lead(seeker.id, { company: `${name} A` });
    await touch(seeker.id, a, "2025-03-03T09:00:00Z", "phone", "outbound"); //   UTC Mon 3  | AKL Mon 3 22:00
    await touch(seeker.id, a, "2025-03-04T09:00:00Z", "email", "outbound"); //   UTC Tue 4  | AKL Tue 4 22:00
    await touch(seeker.id, a, "2025-03-06T20:00:00Z", "email", "outbound"); //   UTC Thu 6  | AKL Fri 7 09:00
    await touch(seeker.id, a, "2025-03-07T09:00:00Z", "email", "inbound"); //    UTC Fri 7  | AKL Fri 7 22:00
    await touch(seeker.id, a, "2025-03-09T11:30:00Z", "phone", "outbound", { tooSoon: true }); // UTC Sun 9 | AKL Mon 10 00:30
    await lead(seeker.id, { plannedFirstContact: "2025-03-05" }); // B: UTC 4 days late, AKL 5: overdue in both
    await lead(seeker.id, { plannedFirstContact: "2025-03-02" }); // C: UTC 7 days late (overdue), AKL 8 (cold)
    await lead(seeker.id, { plannedFirstContact: "2025-02-01", pausedUntil: "2025-03-20" }); // D: paused
    await lead(seeker.id, { plannedFirstContact: "2025-02-01", closedAt: new Date("2025-03-01"), closedAs: "dropped" }); // E: closed
    await lead(seeker.id, { nextDueOverride: "2025-03-01" }); // F: set by hand, no touch: UTC 8, AKL 9 days late: cold
    const g = await lead(seeker.id, { nextDueOverride: "2025-02-20", nextDueOverrideSetAt: new Date("2025-03-01T00:00:00Z") });
    // G: touched after the date was set, so the date no longer holds: due 5 + 7 = 12 March, upcoming.
    await touch(seeker.id, g, "2025-03-05T09:00:00Z", "linkedin", "outbound"); // UTC Wed 5 | AKL Wed 5 22:00
    return seeker;
  }

  it("match the hand-worked figures in each client's own time zone", async () => {
    const coach = await person("Carla Coach", "UTC");
    const london = await clientIn(coach, "Una Utc", "UTC");
    const auckland = await clientIn(coach, "Aroha Auckland", "Pacific/Auckland");
    const facts = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    const byId = new Map(facts.map((fact) => [fact.seekerId, clientMetrics(fact)]));

    expect(byId.get(london.id)).toMatchObject({
      campaign: { week: 1, weeks: 2, contacted: 2, total: 7 },
      touchesThisWeek: 5, // every outbound touch falls in the week of Monday 3 March
      streak: 0, // Sunday and Saturday are skipped; Friday 7 had no outbound touch
      overdue: 2, // B and C
      cold: 1, // F
      tooSoon: 1,
      phoneShare: 2 / 5,
      daysSinceLastTouch: 0,
      weeklyTouches: [
        { week: 1, touches: 5, upcoming: false },
        { week: 2, touches: 0, upcoming: true },
      ],
    });
    expect(byId.get(auckland.id)).toMatchObject({
      campaign: { week: 2, weeks: 2, contacted: 2, total: 7 },
      touchesThisWeek: 1, // Monday 10 March 00:30 only
      streak: 2, // Monday 10, then Friday 7 (weekend skipped); Thursday 6 had none
      overdue: 1, // B
      cold: 2, // C and F
      tooSoon: 1,
      phoneShare: 2 / 5,
      daysSinceLastTouch: 0,
      weeklyTouches: [
        { week: 1, touches: 4, upcoming: false },
        { week: 2, touches: 1, upcoming: false },
      ],
    });
  });

  it("shows a client with no leads and no campaign", async () => {
    const coach = await person("Carla Coach");
    const seeker = await person("Nell New");
    await connect(coach, seeker);
    const [facts] = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    expect(clientMetrics(facts!)).toMatchObject({
      campaign: null,
      leadsTotal: 0,
      leadsContacted: 0,
      touchesThisWeek: 0,
      weeklyGoal: 5,
      streak: 0,
      overdue: 0,
      cold: 0,
      phoneShare: 0,
      daysSinceLastTouch: null,
      weeklyTouches: null,
    });
  });

  it("lists the client's leads in list order and the touches newest first", async () => {
    const coach = await person("Carla Coach");
    const seeker = await clientIn(coach, "Una Utc", "UTC");
    const clientLeads = await listClientLeads(handle.db, { coachId: coach.id, seekerId: seeker.id });
    expect(clientLeads).toHaveLength(7);
    expect(clientLeads[0]!.company).toBe("Una Utc A");
    expect(clientLeads[0]!.lastTouch).toMatchObject({ at: new Date("2025-03-09T11:30:00Z"), channel: "phone" });
    // No contact details leave the seeker's own pages.
    expect(Object.keys(clientLeads[0]!)).not.toContain("email");
    expect(Object.keys(clientLeads[0]!)).not.toContain("phone");
    expect(Object.keys(clientLeads[0]!)).not.toContain("personalNotes");

    const timeline = await listClientTouches(handle.db, { coachId: coach.id, seekerId: seeker.id, limit: 3 });
    expect(timeline.total).toBe(6);
    expect(timeline.touches.map((t) => t.at.toISOString())).toEqual([
      "2025-03-09T11:30:00.000Z",
      "2025-03-07T09:00:00.000Z",
      "2025-03-06T20:00:00.000Z",
    ]);
  });

  it("costs one statement for the Clients page's facts, whatever the number of clients", async () => {
    const coach = await person("Carla Coach");
    await clientIn(coach, "First Client", "UTC");
    resetQueryCount();
    await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    expect(queryCount()).toBe(1);
    for (const name of ["Second", "Third", "Fourth", "Fifth"]) await clientIn(coach, `${name} Client`, "Pacific/Auckland");
    resetQueryCount();
    expect(await listClientFacts(handle.db, { coachId: coach.id, now: NOW })).toHaveLength(5);
    expect(queryCount()).toBe(1);
  });
});

describe("the pace rule in SQL", () => {
  const ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu", "Europe/Paris"];
  const dayOffset = fc.integer({ min: -25, max: 10 });
  const instantBefore = (maxHoursBack: number) =>
    fc.integer({ min: 0, max: maxHoursBack * 60 }).map((minutes) => new Date(NOW.getTime() - minutes * 60_000));
  const leadArb = fc.record({
    timeZone: fc.constantFrom(...ZONES),
    cadenceDays: fc.integer({ min: 1, max: 14 }),
    planned: fc.option(dayOffset),
    override: fc.option(fc.record({ offset: dayOffset, setAt: fc.option(instantBefore(40 * 24)) })),
    paused: fc.option(fc.integer({ min: -5, max: 5 })),
    closed: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
    touches: fc.array(fc.record({ at: instantBefore(40 * 24), direction: fc.constantFrom("outbound", "inbound") as fc.Arbitrary<Direction> }), {
      maxLength: 3,
    }),
  });

  it("counts the same overdue, cold and contacted leads as computePace", async () => {
    const coach = await person("Carla Coach");
    await fc.assert(
      fc.asyncProperty(fc.array(leadArb, { minLength: 1, maxLength: 12 }), async (specs) => {
        await handle.db.delete(users).where(sql`${users.id} <> ${coach.id}`);
        const expected = new Map<string, { overdue: number; cold: number; contacted: number }>();
        for (const [index, spec] of specs.entries()) {
          const seeker = await person(`Seeker ${index}`, spec.timeZone);
          await connect(coach, seeker);
          const today = todayIn(NOW, spec.timeZone);
          const facts = {
            cadenceDays: spec.cadenceDays,
            plannedFirstContact: spec.planned === null ? null : addDays(today, spec.planned),
            nextDueOverride: spec.override === null ? null : addDays(today, spec.override.offset),
            nextDueOverrideSetAt: spec.override?.setAt ?? null,
            pausedUntil: spec.paused === null ? null : addDays(today, spec.paused),
            closedAt: spec.closed ? new Date("2025-02-01T00:00:00Z") : null,
          };
          const leadId = await lead(seeker.id, facts);
          for (const t of spec.touches) await touch(seeker.id, leadId, t.at.toISOString(), "email", t.direction);
          const pace = computePace({ ...facts, touches: spec.touches.map((t) => ({ ...t, channel: "email" as const })) }, NOW, spec.timeZone);
          expected.set(seeker.id, {
            overdue: pace.state === "overdue" ? 1 : 0,
            cold: pace.state === "cold" ? 1 : 0,
            contacted: spec.touches.length > 0 ? 1 : 0,
          });
        }
        const facts = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
        expect(facts).toHaveLength(specs.length);
        for (const fact of facts) {
          const { overdue, cold, contacted } = fact.leads;
          expect({ overdue, cold, contacted }).toEqual(expected.get(fact.seekerId));
        }
      }),
      { numRuns: 25 },
    );
  });
});
