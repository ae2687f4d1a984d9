// Property-based tests of every lead action's input handling (docs/reliability.md, "Bad input"): generated
// forms go through the real actions on a real database. See test/fuzz/session.ts for what
// is mocked (Auth.js's cookies, Next's request headers and cache) and why.
import { asc, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import {
  dateText,
  emailText,
  entriesOf,
  extraFields,
  firstText,
  formOf,
  idRef,
  nastyText,
  resolveId,
  shiftDate,
  storedText,
  storedUrl,
  toFormData,
  validText,
  withoutNul,
  type FieldValue,
  type FormEntries,
  type GeneratedForm,
  type IdRef,
} from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, FuzzDb, idInLocation, runAction, submit } from "@/test/fuzz/run";
import { addUser } from "@/test/fuzz/database";
import { actAs } from "@/test/fuzz/session";
import type { Db } from "@/db/client";
import { getLead, listLeads } from "@/db/queries/leads";
import { createMaterial } from "@/db/queries/materials";
import { loadSampleData } from "@/db/queries/sample-data";
import { isSampleEmail } from "@/lib/leads/sample";
import { addLeads, addTouch } from "@/test/fixtures/today";
import { createUser } from "@/db/queries/users";
import { leads } from "@/db/schema";
import { todayIn } from "@/lib/domain";
import { LEAD_STATE_FILTERS } from "@/lib/leads/filter";
import { matchingFilterSchema } from "@/lib/leads/page-query";
import { LEAD_FORM_FIELDS } from "@/lib/leads/schemas";
import { listMatchingLeadIds } from "@/db/queries/leads-page";
import {
  bulkDeleteAction,
  bulkDropAction,
  bulkPauseAction,
  clearNextDueAction,
  clearSampleDataAction,
  closeLeadAction,
  createLeadAction,
  deleteLeadsAction,
  loadSampleDataAction,
  moveLeadToAction,
  pauseLeadAction,
  reopenLeadAction,
  resumeLeadAction,
  setNextDueAction,
  updateLeadAction,
} from "./actions";


// UTC+14: the seeker's today is often not UTC's, which the date rules must respect.
const TIME_ZONE = "Pacific/Kiritimati";

const test = fuzzDatabase();
let db: Db;
let fuzzDb: FuzzDb;
let seekerId: string;
let otherId: string;
let otherLeadIds: string[];

beforeEach(async () => {
  ({ db, fuzz: fuzzDb } = test);
  await fuzzDb.reset();
  const seeker = await addUser(db, "Sam", { timeZone: TIME_ZONE });
  const other = (await createUser(db, { name: "Olga", email: "olga@example.com", passwordHash: "x", timeZone: "Europe/Paris" }))!;
  seekerId = seeker.id;
  otherId = other.id;
  // The bystander: leads (one paused, one closed), a material and touches that no action of Sam's may change.
  otherLeadIds = await addLeads(db, { userId: otherId, companies: ["Olga's Acme", "Olga's Globex", "Olga's Initech"] });
  await db.update(leads).set({ pausedUntil: "2999-01-01" }).where(eq(leads.id, otherLeadIds[1]!));
  await db.update(leads).set({ closedAt: new Date(), closedAs: "dropped", closedReason: "no" }).where(eq(leads.id, otherLeadIds[2]!));
  const material = await createMaterial(db, { userId: otherId, material: { title: "Olga's report", url: "", topic: "" } });
  await addTouch(db, { userId: otherId, leadId: otherLeadIds[0]!, at: new Date("2025-01-02T10:00:00Z"), materialId: material.id });
  await topUpLeads(12);
  await fuzzDb.watch([otherId]);
  actAs(seeker);
});

/** Sam's leads in list order. */
async function ownLeadIds(): Promise<string[]> {
  const rows = await db.select({ id: leads.id }).from(leads).where(eq(leads.userId, seekerId)).orderBy(asc(leads.position), asc(leads.createdAt), asc(leads.id));
  return rows.map((row) => row.id);
}

/** Sam's leads that are not sample ones (their e-mail is not at the sample domain). */
async function nonSampleLeadIds(): Promise<string[]> {
  const rows = await db.select({ id: leads.id, email: leads.email }).from(leads).where(eq(leads.userId, seekerId));
  return rows.filter((row) => !isSampleEmail(row.email)).map((row) => row.id);
}

/** Back to a fresh list of Sam's. */
async function resetLeads(): Promise<void> {
  await db.delete(leads).where(eq(leads.userId, seekerId));
  fuzzDb.changed();
  await topUpLeads(12);
}

/** Keeps Sam's list at `count` leads or more, some of them paused, closed or with a date set by hand. */
async function topUpLeads(count: number): Promise<string[]> {
  const ids = await fuzzDb.cached("Sam's leads", ownLeadIds);
  if (ids.length >= count) return ids;
  const start = await db.select({ max: sql<number | null>`max(${leads.position})` }).from(leads).where(eq(leads.userId, seekerId));
  const offset = (start[0]?.max ?? -1) + 1;
  const companies = Array.from({ length: count * 2 }, (_, i) => `Lead ${offset + i}`);
  const added = await addLeads(db, { userId: seekerId, companies });
  await db.execute(sql`update ${leads} set position = position + ${offset} where ${leads.id} in (${sql.join(added.map((id) => sql`${id}::uuid`), sql`, `)})`);
  await db.update(leads).set({ pausedUntil: "2030-01-01" }).where(eq(leads.id, added[0]!));
  await db.update(leads).set({ closedAt: new Date(), closedAs: "won", closedReason: "" }).where(eq(leads.id, added[1]!));
  await db.update(leads).set({ nextDueOverride: "2030-01-01", nextDueOverrideSetAt: new Date() }).where(eq(leads.id, added[2]!));
  fuzzDb.changed();
  return topUpLeads(count);
}

function today(): string {
  return todayIn(new Date(), TIME_ZONE);
}

// ---------------------------------------------------------------------------------------------
// The lead form

const validLeadFields: Record<(typeof LEAD_FORM_FIELDS)[number], fc.Arbitrary<FieldValue>> = {
  company: validText(200).filter((text) => text.trim().length > 0),
  contactName: validText(200),
  title: validText(200),
  email: fc.constantFrom("", "ann@acme.test", " B.O'Neil@example.org ", "x+<tag>@example.com".replace(/[<>]/g, "")),
  phone: fc.constantFrom("", "+1 555 0100", "(555) 010-0199", "+44 20 7946 0000 ext. 12", " 020 7946 0000 "),
  linkedinUrl: fc.constantFrom(
    "",
    "https://www.linkedin.com/in/ann",
    "linkedin.com/in/zoë",
    "www.example.com",
    "example.co.uk:8080/in/ann?x=1#y",
    "www.linkedin.com/in/<script>alert(1)</script>",
    "https://x.test/?q=' or 1=1 --",
    "http://example.com/\u202Eevil",
  ),
  notes: validText(5000),
  personalNotes: validText(5000),
  cadenceDays: fc.oneof(fc.integer({ min: 3, max: 30 }).map(String), fc.constantFrom(" 7 ", "1e1", "30.0", "0x10")),
};

const nastyLeadFields: Record<(typeof LEAD_FORM_FIELDS)[number], fc.Arbitrary<FieldValue>> = {
  company: nastyText(200),
  contactName: nastyText(200),
  title: nastyText(200),
  email: emailText,
  phone: fc.oneof(fc.constantFrom("12", "555-CALL-NOW", "+1 (555) 0100 x", "1".repeat(51), "０１２３４５"), nastyText(50)),
  linkedinUrl: fc.oneof(
    fc.constantFrom("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x.test", "http://", "//evil.test", "linkedin.com", `https://x.test/${"a".repeat(500)}`),
    nastyText(500),
  ),
  notes: nastyText(5000),
  personalNotes: nastyText(5000),
  cadenceDays: fc.oneof(
    fc.constantFrom("0", "2", "31", "91", "-1", "7.5", "", "NaN", "Infinity", "٣", "7abc", "9".repeat(400), "1e400", "-0", "0b11"),
    nastyText(),
  ),
};

const leadForm: fc.Arbitrary<GeneratedForm> = fc.oneof(formOf(validLeadFields), formOf(nastyLeadFields));

/** What the form stores, as the schema documents it: text trimmed, a scheme-less LinkedIn address made https. */
function expectedLead(entries: FormEntries) {
  const text = (name: string) => storedText(entries, name);
  const linkedin = text("linkedinUrl");
  return {
    company: text("company"),
    contactName: text("contactName"),
    title: text("title"),
    email: text("email"),
    phone: text("phone"),
    linkedinUrl: storedUrl(linkedin),
    notes: text("notes"),
    personalNotes: text("personalNotes"),
    cadenceDays: Number(withoutNul(firstText(entries, "cadenceDays"))),
  };
}

async function expectStoredLead(leadId: string, entries: FormEntries) {
  const stored = await getLead(db, { userId: seekerId, leadId });
  expect(stored).not.toBeNull();
  const { company, contactName, title, email, phone, linkedinUrl, notes, personalNotes, cadenceDays } = stored!;
  expect({ company, contactName, title, email, phone, linkedinUrl, notes, personalNotes, cadenceDays }).toEqual(expectedLead(entries));
}

/** Resolves the form's ids against Sam's and Olga's leads as they are now. */
function resolver(own: readonly string[]) {
  return (ref: IdRef) => resolveId(ref, own, otherLeadIds);
}

/** On success only these of Sam's leads change (`replans`: and the campaign plan on any of them). */
function onlyLeads(ids: readonly string[], { replans = false } = {}) {
  return { userId: seekerId, table: "leads", ids, ignoring: replans ? ["planned_first_contact"] : [] };
}

function withLeadId(spec: Record<string, fc.Arbitrary<FieldValue>>, weights?: Parameters<typeof idRef>[0]) {
  return formOf({ leadId: idRef(weights).map((ref) => ({ ref })), ...spec });
}

describe("lead actions fuzz", () => {
  it("createLeadAction stores what the form said, verbatim, or refuses with field errors and writes nothing", async () => {
    await fuzzAction(
      leadForm,
      async (form, tally) => {
        const entries = entriesOf(form);
        const outcome = await fuzzDb.attempt({ fields: LEAD_FORM_FIELDS, tally }, () => submit(createLeadAction, entries));
        expect(outcome.kind).not.toBe("ok");
        expect(outcome.kind).not.toBe("notFound");
        if (outcome.kind === "redirect") {
          expect(outcome.location).toMatch(/\?saved=added$/);
          await expectStoredLead(idInLocation(outcome.location, "/leads"), entries);
        }
        // A short list keeps every run's fingerprint cheap.
        if ((await ownLeadIds()).length > 30) await resetLeads();
      },
      { accepted: ["redirect"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("updateLeadAction changes only Sam's lead, verbatim, or answers 404 / refuses and writes nothing", async () => {
    await fuzzAction(
      fc.oneof(withLeadId(validLeadFields), withLeadId(nastyLeadFields)),
      async (form, tally) => {
        const own = await topUpLeads(5);
        const entries = entriesOf(form, resolver(own));
        const leadId = firstText(entries, "leadId");
        const outcome = await fuzzDb.attempt({ fields: LEAD_FORM_FIELDS, tally, changes: onlyLeads([leadId]) }, () =>
          submit(updateLeadAction, entries),
        );
        expect(outcome.kind).not.toBe("ok");
        if (outcome.kind === "redirect") {
          expect(outcome.location).toBe(`/leads/${leadId}?saved=updated`);
          await expectStoredLead(leadId, entries);
        }
        if (!own.includes(leadId)) expect(["notFound", "rejected"]).toContain(outcome.kind);
      },
      { accepted: ["redirect"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("pauseLeadAction pauses Sam's lead until a later day, or refuses", async () => {
    const now = today();
    await fuzzAction(
      withLeadId({ pausedUntil: dateText(now) }),
      async (form, tally) => {
        const own = await topUpLeads(5);
        const entries = entriesOf(form, resolver(own));
        const leadId = firstText(entries, "leadId");
        // The action's today is this one or (past midnight in Sam's zone) a later one.
        const earliestToday = today();
        const outcome = await fuzzDb.attempt({ fields: ["leadId", "pausedUntil"], tally, changes: onlyLeads([leadId]) }, () => submit(pauseLeadAction, entries));
        expect(outcome.kind).not.toBe("redirect");
        if (outcome.kind === "ok") {
          const until = storedText(entries, "pausedUntil");
          expect(until > earliestToday).toBe(true);
          expect((await getLead(db, { userId: seekerId, leadId }))?.pausedUntil).toBe(until);
        }
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("setNextDueAction sets a date from today to two years ahead, or refuses", async () => {
    const now = today();
    await fuzzAction(
      withLeadId({ nextDue: dateText(now, 800) }),
      async (form, tally) => {
        const own = await topUpLeads(5);
        const entries = entriesOf(form, resolver(own));
        const leadId = firstText(entries, "leadId");
        const earliestToday = today();
        const outcome = await fuzzDb.attempt({ fields: ["leadId", "nextDue"], tally, changes: onlyLeads([leadId]) }, () => submit(setNextDueAction, entries));
        expect(outcome.kind).not.toBe("redirect");
        if (outcome.kind === "ok") {
          const date = storedText(entries, "nextDue");
          expect(date >= earliestToday && date <= shiftDate(today(), 730)).toBe(true);
          expect((await getLead(db, { userId: seekerId, leadId }))?.nextDueOverride).toBe(date);
        }
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("closeLeadAction closes as won or dropped with the reason verbatim, or refuses", async () => {
    await fuzzAction(
      withLeadId({
        closedAs: fc.oneof(fc.constantFrom("won", "dropped"), fc.constantFrom("WON", " won", "lost", "", "dropped\u0000"), nastyText()),
        closedReason: fc.oneof(validText(500), nastyText(500)),
      }),
      async (form, tally) => {
        const own = await topUpLeads(5);
        const entries = entriesOf(form, resolver(own));
        const leadId = firstText(entries, "leadId");
        const fields = ["leadId", "closedAs", "closedReason"];
        const outcome = await fuzzDb.attempt({ fields, tally, changes: onlyLeads([leadId], { replans: true }) }, () =>
          submit(closeLeadAction, entries),
        );
        expect(outcome.kind).not.toBe("redirect");
        if (outcome.kind === "ok") {
          const stored = await getLead(db, { userId: seekerId, leadId });
          expect(stored?.closedAs).toBe(storedText(entries, "closedAs"));
          expect(stored?.closedReason).toBe(storedText(entries, "closedReason"));
          expect(stored?.closedAt).not.toBeNull();
        }
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("moveLeadToAction moves Sam's lead to the position asked (past the end: last), or refuses", async () => {
    await fuzzAction(
      withLeadId({
        position: fc.oneof(
          fc.integer({ min: 1, max: 20 }).map(String),
          fc.constantFrom(" 3 ", "0", "-1", "1.5", "", "1e3", "9999999", "٣", "0x2", "999999"),
          nastyText(),
        ),
      }),
      async (form, tally) => {
        const own = await topUpLeads(5);
        const entries = entriesOf(form, resolver(own));
        const leadId = firstText(entries, "leadId");
        const changes = onlyLeads(own, { replans: true });
        const outcome = await fuzzDb.attempt({ fields: ["leadId", "position"], tally, changes }, () => submit(moveLeadToAction, entries));
        expect(outcome.kind).not.toBe("redirect");
        if (outcome.kind === "ok") {
          const position = Number(withoutNul(firstText(entries, "position")).trim());
          expect(Number.isInteger(position) && position >= 1).toBe(true);
          const expected = own.filter((id) => id !== leadId);
          expected.splice(Math.min(position, expected.length + 1) - 1, 0, leadId);
          expect(await ownLeadIds()).toEqual(expected);
        }
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  // The actions that take only the lead's id (and must ignore whatever else the form carries).
  for (const [name, action, check] of [
    ["resumeLeadAction", resumeLeadAction, (lead) => expect(lead.pausedUntil).toBeNull()],
    ["reopenLeadAction", reopenLeadAction, (lead) => expect([lead.closedAs, lead.closedAt]).toEqual([null, null])],
    ["clearNextDueAction", clearNextDueAction, (lead) => expect(lead.nextDueOverride).toBeNull()],
  ] as const satisfies readonly (readonly [string, typeof resumeLeadAction, (lead: NonNullable<Awaited<ReturnType<typeof getLead>>>) => void])[]) {
    it(`${name} changes only one of Sam's leads, else answers 404 and writes nothing`, async () => {
      await fuzzAction(
        withLeadId({}),
        async (form, tally) => {
          const own = await topUpLeads(5);
          const entries = entriesOf(form, resolver(own));
          const leadId = firstText(entries, "leadId");
          const changes = onlyLeads([leadId], { replans: true });
          const outcome = await fuzzDb.attempt({ fields: ["leadId"], tally, changes }, () => submit(action, entries));
          expect(["ok", "notFound"]).toContain(outcome.kind);
          expect(outcome.kind === "ok").toBe(own.includes(leadId));
          if (outcome.kind === "ok") check((await getLead(db, { userId: seekerId, leadId }))!);
        },
        { accepted: ["ok"], refused: ["notFound"] },
      );
    }, FUZZ_TIMEOUT_MS);
  }
});

// ---------------------------------------------------------------------------------------------
// Bulk actions: a list of ticked lead ids

/** Ticked ids: usually a few (own, others', random, malformed, repeated), sometimes none or more than 500. */
const tickedIds: fc.Arbitrary<IdRef[]> = fc.oneof(
  { weight: 20, arbitrary: fc.array(idRef({ own: 12, foreign: 1, random: 1, text: 1 }), { minLength: 1, maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constant<IdRef[]>([]) },
  { weight: 1, arbitrary: fc.integer({ min: 499, max: 502 }).map((n) => Array.from({ length: n }, (_, index): IdRef => ({ kind: "own", index }))) },
);

type BulkForm = { ids: IdRef[]; form: GeneratedForm };

function bulkForm(spec: Record<string, fc.Arbitrary<FieldValue>>): fc.Arbitrary<BulkForm> {
  return fc.record({ ids: tickedIds, form: formOf(spec) });
}

function bulkEntries({ ids, form }: BulkForm, own: readonly string[]): { entries: FormEntries; ids: string[] } {
  const resolved = ids.map((ref) => resolveId(ref, own, otherLeadIds));
  const entries = entriesOf(form);
  return { entries: [...resolved.map((id): [string, string] => ["leadId", id]), ...entries], ids: resolved };
}

describe("bulk lead actions fuzz", () => {
  it("bulkPauseAction pauses exactly the ticked leads of Sam's, or refuses / answers 404", async () => {
    const now = today();
    await fuzzAction(
      bulkForm({ bulkPausedUntil: dateText(now) }),
      async (generated, tally) => {
        const own = await topUpLeads(10);
        const { entries, ids } = bulkEntries(generated, own);
        const outcome = await fuzzDb.attempt({ fields: ["leadId", "bulkPausedUntil"], tally, changes: onlyLeads(ids) }, () => submit(bulkPauseAction, entries));
        expect(outcome.kind).not.toBe("redirect");
        if (outcome.kind === "ok") {
          const until = storedText(entries, "bulkPausedUntil");
          const ticked = (await listLeads(db, { userId: seekerId })).filter((lead) => ids.includes(lead.id));
          expect(ticked.map((lead) => lead.pausedUntil)).toEqual(ticked.map(() => until));
          expect(ticked.length).toBe(new Set(ids).size);
        }
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("bulkDropAction closes exactly the ticked leads with the reason verbatim, or refuses / answers 404", async () => {
    await fuzzAction(
      bulkForm({ bulkReason: fc.oneof(validText(500), nastyText(500)) }),
      async (generated, tally) => {
        const own = await topUpLeads(10);
        const { entries, ids } = bulkEntries(generated, own);
        const outcome = await fuzzDb.attempt({ fields: ["leadId", "bulkReason"], tally, changes: onlyLeads(ids, { replans: true }) }, () => submit(bulkDropAction, entries));
        expect(outcome.kind).not.toBe("redirect");
        if (outcome.kind === "ok") {
          const reason = storedText(entries, "bulkReason");
          const ticked = (await listLeads(db, { userId: seekerId })).filter((lead) => ids.includes(lead.id));
          expect(ticked.map((lead) => [lead.closedAs, lead.closedReason])).toEqual(ticked.map(() => ["dropped", reason]));
          expect(ticked.length).toBe(new Set(ids).size);
          // Dropped leads leave the pool the next runs pick from, so reopen them.
          await db.update(leads).set({ closedAs: null, closedAt: null, closedReason: "" }).where(eq(leads.userId, seekerId));
          fuzzDb.changed();
        }
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("deleteLeadsAction deletes exactly the ticked leads of Sam's, or refuses / answers 404 and deletes nothing", async () => {
    await fuzzAction(
      bulkForm({}),
      async (generated, tally) => {
        const own = await topUpLeads(10);
        const { entries, ids } = bulkEntries(generated, own);
        const outcome = await fuzzDb.attempt({ fields: ["leadId"], tally }, () => submit(deleteLeadsAction, entries));
        expect(outcome.kind).not.toBe("ok");
        if (outcome.kind === "redirect") {
          const unique = [...new Set(ids)];
          expect(outcome.location).toBe(`/leads?deleted=${unique.length}`);
          expect(await ownLeadIds()).toEqual(own.filter((id) => !unique.includes(id)));
        }
      },
      { accepted: ["redirect"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("bulk actions on every lead a filter matches change exactly those of Sam's, or refuse", async () => {
    const now = today();
    const filterForm = formOf({
      scope: fc.constant("matching"),
      state: fc.oneof(fc.constantFrom(...LEAD_STATE_FILTERS), fc.constantFrom("", "ALL", "cold ", "nope"), nastyText()),
      q: fc.oneof(fc.constantFrom("", "lead 1", "LEAD", "2", "nothing matches"), validText(200), nastyText(201)),
      bulkPausedUntil: dateText(now),
    });
    await fuzzAction(
      filterForm,
      async (form, tally) => {
        await topUpLeads(10);
        const entries = entriesOf(form);
        const state = withoutNul(firstText(entries, "state"));
        const search = withoutNul(firstText(entries, "q"));
        const filter = matchingFilterSchema.safeParse({ state, search });
        const matched = filter.success
          ? await listMatchingLeadIds(db, { userId: seekerId, now: new Date(), timeZone: TIME_ZONE, filter: filter.data })
          : [];
        const outcome = await fuzzDb.attempt({ fields: ["scope", "state", "q", "bulkPausedUntil"], tally, changes: onlyLeads(matched) }, () =>
          submit(bulkPauseAction, entries),
        );
        expect(outcome.kind).not.toBe("redirect");
        expect(outcome.kind).not.toBe("notFound");
        if (outcome.kind === "ok") {
          expect(filter.success).toBe(true);
          const until = storedText(entries, "bulkPausedUntil");
          const paused = (await listLeads(db, { userId: seekerId })).filter((lead) => matched.includes(lead.id));
          expect(paused.map((lead) => lead.pausedUntil)).toEqual(paused.map(() => until));
          // Unpause them for the next runs.
          await db.update(leads).set({ pausedUntil: null }).where(eq(leads.userId, seekerId));
          fuzzDb.changed();
          await resetLeads();
        }
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("bulkDeleteAction only asks for confirmation: it never writes", async () => {
    await fuzzAction(
      bulkForm({}),
      async (generated, tally) => {
        const own = await topUpLeads(10);
        const { entries, ids } = bulkEntries(generated, own);
        // The confirmation page checks the ids; this action only sends them there.
        const outcome = await fuzzDb.attempt({ fields: ["leadId"], tally }, async () => {
          const before = await db.select({ n: sql<number>`count(*)::int` }).from(leads);
          const result = await submit(bulkDeleteAction, entries);
          const after = await db.select({ n: sql<number>`count(*)::int` }).from(leads);
          expect(after).toEqual(before);
          return result;
        });
        expect(outcome.kind).not.toBe("ok");
        if (outcome.kind === "redirect") {
          const url = new URL(outcome.location, "https://cadence.test");
          expect(url.pathname).toBe("/leads/delete");
          expect(url.searchParams.getAll("id")).toEqual([...new Set(ids)]);
        }
      },
      { accepted: ["redirect"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// The sample data buttons: they take no input, so whatever a form sends must not matter

/** Junk a form could send to an action that takes none. */
const junkForm = fc.oneof(
  extraFields,
  fc.array(fc.tuple(fc.constantFrom("leadId", "userId", "company"), nastyText()), { maxLength: 3 }),
);

describe("sample data actions fuzz", () => {
  it("loadSampleDataAction fills only an empty list, whatever the form holds", async () => {
    await fuzzAction(
      // Loading 50 leads is the slow branch: about one run in sixteen starts from an empty list.
      fc.record({ junk: junkForm, emptyFirst: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 15, arbitrary: fc.constant(false) }) }),
      async ({ junk, emptyFirst }, tally) => {
        if (emptyFirst) {
          await db.delete(leads).where(eq(leads.userId, seekerId));
          fuzzDb.changed();
        }
        const hadLeads = (await ownLeadIds()).length > 0;
        const outcome = await fuzzDb.attempt({ fields: [], tally }, () =>
          runAction(() => (loadSampleDataAction as (...args: unknown[]) => ReturnType<typeof loadSampleDataAction>)(null, toFormData(junk))),
        );
        // Loaded: back to the screen it came from, which says so (Leads unless the form names Today).
        expect(outcome.kind).toBe(hadLeads ? "rejected" : "redirect");
        if (outcome.kind === "redirect") {
          expect(outcome.location).toMatch(/^\/(today|leads)\?sample=loaded$/);
          expect((await ownLeadIds()).length).toBe(50);
        }
      },
      { accepted: ["redirect"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("clearSampleDataAction clears the sample leads and only them, whatever the form holds", async () => {
    await fuzzAction(
      fc.record({ junk: junkForm, state: fc.oneof({ weight: 20, arbitrary: fc.constant("as is") }, { weight: 1, arbitrary: fc.constantFrom("sample", "sample and own") }) }),
      async ({ junk, state }, tally) => {
        if (state !== "as is") {
          await db.delete(leads).where(eq(leads.userId, seekerId));
          await loadSampleData(db, { userId: seekerId, now: new Date() });
          if (state === "sample and own") await addLeads(db, { userId: seekerId, companies: ["Mine"], extra: { position: 99 } });
          fuzzDb.changed();
        }
        const before = await ownLeadIds();
        const own = await nonSampleLeadIds();
        const outcome = await fuzzDb.attempt({ fields: [], tally }, () =>
          runAction(() => (clearSampleDataAction as (...args: unknown[]) => ReturnType<typeof clearSampleDataAction>)(null, toFormData(junk))),
        );
        expect(["redirect", "rejected"]).toContain(outcome.kind);
        // Cleared: the seeker's own leads are all that is left; refused: there was no sample lead.
        if (outcome.kind === "redirect") {
          expect([...(await ownLeadIds())].sort()).toEqual([...own].sort());
        } else {
          expect([...before].sort()).toEqual([...own].sort());
          expect(await ownLeadIds()).toEqual(before);
        }
      },
      { accepted: ["redirect"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
