// Property-based tests of the e-mailed links' actions and "Forgot password?" (docs/reliability.md,
// "Bad input"): generated forms through the real actions on a real database. See
// test/setup/fuzz.ts for what is mocked (Auth.js's cookies, Next's request headers and cache).
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser, type TestUser } from "@/test/fuzz/database";
import { emailText, entriesOf, firstText, formOf, nastyText, storedText } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs, currentSession, request, session } from "@/test/fuzz/session";
import { issueAccountToken } from "@/db/queries/account-tokens";
import { listMailTo } from "@/db/queries/outbox";
import { mailRequests, users } from "@/db/schema";
import { mailRequestKey } from "@/lib/mail/throttle";
import { hashPassword } from "@/lib/server/auth/password";
import { confirmEmailAction, requestPasswordResetAction, resetPasswordAction } from "./account-actions";

const test = fuzzDatabase();
/** Stand for Sam's open link and Olga's in a generated form. */
const SAMS_LINK = "\u{F0000}Sam's link";
const OLGAS_LINK = "\u{F0000}Olga's link";
let sam: TestUser;
let olgaVerify: string;

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  sam = await addUser(db, "Sam", { passwordHash: await hashPassword("a calm and steady pace") });
  const olga = await addUser(db, "Olga");
  olgaVerify = await issueAccountToken(db, { userId: olga.id, purpose: "verify_email", email: olga.email, now: new Date() });
  await test.fuzz.watch([olga.id]);
  session.current = null;
});

const tokenText = fc.oneof(
  { weight: 3, arbitrary: fc.constant(SAMS_LINK) },
  { weight: 1, arbitrary: fc.constant(OLGAS_LINK) },
  { weight: 2, arbitrary: fc.constantFrom("", "x".repeat(43), "A".repeat(42), `${"A".repeat(42)}=`, "x".repeat(201), "../../etc/passwd") },
  { weight: 2, arbitrary: nastyText(300) },
);

/** Sam's open link of this purpose, made afresh when the last one was used. */
function samsLinks(purpose: "verify_email" | "reset_password") {
  let open: string | null = null;
  return {
    async token(): Promise<string> {
      if (!open) {
        open = await issueAccountToken(test.db, { userId: sam.id, purpose, email: sam.email, now: new Date() });
        test.fuzz.changed();
      }
      return open;
    },
    used() {
      open = null;
    },
  };
}

describe("account link actions fuzz", () => {
  it("confirmEmailAction verifies Sam's address only with Sam's open link; anything else is refused and writes nothing", async () => {
    const links = samsLinks("verify_email");
    await fuzzAction(
      fc.record({ form: formOf({ token: tokenText }), signedIn: fc.boolean() }),
      async ({ form, signedIn }, tally) => {
        if (signedIn) actAs(sam);
        else session.current = null;
        const samsToken = await links.token();
        const entries = entriesOf(form).map(([name, value]): [string, string | Blob] => [
          name,
          value === SAMS_LINK ? samsToken : value === OLGAS_LINK ? olgaVerify : value,
        ]);
        // Olga's link is refused only for Sam signed in: signed out, it would verify her (a bearer link).
        if (!signedIn && firstText(entries, "token") === olgaVerify) return;
        const outcome = await test.fuzz.attempt({ fields: ["token"], tally }, () => submit(confirmEmailAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind === "ok") {
          expect(firstText(entries, "token")).toBe(samsToken);
          links.used();
          const [row] = await test.db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, sam.id));
          expect(row!.at).not.toBeNull();
        } else if (firstText(entries, "token") === samsToken) {
          throw new Error("Sam's open link was refused");
        }
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("requestPasswordResetAction answers the same for any valid address, mails only an account, and refuses what is not an address", async () => {
    await fuzzAction(
      fc.record({
        form: formOf({ email: fc.oneof({ weight: 2, arbitrary: fc.constantFrom("sam@example.com", " SAM@Example.com ", "nobody@example.com") }, { weight: 3, arbitrary: emailText }) }),
        client: fc.ipV4(),
      }),
      async ({ form, client }, tally) => {
        // The server's own record of the connection's address (lib/server/request.ts), as sent.
        request.headers = { ...request.headers, "x-forwarded-for": client, "x-cadence-peer": client };
        const entries = entriesOf(form);
        // This request's own counts (lib/mail/throttle.ts) may change; no other key's.
        const typed = storedText(entries, "email").trim().toLowerCase();
        const ownKeys = [mailRequestKey("client", client), mailRequestKey("address", typed), mailRequestKey("account", sam.id)];
        const outcome = await test.fuzz.attempt({ fields: ["email"], tally, writesOnRefusal: { mail_requests: ownKeys } }, () =>
          submit(requestPasswordResetAction, entries),
        );
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        const email = storedText(entries, "email").trim();
        expect((outcome.result as { message: string }).message).toContain(`If an account uses ${email}, we sent it a link`);
        if (email.toLowerCase() !== "sam@example.com") {
          expect((await listMailTo(test.db, { toAddress: email.toLowerCase() })).length).toBe(0);
        }
        // Sam's address is limited per hour: start again now and then.
        if ((await listMailTo(test.db, { toAddress: "sam@example.com" })).length >= 3) {
          await test.db.delete(mailRequests);
          test.fuzz.changed();
        }
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("resetPasswordAction sets the password and signs Sam in only with Sam's open link and a good password", async () => {
    const links = samsLinks("reset_password");
    await fuzzAction(
      formOf({
        token: tokenText,
        password: fc.oneof(fc.constantFrom("a new and steady pace", "short", "password", "x".repeat(129), ""), nastyText(130)),
      }),
      async (form, tally) => {
        session.current = null;
        const samsToken = await links.token();
        const entries = entriesOf(form).map(([name, value]): [string, string | Blob] => [
          name,
          value === SAMS_LINK ? samsToken : value === OLGAS_LINK ? "B".repeat(43) : value,
        ]);
        const outcome = await test.fuzz.attempt({ fields: ["token", "password"], tally }, () => submit(resetPasswordAction, entries));
        expect(["redirect", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "redirect") return;
        expect(firstText(entries, "token")).toBe(samsToken);
        expect(outcome.location).toBe("/today?password=reset");
        expect(currentSession()?.userId).toBe(sam.id);
        links.used();
      },
      { accepted: ["redirect"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
