import { describe, expect, it } from "vitest";
import { coachLinks, coachNotes, leads, touches } from "../schema";
import { setUpTestDb } from "@/test/db";
import { getClientFacts, listClientFacts } from "./coach-clients";
import { listClientTouchesPage, listLeadsPage } from "./leads-page";
import { endConnection, listCoachesOf } from "./coach-connections";
import { coachFixtures, viewer, type Person } from "@/test/fixtures/coach";
import { answerInvitation, createCoachInvitation } from "./coach-invitations";
import { createCoachNote, listNotesToClient } from "./coach-notes";

const handle = setUpTestDb();
const { person, lead, touch, connect, rowCount } = coachFixtures(handle);

const NOW = new Date("2025-03-09T12:00:00Z");
const ALL_LEADS = { state: "all", search: "", sort: "order", dir: "asc", after: null, before: null } as const;

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
      // The client's page: their leads and their touches, as the coach reads them.
      leads: (await listLeadsPage(handle.db, { userId: seeker.id, coachId: coach.id, now: NOW, timeZone: "UTC", query: ALL_LEADS })).rows,
      touches: (await listClientTouchesPage(handle.db, { ...scope, olderThan: null })).touches,
      notes: (await listNotesToClient(handle.db, scope)).notes,
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
