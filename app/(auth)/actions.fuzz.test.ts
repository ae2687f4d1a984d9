// Property-based tests of signing up and signing in (docs/reliability.md, "Bad input"): generated forms
// through the real actions on a real database. Auth.js's cookies are replaced by the harness's
// session (its signIn runs the app's own Credentials check: password, throttle, error classes);
// real sessions are covered by the browser tests' authorization matrix. See
// test/fuzz/session.ts for what is mocked and why.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser } from "@/test/fuzz/database";
import {
  emailText,
  entriesOf,
  firstText,
  formOf,
  nastyText,
  storedText,
  validText,
  withoutNul,
  type FieldValue,
  type FormEntries,
} from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { currentSession, request, session } from "@/test/fuzz/session";
import { listMailTo } from "@/db/queries/outbox";
import { getSessionUser } from "@/db/queries/sessions";
import { findUserCredentials } from "@/db/queries/users";
import { signInFailures } from "@/db/schema";
import { hashPassword } from "@/lib/server/auth/password";
import { signUpThrottleKey, throttleKeys } from "@/lib/auth/throttle";
import { signInAction, signUpAction } from "./actions";


const test = fuzzDatabase();
const PASSWORD = "a calm and steady pace";
/** Stands for Sam's password in a generated form. */
const SAMS_PASSWORD = "\u{F0000}Sam's password";
const ORIGIN = "https://cadence.test";

let samId: string;
let signUps = 0;

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const sam = await addUser(db, "Sam", { passwordHash: await hashPassword(PASSWORD) });
  const other = await addUser(db, "Olga");
  samId = sam.id;
  await test.fuzz.watch([other.id]);
  session.current = null;
});

/** Where to go after signing in: same-site paths, and every way to try to leave the site. */
const nextText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("", "/leads", "/today", "/leads/123?saved=added#top", "/coach/clients/x", "/invitations/abc") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "//evil.test",
      "/\\evil.test",
      "\\\\evil.test",
      "https://evil.test/",
      "javascript:alert(1)",
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r\n/evil.test",
      "/\t\\evil.test",
      " //evil.test",
      "/%2F%2Fevil.test",
      "/\u0000/evil.test",
      "/.//evil.test",
      "/..//evil.test",
      "/%2e//evil.test",
      "/%2E%2e//evil.test",
      "/a/..//evil.test",
      "/\u0100",
      "/%C4%80",
      "/x\r\nSet-Cookie: a=b",
    ),
  },
  { weight: 1, arbitrary: nastyText() },
);

/**
 * A redirect after signing in or up stays on the site: the asked-for path when it is one, else the
 * person's home (`home`: Today or a coach's clients after sign-up; "/" after sign-in, which sends each home).
 */
function expectSameSiteRedirect(location: string, entries: FormEntries, home: string) {
  const target = new URL(location, ORIGIN);
  expect(target.origin, `redirect to ${JSON.stringify(location)}`).toBe(ORIGIN);
  // Next's client router follows the normalised path: "//host" there would leave the site.
  expect(target.pathname.startsWith("//"), `redirect to ${JSON.stringify(location)}`).toBe(false);
  // Printable ASCII only: nothing a browser or a header would read differently from what was checked.
  expect(location).toMatch(/^[\x21-\x7E]+$/);
  // The asked-for page (normalised and percent-encoded), or their home.
  if (location !== home) expect(target.href).toBe(new URL(withoutNul(firstText(entries, "next")), ORIGIN).href);
}

function expectNoPasswordHandedBack(result: unknown) {
  expect(Object.keys((result as { values?: object }).values ?? {})).not.toContain("password");
}

describe("sign-up and sign-in fuzz", () => {
  it("signUpAction creates the account as given and signs it in to a same-site page, or refuses and writes nothing", async () => {
    const ZONES = Intl.supportedValuesOf("timeZone");
    // Hashing is deliberately slow: most runs break a rule first, and about one in eight is hashed.
    const valid: Record<string, fc.Arbitrary<FieldValue>> = {
      name: validText(100).filter((text) => withoutNul(text).trim() !== ""),
      email: fc.oneof(fc.uuid().map((id) => `new-${id.slice(0, 8)}@example.com`), fc.constantFrom("sam@example.com", " SAM@Example.com ")),
      password: fc.tuple(fc.string({ unit: "grapheme", maxLength: 20 }), fc.nat()).map(([text, n]) => `${text} steady ${n} pace`).filter((text) => text.length <= 128),
      timeZone: fc.constantFrom(...ZONES, " UTC ", "utc"),
      uses: fc.constantFrom("seeking", "coaching", "both", " both ", ""),
      next: nextText,
    };
    const nasty: Record<string, fc.Arbitrary<FieldValue>> = {
      name: nastyText(100),
      email: emailText,
      password: fc.oneof(nastyText(128).map((text) => text.slice(0, 7)), fc.constantFrom("password", "12345678", "x".repeat(129), "")),
      timeZone: fc.oneof(fc.constantFrom("Mars/Base", "+05:30", "Europe/Paris\u0000x"), nastyText(64)),
      uses: fc.oneof(fc.constantFrom("seeking", "coaching", "admin", "Coaching"), nastyText(20)),
      next: nextText,
    };
    await fuzzAction(
      fc.oneof({ weight: 1, arbitrary: formOf(valid) }, { weight: 4, arbitrary: formOf(nasty) }),
      async (form, tally) => {
        session.current = null;
        // Each run from an address of its own: one address may sign up only so often (app/(auth)/actions.test.ts).
        const address = `198.51.100.${++signUps % 250}`;
        request.headers = { ...request.headers, "x-forwarded-for": address, "x-cadence-peer": address };
        const entries = entriesOf(form);
        const fields = ["name", "email", "password", "timeZone", "uses", "next"];
        // Every sign-up past the form's rules counts towards its address's allowance, whatever the answer.
        const outcome = await test.fuzz.attempt({ fields, tally, writesOnRefusal: { sign_in_failures: [signUpThrottleKey(address)] } }, () => submit(signUpAction, entries));
        expect(["redirect", "rejected", "ok"]).toContain(outcome.kind);
        if (outcome.kind === "rejected") return expectNoPasswordHandedBack(outcome.result);
        if (outcome.kind === "ok") {
          // A taken address (Sam's, or one an earlier run signed up): "check your inbox", as for a new
          // one, and no session; its owner gets a note.
          expect(await findUserCredentials(test.db, { email: storedText(entries, "email") })).not.toBeNull();
          expect(currentSession()).toBeNull();
          return;
        }
        if (outcome.kind !== "redirect") return;
        // What brings them, as stored: no answer is finding a job.
        const use = storedText(entries, "uses") || "seeking";
        const flags = { seeks: use !== "coaching", coaches: use !== "seeking" };
        expectSameSiteRedirect(outcome.location, entries, flags.coaches && !flags.seeks ? "/coach" : "/today");
        // Signed in as the new account, stored as given (e-mail folded to lower case).
        const created = await findUserCredentials(test.db, { email: storedText(entries, "email") });
        expect(created).not.toBeNull();
        expect(currentSession()?.userId).toBe(created!.id);
        const user = await getSessionUser(test.db, { userId: created!.id, sessionId: currentSession()!.sessionId });
        expect(user).toMatchObject({
          name: storedText(entries, "name"),
          email: storedText(entries, "email").toLowerCase(),
          timeZone: new Intl.DateTimeFormat("en-US", { timeZone: storedText(entries, "timeZone") }).resolvedOptions().timeZone,
          emailVerified: false,
          ...flags,
        });
        // Its verification link is queued with it.
        expect((await listMailTo(test.db, { toAddress: user!.email })).map((row) => row.kind)).toEqual(["verify_email"]);
      },
      { accepted: ["redirect", "ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("signInAction signs in only with the right password, to a same-site page; else one message (or a wait), and only the failure is recorded", async () => {
    const plan = fc.record({
      form: formOf({
        email: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("sam@example.com", " SAM@example.COM ", "olga@example.com", "nobody@example.com") }, { weight: 2, arbitrary: emailText }),
        password: fc.oneof({ weight: 1, arbitrary: fc.constant(SAMS_PASSWORD) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("", PASSWORD.toUpperCase(), `${PASSWORD} `, "x".repeat(1025)), nastyText(1024)) }),
        next: nextText,
      }),
      address: fc.constantFrom("203.0.113.7", "198.51.100.1", "2001:db8::1", "unknown"),
      // Each attempt that is not held back costs a password check (argon2id, slow on purpose).
      forgetFailures: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 5, arbitrary: fc.constant(false) }),
    });
    await fuzzAction(
      plan,
      async ({ form, address, forgetFailures }, tally) => {
        session.current = null;
        request.headers = { ...request.headers, "x-forwarded-for": address, "x-cadence-peer": address };
        if (forgetFailures) {
          // Failures count for an hour: start some runs afresh, so right passwords get through.
          await test.db.delete(signInFailures);
          test.fuzz.changed();
        }
        const entries = entriesOf(form).map(([name, value]): [string, string | Blob] => [name, value === SAMS_PASSWORD ? PASSWORD : value]);
        const outcome = await test.fuzz.attempt(
          // A failed attempt is recorded (the throttle's count on this e-mail and address): the one write a refusal makes.
          { fields: ["email", "password", "next"], tally, writesOnRefusal: { sign_in_failures: Object.values(throttleKeys(storedText(entries, "email").toLowerCase(), address)) } },
          () => submit(signInAction, entries),
        );
        expect(["redirect", "rejected"]).toContain(outcome.kind);
        if (outcome.kind === "rejected") {
          expectNoPasswordHandedBack(outcome.result);
          expect(currentSession()).toBeNull();
          return;
        }
        if (outcome.kind !== "redirect") return;
        expectSameSiteRedirect(outcome.location, entries, "/");
        expect(firstText(entries, "password")).toBe(PASSWORD);
        expect(storedText(entries, "email").toLowerCase()).toBe("sam@example.com");
        expect(currentSession()?.userId).toBe(samId);
      },
      { accepted: ["redirect"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
