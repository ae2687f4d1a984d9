// Property-based tests of Settings › Morning digest (docs/reliability.md, "Bad input"): generated forms
// through the real action on a real database. See test/fuzz/session.ts for what is mocked.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { addUser } from "@/test/fuzz/database";
import { entriesOf, firstText, formOf, nastyText } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { updateDigestAction } from "./digest-actions";

const test = fuzzDatabase();
let samId: string;

beforeEach(async () => {
  await test.fuzz.reset();
  const sam = await addUser(test.db, "Sam");
  const olga = await addUser(test.db, "Olga");
  samId = sam.id;
  await test.db.update(users).set({ digestEnabled: true, digestHour: 9 }).where(eq(users.id, olga.id));
  await test.fuzz.watch([olga.id]);
  actAs(sam);
});

describe("digest settings fuzz", () => {
  it("updateDigestAction saves on/off and a whole hour 0–23 as sent, or refuses and writes nothing", async () => {
    await fuzzAction(
      formOf({
        enabled: fc.oneof({ weight: 5, arbitrary: fc.constantFrom("", "on") }, { weight: 1, arbitrary: nastyText() }),
        hour: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 0, max: 23 }).map(String) },
          { weight: 2, arbitrary: fc.constantFrom("24", "-1", "7.5", "", " 7", "07", "1e1", "٣", "0x7") },
          { weight: 1, arbitrary: nastyText() },
        ),
      }),
      async (form, tally) => {
        const entries = entriesOf(form);
        const outcome = await test.fuzz.attempt({ fields: ["enabled", "hour"], tally }, () => submit(updateDigestAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        const [sam] = await test.db.select({ enabled: users.digestEnabled, hour: users.digestHour }).from(users).where(eq(users.id, samId));
        expect(sam!.enabled).toBe(firstText(entries, "enabled") === "on");
        expect(sam!.hour).toBe(Number(firstText(entries, "hour")));
        expect(Number.isInteger(sam!.hour) && sam!.hour >= 0 && sam!.hour <= 23).toBe(true);
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
