// Property-based tests of the material actions' input handling (docs/reliability.md, "Bad input"): generated
// forms through the real actions on a real database. See test/fuzz/session.ts for what is
// mocked (Auth.js's cookies, Next's request headers and cache) and why.
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
  storedUrl,
  validText,
  type FieldValue,
  type FormEntries,
} from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { createMaterial, getMaterial } from "@/db/queries/materials";
import { addLeads, addTouch } from "@/test/fixtures/today";
import { materials } from "@/db/schema";
import { MATERIAL_FIELDS } from "@/lib/materials/schemas";
import { createMaterialAction, deleteMaterialAction, updateMaterialAction } from "./actions";


const test = fuzzDatabase();
let seekerId: string;
let otherMaterialIds: string[];

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const seeker = await addUser(db, "Sam", { timeZone: "Asia/Kathmandu" });
  const other = await addUser(db, "Olga");
  seekerId = seeker.id;
  // Olga's library, one of them sent with a touch: nothing Sam does may change it.
  otherMaterialIds = [];
  for (const title of ["Olga's report", "<b>Olga's</b> article"]) {
    otherMaterialIds.push((await createMaterial(db, { userId: other.id, material: { title, url: "https://olga.test/", topic: "" } })).id);
  }
  const [olgasLead] = await addLeads(db, { userId: other.id, companies: ["Olga's Acme"] });
  await addTouch(db, { userId: other.id, leadId: olgasLead!, at: new Date("2025-01-02T10:00:00Z"), materialId: otherMaterialIds[0]! });
  await topUpMaterials();
  await test.fuzz.watch([other.id]);
  actAs(seeker);
});

async function ownMaterialIds(): Promise<string[]> {
  const rows = await test.db.select({ id: materials.id }).from(materials).where(eq(materials.userId, seekerId));
  return rows.map((row) => row.id).sort();
}

/** Keeps Sam's library at a few materials or more, one of them sent to a lead of his. */
async function topUpMaterials(): Promise<string[]> {
  const own = await test.fuzz.cached("Sam's materials", ownMaterialIds);
  if (own.length >= 3) return own;
  const { db } = test;
  for (let i = 0; i < 5; i++) await createMaterial(db, { userId: seekerId, material: { title: `Report ${i}`, url: "", topic: "industry" } });
  const [lead] = await addLeads(db, { userId: seekerId, companies: ["Acme"] });
  const ids = await ownMaterialIds();
  await addTouch(db, { userId: seekerId, leadId: lead!, at: new Date("2025-01-03T10:00:00Z"), materialId: ids[0]! });
  test.fuzz.changed();
  return ids;
}

const validMaterial: Record<(typeof MATERIAL_FIELDS)[number], fc.Arbitrary<FieldValue>> = {
  title: validText(200).filter((text) => text.replaceAll("\u0000", "").trim() !== ""),
  url: fc.constantFrom(
    "",
    "https://example.com/report.pdf",
    "http://x.test/?q=<script>alert(1)</script>",
    "https://x.test/' or 1=1 --",
    "linkedin.com/pulse/zoë",
    " https://example.com/padded ",
    `https://example.com/${"a".repeat(1970)}`,
  ),
  topic: validText(100),
};

const nastyMaterial: Record<(typeof MATERIAL_FIELDS)[number], fc.Arbitrary<FieldValue>> = {
  title: nastyText(200),
  url: fc.oneof(
    fc.constantFrom("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "//evil.test", "ftp://x.test", "http://", "example.com", `https://example.com/${"a".repeat(2000)}`),
    nastyText(2000),
  ),
  topic: nastyText(100),
};

const materialForm = fc.oneof(formOf(validMaterial), formOf(nastyMaterial));

function expectedMaterial(entries: FormEntries) {
  const url = storedText(entries, "url");
  return {
    title: storedText(entries, "title"),
    url: storedUrl(url),
    topic: storedText(entries, "topic"),
  };
}

async function expectStored(materialId: string, entries: FormEntries) {
  const stored = await getMaterial(test.db, { userId: seekerId, materialId });
  expect(stored).not.toBeNull();
  expect({ title: stored!.title, url: stored!.url, topic: stored!.topic }).toEqual(expectedMaterial(entries));
  // Only http(s) addresses are ever stored, so only they can become links.
  if (stored!.url) expect(new URL(stored!.url).protocol).toMatch(/^https?:$/);
}

describe("material actions fuzz", () => {
  it("createMaterialAction stores the material verbatim, or refuses with field errors and writes nothing", async () => {
    await fuzzAction(
      materialForm,
      async (form, tally) => {
        const before = await ownMaterialIds();
        const entries = entriesOf(form);
        const outcome = await test.fuzz.attempt({ fields: MATERIAL_FIELDS, tally }, () => submit(createMaterialAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        const added = (await ownMaterialIds()).filter((id) => !before.includes(id));
        expect(added).toHaveLength(1);
        await expectStored(added[0]!, entries);
        if (before.length > 30) {
          await test.db.delete(materials).where(eq(materials.userId, seekerId));
          await topUpMaterials();
        }
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("updateMaterialAction changes only Sam's material, verbatim, else answers 404 or refuses and writes nothing", async () => {
    await fuzzAction(
      fc.oneof(formOf({ materialId: idRef().map((ref) => ({ ref })), ...validMaterial }), formOf({ materialId: idRef().map((ref) => ({ ref })), ...nastyMaterial })),
      async (form, tally) => {
        const own = await topUpMaterials();
        const entries = entriesOf(form, (ref) => resolveId(ref, own, otherMaterialIds));
        const materialId = firstText(entries, "materialId");
        const outcome = await test.fuzz.attempt({ fields: [...MATERIAL_FIELDS, "materialId"], tally }, () => submit(updateMaterialAction, entries));
        expect(["redirect", "rejected", "notFound"]).toContain(outcome.kind);
        if (outcome.kind === "redirect") {
          expect(outcome.location).toBe("/materials?saved=1");
          await expectStored(materialId, entries);
        }
      },
      { accepted: ["redirect"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("deleteMaterialAction deletes only one of Sam's materials, else answers 404 and deletes nothing", async () => {
    await fuzzAction(
      formOf({ materialId: idRef().map((ref) => ({ ref })), title: nastyText() }),
      async (form, tally) => {
        const own = await topUpMaterials();
        const entries = entriesOf(form, (ref) => resolveId(ref, own, otherMaterialIds));
        const materialId = entries.find(([name]) => name === "materialId")?.[1];
        const outcome = await test.fuzz.attempt({ fields: ["materialId"], tally }, () => submit(deleteMaterialAction, entries));
        expect(["redirect", "notFound"]).toContain(outcome.kind);
        expect(outcome.kind === "redirect").toBe(typeof materialId === "string" && own.includes(materialId));
        if (outcome.kind === "redirect") {
          expect(outcome.location).toBe("/materials?deleted=1");
          expect(await ownMaterialIds()).toEqual(own.filter((id) => id !== materialId));
        }
      },
      { accepted: ["redirect"], refused: ["notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
