// Property-based tests of Settings › E-mail address (docs/reliability.md, "Bad input"): generated forms
// through the real action on a real database. See test/fuzz/session.ts for what is mocked.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { accountTokens, mailRequests, signInFailures, users } from "@/db/schema";
import { throttleKeys } from "@/lib/auth/throttle";
import { mailRequestKey } from "@/lib/mail/throttle";
import { hashPassword } from "@/lib/server/auth/password";
import { addUser } from "@/test/fuzz/database";
import { emailText, entriesOf, firstText, formOf, nastyText, storedText } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { requestEmailChangeAction } from "./email-actions";

const test = fuzzDatabase();
const PASSWORD = "a calm and steady pace";
/** Stands for Sam's password in a generated form. */
const CURRENT = "\u{F0000}current password";
let sam: { id: string; email: string };

beforeEach(async () => {
  await test.fuzz.reset();
  sam = await addUser(test.db, "Sam", { passwordHash: await hashPassword(PASSWORD) });
  const olga = await addUser(test.db, "Olga");
  await test.fuzz.watch([olga.id]);
  actAs(sam as never);
});

describe("e-mail change fuzz", () => {
  it("requestEmailChangeAction sends a link to a valid new address with the right password, else refuses and writes nothing", async () => {
    await fuzzAction(
      formOf({
        newEmail: fc.oneof({ weight: 3, arbitrary: emailText }, { weight: 1, arbitrary: fc.constantFrom("sam@example.com", "olga@example.com", "") }, { weight: 1, arbitrary: nastyText() }),
        password: fc.oneof({ weight: 3, arbitrary: fc.constant(CURRENT) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("", "x".repeat(1025), PASSWORD.toUpperCase()), nastyText()) }),
      }),
      async (generated, tally) => {
        // Wrong passwords count as failed sign-ins, and each link as a mail request: forget them, so right ones keep getting through.
        await test.db.delete(signInFailures);
        await test.db.delete(mailRequests);
        test.fuzz.changed();
        const entries = entriesOf(generated).map(([name, value]): [string, string | Blob] => [name, value === CURRENT ? PASSWORD : value]);
        const before = await test.db.select({ id: accountTokens.id }).from(accountTokens).where(eq(accountTokens.userId, sam.id));
        const outcome = await test.fuzz.attempt(
          {
            fields: ["newEmail", "password"],
            tally,
            // This request's own counts: the password check's, and the link's (per account and new address).
            writesOnRefusal: {
              sign_in_failures: Object.values(throttleKeys(sam.email, "203.0.113.7")),
              mail_requests: [mailRequestKey("account", sam.id), mailRequestKey("address", storedText(entries, "newEmail").trim().toLowerCase())],
            },
          },
          () => submit(requestEmailChangeAction, entries),
        );
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind === "rejected") {
          // A failed form never hands the password back.
          expect(Object.keys((outcome.result as { values?: object }).values ?? {})).not.toContain("password");
          return;
        }
        expect(firstText(entries, "password")).toBe(PASSWORD);
        const after = await test.db.select({ email: accountTokens.email, purpose: accountTokens.purpose }).from(accountTokens).where(eq(accountTokens.userId, sam.id));
        expect(after).toHaveLength(before.length + 1);
        expect(after.filter((token) => token.purpose === "change_email").length).toBeGreaterThan(0);
        // The address itself changes only when the link is followed.
        const [row] = await test.db.select({ email: users.email }).from(users).where(eq(users.id, sam.id));
        expect(row!.email).toBe(sam.email);
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
