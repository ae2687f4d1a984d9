import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAIL_REQUEST_LIMITS } from "@/lib/mail/throttle";
import { accountTokens, coachInvitations, outboxMessages, users } from "../schema";
import { setUpTestDb } from "@/test/db";
import {
  changeEmailWithToken,
  findAccountToken,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPasswordWithToken,
  signUpUser,
  verifyEmailWithToken,
} from "./account-tokens";
import { answerInvitation, findInvitation, inviteCoachByEmail } from "./coach-invitations";
import { createSession, getSessionUser } from "./sessions";

const handle = setUpTestDb();
const NOW = new Date("2026-03-05T10:00:00Z");
const HOUR = 3_600_000;

/** A new account, signed in on one device (its session's id as `sessionId`). */
async function signUp(name: string, email = `${name.toLowerCase()}@example.com`) {
  const outcome = await signUpUser(handle.db, { name, email, passwordHash: "hash", timeZone: "Europe/Paris", now: NOW });
  if (!outcome.created) throw new Error("taken");
  const sessionId = await createSession(handle.db, { userId: outcome.user.id, device: "Test browser", address: "192.0.2.1", now: NOW });
  return { ...outcome.user, sessionId };
}

/** The token in the newest message of this kind to this address. */
async function tokenFor(to: string, kind: string): Promise<string> {
  const rows = (await handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to))).filter((row) => row.kind === kind);
  const payload = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]?.payload as { token: string } | undefined;
  if (!payload) throw new Error(`no ${kind} mail to ${to}`);
  return payload.token;
}

async function kindsTo(to: string) {
  return (await handle.db.select({ kind: outboxMessages.kind }).from(outboxMessages).where(eq(outboxMessages.toAddress, to))).map((r) => r.kind);
}

describe("sign-up and verification", () => {
  it("a new account is unverified, with its verification mail queued in the same transaction; the link verifies once", async () => {
    const sam = await signUp("Sam");
    expect(sam.emailVerified).toBe(false);
    expect(await kindsTo("sam@example.com")).toEqual(["verify_email"]);
    const token = await tokenFor("sam@example.com", "verify_email");
    // Only the hash is stored.
    expect(JSON.stringify(await handle.db.select().from(accountTokens))).not.toContain(token);

    // Opening the page changes nothing.
    expect(await findAccountToken(handle.db, { token, purpose: "verify_email", signedInUserId: null, now: NOW })).toMatchObject({
      state: "open",
      email: "sam@example.com",
    });
    expect((await getSessionUser(handle.db, { userId: sam.id, sessionId: sam.sessionId, now: NOW }))!.emailVerified).toBe(false);

    // A reset link's token is not a verification link.
    expect((await verifyEmailWithToken(handle.db, { token: "A".repeat(43), signedInUserId: null, now: NOW })).state).toBe("not_found");
    expect((await verifyEmailWithToken(handle.db, { token, signedInUserId: null, now: NOW })).state).toBe("open");
    expect((await getSessionUser(handle.db, { userId: sam.id, sessionId: sam.sessionId, now: NOW }))!.emailVerified).toBe(true);
    expect((await verifyEmailWithToken(handle.db, { token, signedInUserId: null, now: NOW })).state).toBe("used");
  });

  it("another account's link, an expired one and a forged one change nothing", async () => {
    const sam = await signUp("Sam");
    const olga = await signUp("Olga");
    const token = await tokenFor("sam@example.com", "verify_email");
    expect((await verifyEmailWithToken(handle.db, { token, signedInUserId: olga.id, now: NOW })).state).toBe("other_account");
    expect((await verifyEmailWithToken(handle.db, { token, signedInUserId: null, now: new Date(NOW.getTime() + 73 * HOUR) })).state).toBe("expired");
    expect((await verifyEmailWithToken(handle.db, { token: "not a token", signedInUserId: null, now: NOW })).state).toBe("not_found");
    const verified = await handle.db.select({ at: users.emailVerifiedAt }).from(users);
    expect(verified.every((row) => row.at === null)).toBe(true);
    expect((await verifyEmailWithToken(handle.db, { token, signedInUserId: sam.id, now: NOW })).state).toBe("open");
  });

  it("signing up with a taken address makes no account and tells the owner, a few times an hour at most", async () => {
    await signUp("Sam");
    for (let attempt = 0; attempt < MAIL_REQUEST_LIMITS.address + 2; attempt++) {
      const outcome = await signUpUser(handle.db, { name: "Mallory", email: " SAM@example.com", passwordHash: "x", timeZone: "UTC", now: NOW });
      expect(outcome).toEqual({ created: false });
    }
    expect((await kindsTo("sam@example.com")).filter((kind) => kind === "sign_up_attempt")).toHaveLength(MAIL_REQUEST_LIMITS.address);
    expect(await handle.db.select({ id: users.id }).from(users)).toHaveLength(1);
  });

  it("sends the link again on asking, within the account's limit, and not once verified", async () => {
    const sam = await signUp("Sam");
    const answers = [];
    for (let attempt = 0; attempt < MAIL_REQUEST_LIMITS.account + 1; attempt++) answers.push(await resendVerification(handle.db, { userId: sam.id, now: NOW }));
    expect(answers.at(-1)).toBe("throttled");
    expect(answers.filter((answer) => answer === "sent")).toHaveLength(MAIL_REQUEST_LIMITS.account);
    await verifyEmailWithToken(handle.db, { token: await tokenFor("sam@example.com", "verify_email"), signedInUserId: null, now: NOW });
    expect(await resendVerification(handle.db, { userId: sam.id, now: new Date(NOW.getTime() + 2 * HOUR) })).toBe("verified");
  });
});

describe("password reset", () => {
  it("answers the same for any address, sends a link only to an account, and resets once within the hour, ending every session", async () => {
    const sam = await signUp("Sam");
    expect(await requestPasswordReset(handle.db, { email: "nobody@example.com", client: "1.1.1.1", now: NOW })).toBe("sent");
    expect(await kindsTo("nobody@example.com")).toEqual([]);
    expect(await requestPasswordReset(handle.db, { email: " Sam@Example.com ", client: "1.1.1.1", now: NOW })).toBe("sent");
    const token = await tokenFor("sam@example.com", "reset_password");

    expect((await resetPasswordWithToken(handle.db, { token, signedInUserId: null, passwordHash: "new", now: new Date(NOW.getTime() + HOUR) })).state).toBe(
      "expired",
    );
    const done = await resetPasswordWithToken(handle.db, { token, signedInUserId: null, passwordHash: "new", now: NOW });
    expect(done).toEqual({ state: "open", email: "sam@example.com" });
    const [row] = await handle.db.select().from(users).where(eq(users.id, sam.id));
    expect(row!.passwordHash).toBe("new");
    expect(row!.emailVerifiedAt).not.toBeNull();
    expect(await getSessionUser(handle.db, { userId: sam.id, sessionId: sam.sessionId, now: NOW })).toBeNull();
    expect((await resetPasswordWithToken(handle.db, { token, signedInUserId: null, passwordHash: "again", now: NOW })).state).toBe("used");
  });

  it("is throttled per address silently, and per client visibly", async () => {
    await signUp("Sam");
    for (let attempt = 0; attempt < MAIL_REQUEST_LIMITS.address + 2; attempt++) {
      expect(await requestPasswordReset(handle.db, { email: "sam@example.com", client: `10.0.0.${attempt}`, now: NOW })).toBe("sent");
    }
    expect((await kindsTo("sam@example.com")).filter((kind) => kind === "reset_password")).toHaveLength(MAIL_REQUEST_LIMITS.address);
    const answers = [];
    for (let attempt = 0; attempt < MAIL_REQUEST_LIMITS.client + 1; attempt++) {
      answers.push(await requestPasswordReset(handle.db, { email: `x${attempt}@example.com`, client: "9.9.9.9", now: NOW }));
    }
    expect(answers.at(-1)).toBe("throttled");
  });
});

describe("changing the address", () => {
  it("takes effect only when the new address's link is followed, and not onto a taken address", async () => {
    const sam = await signUp("Sam");
    await signUp("Olga");
    expect(await requestEmailChange(handle.db, { userId: sam.id, newEmail: "sam@example.com", now: NOW })).toBe("same");
    expect(await requestEmailChange(handle.db, { userId: sam.id, newEmail: "Sam.New@example.com", now: NOW })).toBe("sent");
    expect((await handle.db.select({ email: users.email }).from(users).where(eq(users.id, sam.id)))[0]!.email).toBe("sam@example.com");
    const token = await tokenFor("sam.new@example.com", "change_email");
    expect(await changeEmailWithToken(handle.db, { token, signedInUserId: null, now: NOW })).toEqual({ state: "open", email: "sam.new@example.com" });
    const [row] = await handle.db.select().from(users).where(eq(users.id, sam.id));
    expect(row!.email).toBe("sam.new@example.com");
    expect(row!.emailVerifiedAt).not.toBeNull();
    // The old address's verification link proves nothing any more.
    expect((await verifyEmailWithToken(handle.db, { token: await tokenFor("sam@example.com", "verify_email"), signedInUserId: null, now: NOW })).state).toBe("used");

    await requestEmailChange(handle.db, { userId: sam.id, newEmail: "olga@example.com", now: NOW });
    const taken = await tokenFor("olga@example.com", "change_email");
    expect((await changeEmailWithToken(handle.db, { token: taken, signedInUserId: null, now: NOW })).state).toBe("taken");
    expect((await handle.db.select({ email: users.email }).from(users).where(eq(users.id, sam.id)))[0]!.email).toBe("sam.new@example.com");
  });
});

describe("invitations by e-mail", () => {
  it("wait for the seeker's verified address, go to the coach as a one-time link, and only a verified coach accepts", async () => {
    const sam = await signUp("Sam");
    const cora = await signUp("Cora");
    const invited = await inviteCoachByEmail(handle.db, { seekerId: sam.id, coachEmail: "cora@example.com", now: NOW });
    expect(invited).toMatchObject({ ok: true, mailed: false });
    expect(await kindsTo("cora@example.com")).toEqual(["verify_email"]);

    await verifyEmailWithToken(handle.db, { token: await tokenFor("sam@example.com", "verify_email"), signedInUserId: null, now: NOW });
    const token = await tokenFor("cora@example.com", "coach_invitation");
    const unverifiedCora = { id: cora.id, email: cora.email, emailVerified: false };
    expect(await findInvitation(handle.db, { ref: { token }, viewer: unverifiedCora, now: NOW })).toMatchObject({ creatorRole: "seeker", state: "open" });
    // Someone else with the link finds nothing.
    const olga = await signUp("Olga");
    expect(await findInvitation(handle.db, { ref: { token }, viewer: { id: olga.id, email: olga.email }, now: NOW })).toBeNull();
    // Whoever signed up with the address cannot accept without reading its mail.
    expect(await answerInvitation(handle.db, { ref: { token }, viewer: unverifiedCora, answer: "accept", now: NOW })).toEqual({ ok: false, reason: "unverified" });
    const [invitation] = await handle.db.select({ id: coachInvitations.id }).from(coachInvitations);
    expect(await answerInvitation(handle.db, { ref: { id: invitation!.id }, viewer: unverifiedCora, answer: "accept", now: NOW })).toEqual({
      ok: false,
      reason: "unverified",
    });
    const verifiedCora = { ...unverifiedCora, emailVerified: true };
    expect(await answerInvitation(handle.db, { ref: { token }, viewer: verifiedCora, answer: "accept", now: NOW })).toMatchObject({ ok: true, seekerId: sam.id });
    expect(await answerInvitation(handle.db, { ref: { token }, viewer: verifiedCora, answer: "accept", now: NOW })).toEqual({ ok: false, reason: "used" });

    // A verified seeker's next invitation is mailed at once.
    expect(await inviteCoachByEmail(handle.db, { seekerId: sam.id, coachEmail: "second@example.com", now: NOW })).toMatchObject({ mailed: true });
    expect(await kindsTo("second@example.com")).toEqual(["coach_invitation"]);
  });
});
