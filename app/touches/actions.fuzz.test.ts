// Property-based tests of logging a touch (docs/reliability.md, "Bad input"): generated forms through the
// real action on a real database. See test/fuzz/session.ts for what is mocked (Auth.js's
// cookies, Next's request headers and cache) and why.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser } from "@/test/fuzz/database";
import {
  entriesOf,
  firstText,
  formOf,
  idRef,
  nastyText,
  resolveId,
  storedText,
  validText,
  type FieldValue,
  type FormEntries,
} from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { getLeadDetail } from "@/db/queries/leads";
import { createMaterial } from "@/db/queries/materials";
import { addLeads, addTouch } from "@/test/fixtures/today";
import { leads, materials, touches } from "@/db/schema";
import { CHANNELS, DIRECTIONS, OUTCOMES } from "@/lib/domain";
import { EARLIEST_TOUCH, toLocalDateTime } from "@/lib/today/local-time";
import { TOUCH_EDIT_FIELDS, TOUCH_FIELDS } from "@/lib/touches/schemas";
import { deleteTouchAction, logTouchAction, undoTouchAction, updateTouchAction } from "./actions";


// Half-hour offset and daylight saving time: "When" is read in this zone.
const TIME_ZONE = "America/St_Johns";

const test = fuzzDatabase();
let seekerId: string;
let otherLeadIds: string[];
let otherMaterialIds: string[];
let otherTouchIds: string[];

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const sam = await addUser(db, "Sam", { timeZone: TIME_ZONE });
  const olga = await addUser(db, "Olga");
  seekerId = sam.id;
  otherLeadIds = await addLeads(db, { userId: olga.id, companies: ["Olga's Acme"] });
  otherMaterialIds = [(await createMaterial(db, { userId: olga.id, material: { title: "Olga's report", url: "", topic: "" } })).id];
  await addTouch(db, { userId: olga.id, leadId: otherLeadIds[0]!, at: new Date("2025-01-02T10:00:00Z"), materialId: otherMaterialIds[0]! });
  otherTouchIds = (await db.select({ id: touches.id }).from(touches).where(eq(touches.userId, olga.id))).map((row) => row.id);
  await test.fuzz.watch([olga.id]);
  actAs(sam);
});

type Records = { leadIds: string[]; materialIds: string[]; touchIds: string[]; usedKeys: string[] };

async function readRecords(): Promise<Records> {
  const { db } = test;
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  return {
    leadIds: ids(await db.select({ id: leads.id }).from(leads).where(eq(leads.userId, seekerId))),
    materialIds: ids(await db.select({ id: materials.id }).from(materials).where(eq(materials.userId, seekerId))),
    touchIds: ids(await db.select({ id: touches.id }).from(touches).where(eq(touches.userId, seekerId))),
    usedKeys: (await db.select({ key: touches.idempotencyKey }).from(touches).where(eq(touches.userId, seekerId)))
      .map((row) => row.key)
      .filter((key) => key !== null),
  };
}

/** Sam's leads (one touched yesterday, so an outbound touch now is too soon), materials and touches. */
async function samsRecords(): Promise<Records> {
  const { db } = test;
  const records = await test.fuzz.cached("Sam's records", readRecords);
  if (records.leadIds.length > 0 && records.materialIds.length > 0 && records.touchIds.length <= 60) return records;
  await db.delete(leads).where(eq(leads.userId, seekerId));
  await db.delete(materials).where(eq(materials.userId, seekerId));
  const leadIds = await addLeads(db, { userId: seekerId, companies: ["<b>Acme</b>", "Globex", "'; drop table touches; --"] });
  await addTouch(db, { userId: seekerId, leadId: leadIds[0]!, at: new Date(Date.now() - 86_400_000) });
  await createMaterial(db, { userId: seekerId, material: { title: "<script>alert(1)</script>", url: "", topic: "" } });
  test.fuzz.changed();
  return test.fuzz.cached("Sam's records", readRecords);
}

/** Stands for a "When" some minutes from now, written in Sam's zone when the run starts. */
const RELATIVE = "\u{F0001}minutes:";

const atText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 5, arbitrary: fc.integer({ min: -60 * 24 * 60, max: -2 }).map((minutes) => `${RELATIVE}${minutes}`) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 60 * 24 * 400 }).map((minutes) => `${RELATIVE}${minutes}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "2000-01-01T00:00",
      "1999-12-31T23:59",
      "0001-01-01T00:00",
      "9999-12-31T23:59",
      "2025-02-29T10:00",
      "2024-02-29T10:00",
      "2025-03-09T02:30", // skipped by the clocks in St John's
      "2025-11-02T01:30", // happens twice there
      "2025-13-01T10:00",
      "2025-01-01T24:00",
      "2025-01-01T10:60",
      "2025-01-01T10:00:59",
      "2025-01-01T10:00:60",
      "2025-01-01T10:00Z",
      "2025-01-01 10:00",
      "2025-01-01",
      "+275760-09-13T00:00",
      "-000001-01-01T00:00",
      "１０:００",
    ),
  },
  { weight: 1, arbitrary: nastyText() },
);

const ref = (weights?: Parameters<typeof idRef>[0]) => idRef(weights).map((value): FieldValue => ({ ref: value }));

const touchForm = formOf({
  leadId: ref({ own: 10, foreign: 1, random: 1, text: 1 }),
  channel: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CHANNELS) }, { weight: 1, arbitrary: fc.constantFrom("PHONE", "", "fax", "phone ") }, { weight: 1, arbitrary: nastyText() }),
  direction: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", ...DIRECTIONS) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("out", "INBOUND"), nastyText()) }),
  outcome: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", ...OUTCOMES) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("won", "No answer"), nastyText()) }),
  note: fc.oneof({ weight: 3, arbitrary: validText(2000) }, { weight: 1, arbitrary: nastyText(2000) }),
  materialId: fc.oneof({ weight: 6, arbitrary: fc.constant("") }, { weight: 3, arbitrary: ref({ own: 6, foreign: 2, random: 1, text: 2 }) }),
  at: atText,
  idempotencyKey: fc.oneof(
    { weight: 3, arbitrary: fc.constant("") },
    { weight: 3, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom("same key", "x".repeat(100), "x".repeat(101)) },
    { weight: 1, arbitrary: nastyText() },
  ),
  confirmTooSoon: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", "yes") }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("YES", "true", "on"), nastyText()) }),
  confirmMaterialAgain: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", "yes") }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("YES", "1"), nastyText()) }),
});

function resolveForm(entries: FormEntries): FormEntries {
  return entries.map(([name, value]): [string, string | Blob] => {
    if (typeof value !== "string" || !value.startsWith(RELATIVE)) return [name, value];
    return [name, toLocalDateTime(new Date(Date.now() + Number(value.slice(RELATIVE.length)) * 60_000), TIME_ZONE)];
  });
}

describe("touch actions fuzz", () => {
  it("logTouchAction logs the touch as sent, once per key, or refuses (404 for a lead not Sam's) and writes nothing", async () => {
    await fuzzAction(
      touchForm,
      async (form, tally) => {
        const { leadIds, materialIds, touchIds, usedKeys } = await samsRecords();
        const entries = resolveForm(
          entriesOf(form, (value, field) =>
            field === "materialId" ? resolveId(value, materialIds, otherMaterialIds) : resolveId(value, leadIds, otherLeadIds),
          ),
        );
        const leadId = firstText(entries, "leadId");
        const outcome = await test.fuzz.attempt({ fields: TOUCH_FIELDS, tally }, () => submit(logTouchAction, entries));
        expect(["ok", "rejected", "notFound"]).toContain(outcome.kind);
        if (outcome.kind === "notFound") expect(leadIds).not.toContain(leadId);
        if (outcome.kind !== "ok") return;
        const after = (await getLeadDetail(test.db, { userId: seekerId, leadId }))!;
        const added = after.touches.filter((touch) => !touchIds.includes(touch.id));
        // Only a key already used records nothing new; otherwise exactly this touch, as sent.
        if (added.length === 0) {
          tally.add("duplicate");
          expect(usedKeys, "ok with nothing stored: only for a key used before").toContain(storedText(entries, "idempotencyKey"));
          return;
        }
        expect(added).toHaveLength(1);
        const touch = added[0]!;
        const text = (name: string) => storedText(entries, name);
        expect({
          channel: touch.channel,
          direction: touch.direction,
          outcome: touch.outcome,
          note: touch.note,
          material: touch.material?.id ?? "",
        }).toEqual({
          channel: text("channel"),
          direction: text("direction") || "outbound",
          outcome: text("outcome") || null,
          note: text("note"),
          material: text("materialId"),
        });
        expect(touch.at.getTime()).toBeLessThanOrEqual(Date.now());
        expect(touch.at.getTime()).toBeGreaterThanOrEqual(EARLIEST_TOUCH.getTime());
        if (text("at") === "") expect(Date.now() - touch.at.getTime()).toBeLessThan(60_000);
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("updateTouchAction stores the touch as corrected, or refuses (404 for a touch not Sam's) and writes nothing", async () => {
    const editForm = formOf({
      touchId: ref({ own: 10, foreign: 2, random: 1, text: 1 }),
      at: atText.filter((value) => value !== ""),
      channel: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CHANNELS) }, { weight: 1, arbitrary: nastyText() }),
      direction: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", ...DIRECTIONS) }, { weight: 1, arbitrary: nastyText() }),
      outcome: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", ...OUTCOMES) }, { weight: 1, arbitrary: nastyText() }),
      note: fc.oneof({ weight: 3, arbitrary: validText(2000) }, { weight: 1, arbitrary: nastyText(2000) }),
      materialId: fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 3, arbitrary: ref({ own: 6, foreign: 2, random: 1, text: 2 }) }),
      confirmMaterialAgain: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", "yes") }, { weight: 1, arbitrary: nastyText() }),
    });
    await fuzzAction(
      editForm,
      async (form, tally) => {
        const { materialIds, touchIds } = await samsTouchedRecords();
        const entries = resolveForm(
          entriesOf(form, (value, field) =>
            field === "materialId" ? resolveId(value, materialIds, otherMaterialIds) : resolveId(value, touchIds, otherTouchIds),
          ),
        );
        const touchId = firstText(entries, "touchId");
        const outcome = await test.fuzz.attempt({ fields: TOUCH_EDIT_FIELDS, tally }, () => submit(updateTouchAction, entries));
        expect(["ok", "rejected", "notFound"]).toContain(outcome.kind);
        if (outcome.kind === "notFound") expect(touchIds).not.toContain(touchId);
        if (outcome.kind !== "ok") return;
        const [stored] = await test.db
          .select({ channel: touches.channel, direction: touches.direction, outcome: touches.outcome, note: touches.note, materialId: touches.materialId, at: touches.at })
          .from(touches)
          .where(eq(touches.id, touchId));
        const text = (name: string) => storedText(entries, name);
        expect({ ...stored!, at: undefined }).toEqual({
          channel: text("channel"),
          direction: text("direction") || "outbound",
          outcome: text("outcome") || null,
          note: text("note"),
          materialId: text("materialId") || null,
          at: undefined,
        });
        expect(stored!.at.getTime()).toBeLessThanOrEqual(Date.now());
        expect(stored!.at.getTime()).toBeGreaterThanOrEqual(EARLIEST_TOUCH.getTime());
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("deleteTouchAction deletes Sam's touch and nothing else, or answers 404 and writes nothing", async () => {
    const deleteForm = formOf({ touchId: ref({ own: 6, foreign: 2, random: 1, text: 2 }) });
    await fuzzAction(
      deleteForm,
      async (form, tally) => {
        const { touchIds } = await samsTouchedRecords();
        const entries = entriesOf(form, (value) => resolveId(value, touchIds, otherTouchIds));
        const touchId = firstText(entries, "touchId");
        const outcome = await test.fuzz.attempt({ fields: ["touchId"], tally }, () => submit(deleteTouchAction, entries));
        expect(["redirect", "notFound"]).toContain(outcome.kind);
        if (outcome.kind === "notFound") {
          expect(touchIds).not.toContain(touchId);
          return;
        }
        expect(touchIds).toContain(touchId);
        const left = (await readRecords()).touchIds;
        expect(left.sort()).toEqual(touchIds.filter((id) => id !== touchId).sort());
      },
      { accepted: ["redirect"], refused: ["notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});

describe("undo on Today", () => {
  it("undoTouchAction deletes exactly the touch just logged, once: a second undo and another seeker's touch change nothing", async () => {
    const { leadIds } = await samsRecords();
    const logged = await submit(logTouchAction, [
      ["leadId", leadIds[1]!],
      ["channel", "phone"],
      ["idempotencyKey", "undo-me"],
    ]);
    expect(logged).toMatchObject({ kind: "ok", result: { ok: true, message: "Logged: Phone with Globex." } });
    const touchId = logged.kind === "ok" && logged.result.ok ? logged.result.id : undefined;
    expect(touchId).toBeDefined();
    const before = (await readRecords()).touchIds;
    expect(before).toContain(touchId);

    // Olga's touch: answered like one already undone, and kept.
    const foreign = await submit(undoTouchAction, [["touchId", otherTouchIds[0]!]]);
    expect(foreign).toEqual({ kind: "ok", result: { ok: true, message: "Already undone: that touch is not logged." } });
    expect((await test.db.select({ id: touches.id }).from(touches).where(eq(touches.id, otherTouchIds[0]!))).length).toBe(1);
    expect((await readRecords()).touchIds.sort()).toEqual([...before].sort());

    const undone = await submit(undoTouchAction, [["touchId", touchId!]]);
    expect(undone).toEqual({ kind: "ok", result: { ok: true, message: "Undone: the touch with Globex is not logged." } });
    const after = (await readRecords()).touchIds;
    expect(after.sort()).toEqual(before.filter((id) => id !== touchId).sort());

    // Twice: nothing more goes.
    const again = await submit(undoTouchAction, [["touchId", touchId!]]);
    expect(again).toEqual({ kind: "ok", result: { ok: true, message: "Already undone: that touch is not logged." } });
    expect((await readRecords()).touchIds.sort()).toEqual(after.sort());

    // A malformed id is no touch id at all: a 404, as for the other touch actions.
    expect(await submit(undoTouchAction, [["touchId", "not-an-id"]])).toEqual({ kind: "notFound" });
    test.fuzz.changed();
  });

  it("undoTouchAction deletes Sam's touch and nothing else, else answers 'already undone' (404 for a malformed id)", async () => {
    const undoForm = formOf({ touchId: ref({ own: 6, foreign: 2, random: 1, text: 2 }) });
    await fuzzAction(
      undoForm,
      async (form, tally) => {
        const { touchIds } = await samsTouchedRecords();
        const entries = entriesOf(form, (value) => resolveId(value, touchIds, otherTouchIds));
        const touchId = firstText(entries, "touchId");
        const outcome = await test.fuzz.attempt({ fields: ["touchId"], tally }, () => submit(undoTouchAction, entries));
        expect(["ok", "notFound"]).toContain(outcome.kind);
        const left = (await readRecords()).touchIds;
        if (outcome.kind === "ok" && touchIds.includes(touchId)) {
          expect(left.sort()).toEqual(touchIds.filter((id) => id !== touchId).sort());
        } else {
          expect(left.sort()).toEqual([...touchIds].sort());
        }
      },
      { accepted: ["ok"], refused: ["notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});

/** Sam's records with a few touches to correct or delete (topped up when the deletes used them up). */
async function samsTouchedRecords(): Promise<Records> {
  const records = await samsRecords();
  if (records.touchIds.length >= 3) return records;
  for (const [index, leadId] of records.leadIds.entries()) {
    await addTouch(test.db, { userId: seekerId, leadId, at: new Date(Date.now() - (index + 2) * 86_400_000), materialId: records.materialIds[0] ?? null });
  }
  test.fuzz.changed();
  return test.fuzz.cached("Sam's records", readRecords);
}
