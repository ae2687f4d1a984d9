// Property-based tests of the coach's actions (docs/reliability.md, "Bad input"): generated forms through the
// real actions on a real database. See test/fuzz/session.ts for what is mocked (Auth.js's
// cookies, Next's request headers and cache) and why.
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser, type TestUser } from "@/test/fuzz/database";
import {
  entriesOf,
  extraFields,
  firstText,
  formOf,
  idRef,
  nastyText,
  resolveId,
  storedText,
  toFormData,
  validText,
  withoutNul,
} from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, runAction, submit } from "@/test/fuzz/run";
import { actAs, session } from "@/test/fuzz/session";
import { findInvitation } from "@/db/queries/coach-invitations";
import { listNotesToClient } from "@/db/queries/coach-notes";
import { coachInvitations, coachLinks, coachNotes } from "@/db/schema";
import { CODE_ALPHABET } from "@/lib/coach/invitations";
import { hashInvitationToken } from "@/lib/server/invitation-tokens";
import { createInvitationAction, endClientConnectionAction, leaveNoteAction } from "./actions";


const test = fuzzDatabase();
let coach: TestUser;
let clientId: string;
/** Cora's clients: Sam (connected) and Eve (the connection ended). */
let ownClientIds: string[];
let otherIds: string[];

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  coach = await addUser(db, "Cora");
  const sam = await addUser(db, "Sam");
  const eve = await addUser(db, "Eve");
  const olga = await addUser(db, "Olga");
  const otto = await addUser(db, "Otto");
  clientId = sam.id;
  ownClientIds = [sam.id, eve.id];
  otherIds = [olga.id, otto.id];
  await db.insert(coachLinks).values([
    { coachId: coach.id, seekerId: sam.id },
    { coachId: coach.id, seekerId: eve.id, endedAt: new Date("2025-01-01T00:00:00Z"), endedBy: eve.id },
    // Another coach and client, with a note: nothing Cora sends may change them.
    { coachId: otto.id, seekerId: olga.id },
  ]);
  await db.insert(coachNotes).values({ coachId: otto.id, seekerId: olga.id, body: "Otto's note" });
  await test.fuzz.watch([olga.id, otto.id]);
  actAs(coach);
});

describe("coach actions fuzz", () => {
  it("createInvitationAction makes one working invitation whatever the form holds; signed out, it sends to sign in", async () => {
    await fuzzAction(
      fc.record({ junk: extraFields, signedIn: fc.boolean() }),
      async ({ junk, signedIn }, tally) => {
        if (signedIn) actAs(coach);
        else session.current = null;
        const outcome = await test.fuzz.attempt({ fields: [], tally }, () =>
          runAction(() => (createInvitationAction as (...args: unknown[]) => ReturnType<typeof createInvitationAction>)(null, toFormData(junk))),
        );
        expect(outcome.kind).toBe(signedIn ? "ok" : "redirect");
        if (outcome.kind === "redirect") expect(outcome.location).toMatch(/^\/sign-in(\?|$)/);
        if (outcome.kind !== "ok") return;
        const { invitation } = outcome.result;
        const url = new URL(invitation!.url);
        expect(url.origin).toBe("http://cadence.test");
        const token = url.pathname.replace(/^\/invitations\//, "");
        expect(invitation!.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
        // The link works for anyone else, and only its hash is kept.
        const viewer = { id: clientId, email: "sam@example.com" };
        const found = await findInvitation(test.db, { ref: { token }, viewer, now: new Date() });
        expect(found?.inviter.id).toBe(coach.id);
        const [row] = await test.db.select().from(coachInvitations).where(eq(coachInvitations.tokenHash, hashInvitationToken(token)));
        expect(row?.code).toBe(invitation!.code);
        expect(JSON.stringify(row)).not.toContain(token);
      },
      { accepted: ["ok"], refused: ["redirect"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("leaveNoteAction leaves the note verbatim for a live client only, else answers 404 or refuses", async () => {
    const body = fc.oneof(validText(2000).filter((text) => withoutNul(text).trim() !== ""), nastyText(2000));
    await fuzzAction(
      formOf({ seekerId: idRef({ own: 6, foreign: 2, random: 1, text: 2 }).map((ref) => ({ ref })), body }),
      async (form, tally) => {
        const entries = entriesOf(form, (ref) => resolveId(ref, ownClientIds, otherIds));
        const outcome = await test.fuzz.attempt({ fields: ["seekerId", "body"], tally }, () => submit(leaveNoteAction, entries));
        expect(["ok", "rejected", "notFound"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        expect(firstText(entries, "seekerId")).toBe(clientId);
        const {
          notes: [latest],
        } = await listNotesToClient(test.db, { coachId: coach.id, seekerId: clientId });
        expect(latest?.body).toBe(storedText(entries, "body"));
        if ((await listNotesToClient(test.db, { coachId: coach.id, seekerId: clientId, limit: 30 })).more) {
          await test.db.delete(coachNotes).where(eq(coachNotes.coachId, coach.id));
          test.fuzz.changed();
        }
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("endClientConnectionAction ends only Cora's live connection with that client, else answers 404 or refuses", async () => {
    await fuzzAction(
      formOf({ seekerId: idRef({ own: 6, foreign: 2, random: 1, text: 2 }).map((ref) => ({ ref })) }),
      async (form, tally) => {
        const entries = entriesOf(form, (ref) => resolveId(ref, ownClientIds, otherIds));
        const outcome = await test.fuzz.attempt({ fields: ["seekerId"], tally }, () => submit(endClientConnectionAction, entries));
        expect(["redirect", "rejected", "notFound"]).toContain(outcome.kind);
        expect(outcome.kind === "redirect").toBe(firstText(entries, "seekerId") === clientId);
        if (outcome.kind !== "redirect") return;
        expect(outcome.location).toBe("/coach?ended=1");
        const link = and(eq(coachLinks.coachId, coach.id), eq(coachLinks.seekerId, clientId));
        const [ended] = await test.db.select().from(coachLinks).where(link);
        expect([ended?.endedAt !== null, ended?.endedBy]).toEqual([true, coach.id]);
        // Connected again for the next runs.
        await test.db.delete(coachLinks).where(link);
        await test.db.insert(coachLinks).values({ coachId: coach.id, seekerId: clientId });
        test.fuzz.changed();
      },
      { accepted: ["redirect"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
