// Property-based tests of the seeker's coach actions (docs/reliability.md, "Bad input"): generated forms
// through the real actions on a real database. See test/fuzz/session.ts for what is
// mocked (Auth.js's cookies, Next's request headers and cache) and why.
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser } from "@/test/fuzz/database";
import { emailText, entriesOf, firstText, formOf, idRef, resolveId, storedText } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { listCoachesOf } from "@/db/queries/coach-connections";
import { listOpenInvitationsBy } from "@/db/queries/coach-invitations";
import { coachInvitations, coachLinks } from "@/db/schema";
import { endCoachConnectionAction, inviteCoachAction } from "./coach-actions";


const test = fuzzDatabase();
let seekerId: string;
let coachId: string;
/** Sam's coaches: Cora (connected) and Ed (the connection ended). */
let ownCoachIds: string[];
let otherCoachIds: string[];

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const sam = await addUser(db, "Sam");
  const cora = await addUser(db, "Cora");
  const ed = await addUser(db, "Ed");
  const olga = await addUser(db, "Olga");
  const otto = await addUser(db, "Otto");
  seekerId = sam.id;
  coachId = cora.id;
  ownCoachIds = [cora.id, ed.id];
  otherCoachIds = [otto.id, olga.id];
  await db.insert(coachLinks).values([
    { coachId: cora.id, seekerId: sam.id },
    { coachId: ed.id, seekerId: sam.id, endedAt: new Date("2025-01-01T00:00:00Z"), endedBy: sam.id },
    // Olga and her coach Otto: whatever Sam sends, their connection stays.
    { coachId: otto.id, seekerId: olga.id },
  ]);
  await test.fuzz.watch([olga.id, otto.id]);
  actAs(sam);
});

async function liveCoachIds(): Promise<string[]> {
  return (await listCoachesOf(test.db, { seekerId })).map((coach) => coach.coachId);
}

const coachEmail = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("otto@example.com", "new.coach@example.com", " New.Coach@Example.COM ", "cora@example.com", " CORA@example.com", "sam@example.com", "SAM@EXAMPLE.COM ") },
  { weight: 4, arbitrary: emailText },
);

describe("seeker's coach actions fuzz", () => {
  it("inviteCoachAction records an invitation to the e-mail given, or refuses (own address, already connected, not an address)", async () => {
    await fuzzAction(
      formOf({ email: coachEmail }),
      async (form, tally) => {
        const entries = entriesOf(form);
        const outcome = await test.fuzz.attempt({ fields: ["email"], tally }, () => submit(inviteCoachAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        const email = storedText(entries, "email").toLowerCase();
        if (email === "sam@example.com" || email === "cora@example.com") expect(outcome.kind).toBe("rejected");
        if (outcome.kind !== "ok") return;
        const open = await listOpenInvitationsBy(test.db, { userId: seekerId, role: "seeker", now: new Date() });
        expect(open.filter((invitation) => invitation.inviteeEmail === email)).toHaveLength(1);
        if (open.length > 40) {
          await test.db.delete(coachInvitations).where(eq(coachInvitations.createdBy, seekerId));
          test.fuzz.changed();
        }
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("endCoachConnectionAction ends only Sam's live connection with that coach, else answers 404 or refuses", async () => {
    await fuzzAction(
      formOf({ coachId: idRef({ own: 6, foreign: 2, random: 1, text: 2 }).map((ref) => ({ ref })) }),
      async (form, tally) => {
        const entries = entriesOf(form, (ref) => resolveId(ref, ownCoachIds, otherCoachIds));
        const outcome = await test.fuzz.attempt({ fields: ["coachId"], tally }, () => submit(endCoachConnectionAction, entries));
        expect(["ok", "rejected", "notFound"]).toContain(outcome.kind);
        expect(outcome.kind === "ok").toBe(firstText(entries, "coachId") === coachId);
        if (outcome.kind !== "ok") return;
        expect(await liveCoachIds()).toEqual([]);
        const [ended] = await test.db.select().from(coachLinks).where(and(eq(coachLinks.coachId, coachId), eq(coachLinks.seekerId, seekerId)));
        expect(ended?.endedBy).toBe(seekerId);
        // Connected again for the next runs.
        await test.db.delete(coachLinks).where(and(eq(coachLinks.coachId, coachId), eq(coachLinks.seekerId, seekerId)));
        await test.db.insert(coachLinks).values({ coachId, seekerId });
        expect(await liveCoachIds()).toEqual([coachId]);
        test.fuzz.changed();
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
