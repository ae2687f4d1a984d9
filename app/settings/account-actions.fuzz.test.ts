// Property-based tests of "Delete my account" and "Download all my data" (docs/reliability.md, "Bad
// input"): generated forms and sessions through the real action and route on a real database. See
// test/fuzz/session.ts for what is mocked (Auth.js's cookies, Next's request headers and cache) and why.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser, type TestUser } from "@/test/fuzz/database";
import { entriesOf, formOf, nastyText } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, runAction, submit, Tally } from "@/test/fuzz/run";
import { actAs, session } from "@/test/fuzz/session";
import { getSessionUser } from "@/db/queries/sessions";
import { leads, signInFailures, users } from "@/db/schema";
import { throttleKeys } from "@/lib/auth/throttle";
import { hashPassword } from "@/lib/server/auth/password";
import { deleteAccountAction } from "./account-actions";
import { GET as exportArchive } from "./export/route";

const test = fuzzDatabase();
const PASSWORD = "a calm and steady pace";
/** Stands for Sam's password in a generated form. */
const RIGHT = "\u{F0000}right password";
let passwordHash: string;
let sam: TestUser;
let olga: TestUser;

beforeEach(async () => {
  passwordHash ??= await hashPassword(PASSWORD);
  await test.fuzz.reset();
  olga = await addUser(test.db, "Olga", { passwordHash });
  await test.db.insert(leads).values({ userId: olga.id, company: "Olga's secret lead", position: 0 });
  sam = await addSam();
  await test.fuzz.watch([olga.id]);
});

/** Sam, with a lead, signed in on this browser (again, after a run deleted the account). */
async function addSam(): Promise<TestUser> {
  const user = await addUser(test.db, `Sam${randomUUID().slice(0, 8)}`, { passwordHash });
  await test.db.insert(leads).values({ userId: user.id, company: "Sam's lead", position: 0 });
  actAs(user);
  return user;
}

const signedInState = fc.constantFrom("signed in", "signed in", "signed in", "signed out", "stale session");

describe("account actions fuzz", () => {
  it("deleteAccountAction deletes the signed-in account only with its password, and nobody else's ever", async () => {
    const form = formOf({
      password: fc.oneof(
        { weight: 1, arbitrary: fc.constant(RIGHT) },
        { weight: 4, arbitrary: fc.oneof(fc.constantFrom("", " ", PASSWORD.toUpperCase(), `${PASSWORD} `, "x".repeat(1025)), nastyText()) },
      ),
      proof: fc.oneof(fc.constant(""), nastyText(300)),
    });
    let samDeleted = false;
    let failuresCounted = false;
    await fuzzAction(
      fc.record({ form, state: signedInState }),
      async ({ form: generated, state }, tally) => {
        // Set-up only when the run before needs undoing (each write costs a fingerprint).
        if (samDeleted) {
          sam = await addSam();
          samDeleted = false;
          test.fuzz.changed();
        }
        if (failuresCounted) {
          // Wrong passwords count as failed sign-ins: forget them, so that right ones keep getting through.
          await test.db.delete(signInFailures);
          failuresCounted = false;
          test.fuzz.changed();
        }
        actAs(sam);
        if (state === "signed out") session.current = null;
        if (state === "stale session") session.current = { userId: sam.id, sessionId: randomUUID() };
        const entries = entriesOf(generated).map(([name, value]): [string, string | Blob] => [name, value === RIGHT ? PASSWORD : value]);
        const outcome = await test.fuzz.attempt(
          { fields: ["password"], tally, signsOut: state === "signed in", writesOnRefusal: { sign_in_failures: Object.values(throttleKeys(sam.email, "203.0.113.7")) } },
          () => submit(deleteAccountAction, entries),
        );
        const samLeft = (await test.db.select({ id: users.id }).from(users).where(eq(users.id, sam.id))).length;
        if (state !== "signed in") {
          expect(outcome).toMatchObject({ kind: "redirect", location: expect.stringMatching(/^\/sign-in(\?|$)/) });
          expect(samLeft).toBe(1);
          tally.add("sent to sign in");
          return;
        }
        if (outcome.kind === "rejected") {
          failuresCounted = true;
          // Nothing deleted, and a failed form never hands a password back.
          expect(samLeft).toBe(1);
          expect((outcome.result as { values?: object }).values ?? {}).toEqual({});
          return;
        }
        // Only Sam's exact password, however it was sent.
        expect(entries.find(([name]) => name === "password")?.[1]).toBe(PASSWORD);
        expect(outcome).toEqual({ kind: "redirect", location: "/account-deleted" });
        expect(session.current).toBeNull();
        expect(samLeft).toBe(0);
        expect(await getSessionUser(test.db, { userId: sam.id, sessionId: sam.sessionId })).toBeNull();
        expect(await test.db.select({ id: leads.id }).from(leads).where(eq(leads.userId, sam.id))).toEqual([]);
        samDeleted = true;
        tally.add("deleted");
      },
      { accepted: ["deleted"], refused: ["rejected", "sent to sign in"] },
    );
  }, FUZZ_TIMEOUT_MS);

  // The route takes no input (a GET of a fixed address): what varies is the session, each state once.
  it.each(["signed in", "signed out", "stale session"] as const)("the archive route, %s: the user's own data, or the sign-in page", async (state) => {
    actAs(sam);
    if (state === "signed out") session.current = null;
    if (state === "stale session") session.current = { userId: sam.id, sessionId: randomUUID() };
    const outcome = await test.fuzz.attempt({ fields: [], tally: new Tally(), neverWrites: true }, () =>
      runAction(async () => ({ ok: true as const, response: await exportArchive() })),
    );
    if (state !== "signed in") {
      expect(outcome).toEqual({ kind: "redirect", location: "/sign-in?next=%2Fsettings" });
      return;
    }
    expect(outcome.kind).toBe("ok");
    if (outcome.kind !== "ok") return;
    const { response } = outcome.result;
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const text = Object.values(files).map((bytes) => new TextDecoder().decode(bytes)).join("\n");
    expect(text).toContain("Sam's lead");
    expect(text).not.toContain("Olga");
  });
});
