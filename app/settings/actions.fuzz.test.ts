// Property-based tests of the settings actions' input handling (docs/reliability.md, "Bad input"): generated
// forms through the real actions on a real database. See test/fuzz/session.ts for what is
// mocked (Auth.js's cookies, Next's request headers and cache) and why.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser } from "@/test/fuzz/database";
import {
  entriesOf,
  extraFields,
  firstText,
  formOf,
  nastyText,
  storedText,
  toFormData,
  validText,
  withoutNul,
  type FieldValue,
} from "@/test/fuzz/inputs";
import { randomUUID } from "node:crypto";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, runAction, submit } from "@/test/fuzz/run";
import { actAs, session } from "@/test/fuzz/session";
import { createSession, getSessionUser, listSessions } from "@/db/queries/sessions";
import { getPasswordHash } from "@/db/queries/users";
import { signInFailures } from "@/db/schema";
import { throttleKeys } from "@/lib/auth/throttle";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { todayIn } from "@/lib/domain";
import { changePasswordAction, signOutAction, signOutDeviceAction, signOutEverywhereAction, updateProfileAction, updateUsesAction } from "./actions";


const test = fuzzDatabase();
const FIRST_PASSWORD = "a calm and steady pace";
/** Stands for Sam's current password in a generated form. */
const CURRENT = "\u{F0000}current password";
let seeker: { id: string; email: string; sessionId: string };
/** Olga's session: no one else can end it. */
let olgasSession: string;
/** Sam's password as it stands now (a test that changes it keeps track). */
let password = FIRST_PASSWORD;

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const sam = await addUser(db, "Sam", { timeZone: "Europe/Paris", passwordHash: await hashPassword(FIRST_PASSWORD) });
  const other = await addUser(db, "Olga");
  olgasSession = other.sessionId;
  seeker = sam;
  password = FIRST_PASSWORD;
  await test.fuzz.watch([other.id]);
  actAs(sam);
});

/** Sam signs in again on this browser (a new session); returns its id. */
async function signInAgain(): Promise<string> {
  const sessionId = await createSession(test.db, { userId: seeker.id, device: "Test browser", address: "203.0.113.7", now: new Date() });
  test.fuzz.changed();
  actAs({ id: seeker.id, sessionId });
  return sessionId;
}

const ZONES = Intl.supportedValuesOf("timeZone");

const timeZoneText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ZONES) },
  { weight: 2, arbitrary: fc.constantFrom("UTC", "Etc/UTC", "utc", "europe/paris", " Asia/Kolkata ", "Asia/Calcutta", "US/Pacific", "EST", "GMT", "Etc/GMT+12", "Etc/GMT-14", "Pacific/Kiritimati") },
  { weight: 2, arbitrary: fc.constantFrom("Mars/Olympus_Mons", "+05:30", "UTC+2", "../../etc/passwd", "Europe/Paris\u0000", "Europe/Paris; drop table users", "<script>", "Europe", "Europe/", "/", "Z", "local", "x".repeat(65)) },
  { weight: 2, arbitrary: nastyText(64) },
);

describe("settings actions fuzz", () => {
  it("updateProfileAction stores the name verbatim and a known zone by its canonical name, or refuses", async () => {
    const fields: Record<string, fc.Arbitrary<FieldValue>> = {
      name: fc.oneof(validText(100).filter((text) => withoutNul(text).trim() !== ""), nastyText(100)),
      timeZone: timeZoneText,
    };
    await fuzzAction(
      formOf(fields),
      async (form, tally) => {
        const entries = entriesOf(form);
        const outcome = await test.fuzz.attempt({ fields: ["name", "timeZone"], tally }, () => submit(updateProfileAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        const stored = await getSessionUser(test.db, { userId: seeker.id, sessionId: session.current!.sessionId });
        expect(stored?.name).toBe(storedText(entries, "name"));
        const zone = storedText(entries, "timeZone");
        expect(stored?.timeZone).toBe(new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone);
        // Whatever zone was stored, the app can compute the seeker's today in it.
        expect(todayIn(new Date(), stored!.timeZone)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("updateUsesAction stores one of the three choices as its two flags, on the signed-in user only, or refuses", async () => {
    const fields: Record<string, fc.Arbitrary<FieldValue>> = {
      uses: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom("seeking", "coaching", "both") },
        { weight: 2, arbitrary: fc.constantFrom("", " both", "Coaching", "admin", "seeking\u0000", "neither") },
        { weight: 1, arbitrary: nastyText(40) },
      ),
    };
    await fuzzAction(
      formOf(fields),
      async (form, tally) => {
        const entries = entriesOf(form);
        const outcome = await test.fuzz.attempt({ fields: ["uses"], tally }, () => submit(updateUsesAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        const sent = withoutNul(firstText(entries, "uses"));
        // Only the exact choices are accepted (the form's radios send nothing else).
        expect(outcome.kind === "ok").toBe(["seeking", "coaching", "both"].includes(sent));
        if (outcome.kind !== "ok") return;
        const stored = await getSessionUser(test.db, { userId: seeker.id, sessionId: session.current!.sessionId });
        expect({ seeks: stored?.seeks, coaches: stored?.coaches }).toEqual({ seeks: sent !== "coaching", coaches: sent !== "seeking" });
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("changePasswordAction needs the current password and a good new one; the old one stops working", async () => {
    // Password hashing is deliberately slow (argon2id), so most new passwords break a rule the
    // form checks first (too short, too long, too common), and about one run in twelve is hashed.
    const strong = fc
      .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }), fc.nat())
      .map(([text, n]) => `${text} steady pace ${n}`)
      .filter((text) => text.length <= 128);
    const weak = fc.oneof(
      nastyText().map((text) => text.slice(0, 7)),
      fc.string({ minLength: 129, maxLength: 300 }),
      fc.constantFrom("password", "12345678", "qwertyuiop", "PASSWORD", "iloveyou", "\u0000".repeat(12), "", "       "),
    );
    const form = formOf({
      currentPassword: fc.oneof({ weight: 3, arbitrary: fc.constant(CURRENT) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("", "x".repeat(1025), FIRST_PASSWORD.toUpperCase()), nastyText()) }),
      newPassword: fc.oneof({ weight: 1, arbitrary: strong }, { weight: 12, arbitrary: weak }),
    });
    await fuzzAction(
      form,
      async (generated, tally) => {
        // Wrong current passwords count as failed sign-ins (app/settings/actions.test.ts): forget them,
        // so that right ones keep getting through.
        await test.db.delete(signInFailures);
        test.fuzz.changed();
        const entries = entriesOf(generated).map(([name, value]): [string, string | Blob] => [name, value === CURRENT ? password : value]);
        const outcome = await test.fuzz.attempt(
          { fields: ["currentPassword", "newPassword"], tally, writesOnRefusal: { sign_in_failures: Object.values(throttleKeys(seeker.email, "203.0.113.7")) } },
          () => submit(changePasswordAction, entries),
        );
        expect(["redirect", "rejected"]).toContain(outcome.kind);
        if (outcome.kind === "rejected") {
          // A failed form never hands a password back.
          expect((outcome.result as { values?: object }).values ?? {}).toEqual({});
          return;
        }
        if (outcome.kind !== "redirect") return;
        expect(outcome.location).toBe("/settings?password=changed");
        const next = withoutNul(firstText(entries, "newPassword"));
        const hash = (await getPasswordHash(test.db, { userId: seeker.id }))!;
        expect(await verifyPassword(hash, next)).toBe(true);
        if (next !== password) expect(await verifyPassword(hash, password)).toBe(false);
        password = next;
        // Every session ended; the browser that changed it was signed in again: its new session is the only one.
        expect((await listSessions(test.db, { userId: seeker.id })).map((row) => row.id)).toEqual([session.current?.sessionId]);
      },
      { accepted: ["redirect"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  // The two sign-out buttons take no input: whatever the form holds, they sign out (everywhere:
  // every session of the user ends) or, without a live session, send to the sign-in page.
  const signedInState = fc.constantFrom("signed in", "signed in", "signed out", "stale session");

  it("signOutEverywhereAction ends every session of a signed-in user, whatever the form holds", async () => {
    await fuzzAction(
      fc.record({ junk: extraFields, state: signedInState }),
      async ({ junk, state }, tally) => {
        const sessionId = await signInAgain();
        if (state === "signed out") session.current = null;
        if (state === "stale session") session.current = { userId: seeker.id, sessionId: randomUUID() };
        const live = state === "signed in";
        const outcome = await test.fuzz.attempt({ fields: [], tally, signsOut: live }, () =>
          runAction(() => (signOutEverywhereAction as (...args: unknown[]) => Promise<void>)(null, toFormData(junk))),
        );
        expect(outcome.kind).toBe("redirect");
        if (outcome.kind !== "redirect") return;
        if (live) {
          expect(outcome.location).toBe("/sign-in");
          expect(session.current).toBeNull();
          expect(await getSessionUser(test.db, { userId: seeker.id, sessionId })).toBeNull();
          expect(await listSessions(test.db, { userId: seeker.id })).toEqual([]);
          tally.add("signed out everywhere");
        } else {
          expect(outcome.location).toMatch(/^\/sign-in(\?|$)/);
          tally.add("sent to sign in");
        }
      },
      { accepted: ["signed out everywhere"], refused: ["sent to sign in"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("signOutAction ends this browser's session only, whatever the form holds", async () => {
    const otherDevice = seeker.sessionId;
    await fuzzAction(
      fc.record({ junk: extraFields, state: signedInState }),
      async ({ junk, state }, tally) => {
        const sessionId = await signInAgain();
        if (state === "signed out") session.current = null;
        if (state === "stale session") session.current = { userId: seeker.id, sessionId: randomUUID() };
        const outcome = await test.fuzz.attempt({ fields: [], tally, neverWrites: state !== "signed in" }, () =>
          runAction(() => (signOutAction as (...args: unknown[]) => Promise<void>)(null, toFormData(junk))),
        );
        expect(outcome.kind).toBe("redirect");
        if (outcome.kind !== "redirect") return;
        if (state === "signed in") {
          expect(session.current).toBeNull();
          expect(outcome.location).toBe("/");
          // Only this browser: its session ends, other devices stay signed in.
          expect(await getSessionUser(test.db, { userId: seeker.id, sessionId })).toBeNull();
          expect(await getSessionUser(test.db, { userId: seeker.id, sessionId: otherDevice })).not.toBeNull();
          tally.add("signed out");
        } else {
          expect(outcome.location).toMatch(/^\/sign-in(\?|$)/);
          tally.add("sent to sign in");
        }
      },
      { accepted: ["signed out"], refused: ["sent to sign in"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("signOutDeviceAction ends one of the user's own sessions only, and answers that any other id is no device of theirs", async () => {
    const target = fc.constantFrom("this device", "another device of Sam's", "Olga's", "a random id", "a malformed id", "generated text");
    // Sam's sessions here and on another device, made again only after a run ended one (a write costs a fingerprint).
    let here = seeker.sessionId;
    let elsewhere = "";
    await fuzzAction(
      fc.record({ target, text: nastyText(64), junk: extraFields, signedIn: fc.boolean() }),
      async ({ target, text, junk, signedIn }, tally) => {
        const live = new Set((await listSessions(test.db, { userId: seeker.id })).map((row) => row.id));
        if (!live.has(here)) here = await signInAgain();
        if (!live.has(elsewhere)) {
          elsewhere = await createSession(test.db, { userId: seeker.id, device: "Another browser", address: "198.51.100.9", now: new Date() });
          test.fuzz.changed();
        }
        actAs({ id: seeker.id, sessionId: here });
        if (!signedIn) session.current = null;
        const sessionId = {
          "this device": here,
          "another device of Sam's": elsewhere,
          "Olga's": olgasSession,
          "a random id": randomUUID(),
          "a malformed id": "not-an-id",
          "generated text": text,
        }[target];
        // Signing this device out sends to the sign-in page: then that redirect is no refusal.
        const signsOut = signedIn && target === "this device";
        const outcome = await test.fuzz.attempt({ fields: ["sessionId"], tally, signsOut }, () =>
          submit(signOutDeviceAction, [["sessionId", sessionId], ...junk]),
        );
        if (!signedIn) {
          expect(outcome).toMatchObject({ kind: "redirect", location: expect.stringMatching(/^\/sign-in(\?|$)/) });
          return;
        }
        if (target === "this device") {
          expect(outcome).toEqual({ kind: "redirect", location: "/sign-in" });
          expect(session.current).toBeNull();
        } else if (target === "another device of Sam's") {
          expect(outcome.kind).toBe("ok");
          expect(session.current?.sessionId).toBe(here);
        } else {
          expect(outcome).toMatchObject({ kind: "rejected", result: { message: "This device is not signed in." } });
        }
        const after = (await listSessions(test.db, { userId: seeker.id })).map((row) => row.id);
        expect(after.includes(here)).toBe(target !== "this device");
        expect(after.includes(elsewhere)).toBe(target !== "another device of Sam's");
      },
      { accepted: ["ok", "redirect"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
