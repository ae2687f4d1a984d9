// Property-based tests of the campaign form's input handling (docs/reliability.md, "Bad input"): generated
// forms through the real action on a real database. See test/fuzz/session.ts for what is
// mocked (Auth.js's cookies, Next's request headers and cache) and why.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser } from "@/test/fuzz/database";
import {
  dateText,
  entriesOf,
  formOf,
  nastyText,
  type FieldValue,
  type FormEntries,
  type GeneratedForm,
} from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { getSeekerSettings } from "@/db/queries/campaign";
import { addLeads } from "@/test/fixtures/today";
import { updateCampaignAction } from "./campaign-actions";


const test = fuzzDatabase();
let seekerId: string;

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const seeker = await addUser(db, "Sam", { timeZone: "Australia/Lord_Howe" });
  const other = await addUser(db, "Olga");
  seekerId = seeker.id;
  // Leads to plan: every save re-plans Sam's campaign, and must leave Olga's alone.
  await addLeads(db, { userId: seekerId, companies: Array.from({ length: 12 }, (_, i) => `Lead ${i}`) });
  await addLeads(db, { userId: other.id, companies: ["Olga's Acme", "Olga's Globex"], extra: { plannedFirstContact: "2025-01-06" } });
  await test.fuzz.watch([other.id]);
  actAs(seeker);
});

function wholeNumber(min: number, max: number): fc.Arbitrary<FieldValue> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom(` ${min} `, `0${max}`, String(min - 1), String(max + 1), "1.5", "1e1", "-1", "", "٣", "00000", "99999", "0x1", "+3", "NaN") },
    { weight: 1, arbitrary: nastyText() },
  );
}

const DAY_VALUES = ["0", "1", "2", "3", "4", "5", "6"];

type CampaignPlan = { form: GeneratedForm; days: string[] };

const campaignPlan: fc.Arbitrary<CampaignPlan> = fc.record({
  form: formOf({
    campaignStartDate: fc.oneof(
      { weight: 2, arbitrary: fc.constant("") },
      { weight: 6, arbitrary: dateText("2026-06-01", 40_000) },
      { weight: 1, arbitrary: fc.constantFrom("2000-01-01", "1999-12-31", "2100-12-31", "2101-01-01") },
    ),
    firstContactsPerWeek: wholeNumber(1, 7),
  }),
  // The ticked days: a checkbox per day, so repeats, none, and values no checkbox has.
  days: fc.oneof(
    { weight: 6, arbitrary: fc.subarray(DAY_VALUES, { minLength: 1 }) },
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...DAY_VALUES), { minLength: 2, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom("7", "-1", " 1", "1.0", "", "Monday", "\u0000"), nastyText()), { minLength: 1, maxLength: 3 }) },
  ),
});

function entries({ form, days }: CampaignPlan): FormEntries {
  return [...days.map((day): [string, string] => ["contactDays", day]), ...entriesOf(form)];
}

describe("campaign action fuzz", () => {
  it("updateCampaignAction saves the campaign as sent, or refuses and writes nothing", async () => {
    await fuzzAction(
      campaignPlan,
      async (plan, tally) => {
        const sent = entries(plan);
        const fields = ["campaignStartDate", "firstContactsPerWeek", "contactDays"];
        const outcome = await test.fuzz.attempt({ fields, tally }, () => submit(updateCampaignAction, sent));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        const text = (name: string) => {
          const value = sent.find(([field]) => field === name)?.[1];
          return typeof value === "string" ? value.replaceAll("\u0000", "") : "";
        };
        const start = text("campaignStartDate");
        expect(start === "" || (start >= "2000-01-01" && start <= "2100-12-31")).toBe(true);
        expect(await getSeekerSettings(test.db, { userId: seekerId })).toMatchObject({
          campaignStartDate: start === "" ? null : start,
          firstContactsPerWeek: Number(text("firstContactsPerWeek")),
          contactDays: [...new Set(plan.days.map(Number))].sort((a, b) => a - b),
        });
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
