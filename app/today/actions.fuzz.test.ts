// Property-based tests of dismissing a coach's note (docs/reliability.md, "Bad input"): generated forms
// through the real action on a real database. See test/fuzz/session.ts for what is
// mocked (Auth.js's cookies, Next's request headers and cache) and why.
import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser } from "@/test/fuzz/database";
import { entriesOf, firstText, formOf, idRef, resolveId } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { coachLinks, coachNotes } from "@/db/schema";
import { dismissCoachNoteAction } from "./actions";


const test = fuzzDatabase();
let seekerId: string;
let coachId: string;
let otherNoteIds: string[];

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const sam = await addUser(db, "Sam");
  const cora = await addUser(db, "Cora");
  const olga = await addUser(db, "Olga");
  const otto = await addUser(db, "Otto");
  seekerId = sam.id;
  coachId = cora.id;
  await db.insert(coachLinks).values([
    { coachId: cora.id, seekerId: sam.id },
    { coachId: otto.id, seekerId: olga.id },
  ]);
  // Notes to Olga (one dismissed): Sam can dismiss neither.
  const rows = await db
    .insert(coachNotes)
    .values([
      { coachId: otto.id, seekerId: olga.id, body: "Call Acme" },
      { coachId: otto.id, seekerId: olga.id, body: "Old", dismissedAt: new Date("2025-01-01T00:00:00Z") },
    ])
    .returning({ id: coachNotes.id });
  otherNoteIds = rows.map((row) => row.id);
  await test.fuzz.watch([olga.id, otto.id]);
  actAs(sam);
});

/** Notes to Sam: some still on his Today, one dismissed already. */
async function samsNotes(): Promise<{ open: string[]; all: string[] }> {
  const { db } = test;
  const read = () => db.select({ id: coachNotes.id, dismissedAt: coachNotes.dismissedAt }).from(coachNotes).where(eq(coachNotes.seekerId, seekerId));
  let rows = await test.fuzz.cached("notes to Sam", read);
  if (rows.filter((row) => row.dismissedAt === null).length < 2) {
    await db.delete(coachNotes).where(eq(coachNotes.seekerId, seekerId));
    await db.insert(coachNotes).values([
      { coachId, seekerId, body: "<script>alert(1)</script>" },
      { coachId, seekerId, body: "'; drop table leads; --" },
      { coachId, seekerId, body: "Seen", dismissedAt: new Date("2025-01-01T00:00:00Z") },
    ]);
    test.fuzz.changed();
    rows = await test.fuzz.cached("notes to Sam", read);
  }
  return { open: rows.filter((row) => row.dismissedAt === null).map((row) => row.id), all: rows.map((row) => row.id) };
}

describe("today actions fuzz", () => {
  it("dismissCoachNoteAction hides only a note to Sam not yet dismissed, else answers 404 and writes nothing", async () => {
    await fuzzAction(
      formOf({ noteId: idRef().map((ref) => ({ ref })) }),
      async (form, tally) => {
        const notes = await samsNotes();
        const entries = entriesOf(form, (ref) => resolveId(ref, notes.all, otherNoteIds));
        const noteId = firstText(entries, "noteId").replaceAll("\u0000", "");
        const outcome = await test.fuzz.attempt({ fields: ["noteId"], tally }, () => submit(dismissCoachNoteAction, entries));
        expect(["ok", "notFound"]).toContain(outcome.kind);
        expect(outcome.kind === "ok").toBe(notes.open.includes(noteId));
        if (outcome.kind !== "ok") return;
        const stillOpen = await test.db
          .select({ id: coachNotes.id })
          .from(coachNotes)
          .where(and(eq(coachNotes.seekerId, seekerId), isNull(coachNotes.dismissedAt)));
        expect(stillOpen.map((row) => row.id).sort()).toEqual(notes.open.filter((id) => id !== noteId).sort());
      },
      { accepted: ["ok"], refused: ["notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
