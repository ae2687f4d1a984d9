import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dateOf, OUTCOMES, todayIn, type Outcome } from "@/lib/domain";
import { dayWork } from "@/lib/today/day-work";
import { sendDueMail } from "@/lib/server/mail/sender";
import { smtpTransport } from "@/lib/server/mail/transport";
import { setUpTestDb, truncateAll } from "@/test/db";
import { local } from "@/test/dated-touches";
import { addLeads, addSeeker } from "@/test/fixtures/today";
import { startTestSmtpServer, type TestSmtpServer } from "@/test/smtp-server";
import { digestLinks, digests, leads, outboxMessages, touches, users } from "../schema";
import {
  enqueueDueDigests,
  findDoneLink,
  findUnsubscribeLink,
  getDigestSettings,
  logTouchWithDoneLink,
  unsubscribeWithLink,
  updateDigestSettings,
} from "./digest";

const handle = setUpTestDb();
const zone = "Europe/London";
// Monday 2 March 2026 (a contact day by default), 08:00 in London.
const monday = "2026-03-02";
const now = local(monday, 8, 0, zone);
const APP_URL = "http://127.0.0.1:4998";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => smtp?.close());

/** A seeker who asked for the digest, with a verified address and one lead planned for today. */
async function dueSeeker({ timeZone = zone, hour = 7, lead = true } = {}) {
  const userId = await addSeeker(handle.db, { timeZone });
  await handle.db.update(users).set({ digestEnabled: true, digestHour: hour, emailVerifiedAt: new Date("2026-01-01T00:00:00Z") }).where(eq(users.id, userId));
  const leadIds = lead
    ? await addLeads(handle.db, { userId, companies: ["Acme"], extra: { plannedFirstContact: todayIn(now, timeZone), phone: "+44 20 7946 0000", email: "pat@acme.example", contactName: "Pat" } })
    : [];
  return { userId, leadId: leadIds[0]! };
}

async function digestRows(userId: string) {
  return handle.db.select().from(outboxMessages).where(eq(outboxMessages.userId, userId));
}

function mailConfig() {
  return { from: "Cadence <cadence@example.com>", appUrl: APP_URL, outboxDir: "/nonexistent", smtpUrl: smtp.url };
}

/** Sends the outbox to the loopback SMTP server and answers the digest received for `to`. */
async function sendAndReceive(to: string) {
  const transport = smtpTransport(mailConfig());
  await sendDueMail(handle.db, transport, { appUrl: APP_URL, now: () => now });
  transport.close();
  return smtp.waitFor((mail) => mail.envelopeTo.includes(to) && (mail.parsed.subject ?? "").startsWith("Today:"));
}

const tokenIn = (text: string, path: string) => new RegExp(`${APP_URL}${path}/([A-Za-z0-9_-]{43})`).exec(text)?.[1];

describe("enqueueDueDigests", () => {
  it("queues one digest for a seeker due one, with the day alone, and never a second that day", async () => {
    const { userId } = await dueSeeker();
    expect(await enqueueDueDigests(handle.db, { now })).toBe(1);
    const [row] = await digestRows(userId);
    expect(row).toMatchObject({ kind: "digest", payload: { localDate: monday } });
    // Later runs the same day (the next hour, the evening) add nothing.
    expect(await enqueueDueDigests(handle.db, { now })).toBe(0);
    expect(await enqueueDueDigests(handle.db, { now: local(monday, 21, 0, zone) })).toBe(0);
    expect(await digestRows(userId)).toHaveLength(1);
    // The next contact day has its own.
    expect(await enqueueDueDigests(handle.db, { now: local(addDays(monday, 1), 9, 0, zone) })).toBe(1);
  });

  it("queues one per seeker and day however many runs happen at once", async () => {
    const seekers = await Promise.all([dueSeeker(), dueSeeker(), dueSeeker()]);
    const counts = await Promise.all(Array.from({ length: 6 }, () => enqueueDueDigests(handle.db, { now })));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(3);
    for (const { userId } of seekers) expect(await digestRows(userId)).toHaveLength(1);
  });

  it("queues nothing for a seeker with nothing to do, unverified, turned off, on a day off, or before the hour", async () => {
    const nothing = await dueSeeker({ lead: false });
    await addLeads(handle.db, { userId: nothing.userId, companies: ["Later"], extra: { plannedFirstContact: addDays(monday, 2) } });
    const unverified = await dueSeeker();
    await handle.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, unverified.userId));
    const off = await dueSeeker();
    await updateDigestSettings(handle.db, { userId: off.userId, enabled: false, hour: 7 });
    const dayOff = await dueSeeker();
    await handle.db.update(users).set({ contactDays: [2, 3, 4, 5] }).where(eq(users.id, dayOff.userId));
    const late = await dueSeeker({ hour: 9 });
    // 08:00 in London is 03:00 in New York: its seeker's hour has not come.
    const elsewhere = await dueSeeker({ timeZone: "America/New_York" });

    expect(await enqueueDueDigests(handle.db, { now })).toBe(0);
    for (const seeker of [nothing, unverified, off, dayOff, late, elsewhere]) expect(await digestRows(seeker.userId)).toEqual([]);
    // Its hour comes: only then.
    expect(await enqueueDueDigests(handle.db, { now: local(monday, 9, 0, zone) })).toBe(1);
    expect(await digestRows(late.userId)).toHaveLength(1);
  });
});

describe("a digest as sent", () => {
  it("lists the day's work with tel:, mailto:, Done and unsubscribe links and the RFC 8058 headers, keeping only hashes", async () => {
    const { userId } = await dueSeeker();
    const [user] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await enqueueDueDigests(handle.db, { now });
    const mail = await sendAndReceive(user!.email);
    const text = mail.parsed.text ?? "";
    expect(mail.parsed.subject).toBe("Today: 1 lead to contact (Monday, 2 March 2026)");
    expect(text).toContain("Acme");
    expect(text).toContain("Pat");
    expect(text).toContain("Suggested: Phone");
    expect(text).toContain("tel:+442079460000");
    expect(text).toContain("mailto:pat@acme.example");
    expect(text).toContain(`${APP_URL}/today`);
    expect(mail.parsed.html).toContain('href="tel:+442079460000"');
    const done = tokenIn(text, "/digest/done")!;
    const unsubscribe = tokenIn(text, "/digest/unsubscribe")!;
    expect(done).toBeDefined();
    // Headers unfolded (a long one is written over two lines).
    const headers = String(mail.raw).split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(headers).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(headers).toContain(`List-Unsubscribe: <${APP_URL}/api/digest/unsubscribe/${unsubscribe}>`);

    const links = await handle.db.select().from(digestLinks).where(eq(digestLinks.userId, userId));
    const hash = (token: string) => createHash("sha256").update(token).digest("hex");
    expect(links.map((link) => link.tokenHash).sort()).toEqual([hash(done), hash(unsubscribe)].sort());
    expect(JSON.stringify(links)).not.toContain(done);
    // The outbox keeps no usable link once the message is sent.
    const [row] = await digestRows(userId);
    expect(row!.sentAt).not.toBeNull();
    expect(row!.payload).toBeNull();
  });

  it("lists the first 50 leads of the day's work, as Today does, with a link each, and counts the rest", async () => {
    const { userId } = await dueSeeker({ lead: false });
    const [user] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    const companies = Array.from({ length: 53 }, (_, index) => `Company ${index + 1}`);
    await addLeads(handle.db, { userId, companies, extra: { plannedFirstContact: todayIn(now, zone) } });
    await enqueueDueDigests(handle.db, { now });
    const mail = await sendAndReceive(user!.email);
    const text = mail.parsed.text ?? "";
    expect(mail.parsed.subject).toBe("Today: 53 leads to contact (Monday, 2 March 2026)");
    expect(text.match(/\/digest\/done\//g)).toHaveLength(50);
    expect(text).toContain("And 3 more leads to contact today: see them all on Today.");
    const links = await handle.db.select({ purpose: digestLinks.purpose }).from(digestLinks).where(eq(digestLinks.userId, userId));
    expect(links.filter((link) => link.purpose === "done")).toHaveLength(50);
  });

  it("is not sent when the work was done in between, or the day is over", async () => {
    const done = await dueSeeker();
    const stale = await dueSeeker();
    await enqueueDueDigests(handle.db, { now });
    await handle.db.insert(touches).values({ userId: done.userId, leadId: done.leadId, at: now, localDate: monday, channel: "phone", direction: "outbound" });
    const transport = smtpTransport(mailConfig());
    const report = await sendDueMail(handle.db, transport, { appUrl: APP_URL, now: () => now });
    expect(report).toMatchObject({ dropped: 1, sent: 1 });
    // The other one, had it waited until Tuesday, would not go.
    const [doneRow] = await digestRows(done.userId);
    expect(doneRow).toMatchObject({ sentAt: null, lastError: expect.stringContaining("not sent") });
    await handle.db.update(outboxMessages).set({ sentAt: null, payload: { localDate: monday }, failedAt: null }).where(eq(outboxMessages.userId, stale.userId));
    const tuesday = await sendDueMail(handle.db, transport, { appUrl: APP_URL, now: () => local(addDays(monday, 1), 8, 0, zone) });
    expect(tuesday.dropped).toBe(1);
    transport.close();
  });
});

describe("Done and unsubscribe links", () => {
  async function sentLinks() {
    const seeker = await dueSeeker();
    const [user] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, seeker.userId));
    await enqueueDueDigests(handle.db, { now });
    const mail = await sendAndReceive(user!.email);
    return { ...seeker, done: tokenIn(mail.parsed.text ?? "", "/digest/done")!, unsubscribe: tokenIn(mail.parsed.text ?? "", "/digest/unsubscribe")! };
  }

  it("shows the lead without changing anything, then logs one touch on the chosen channel, once", async () => {
    const { userId, leadId, done } = await sentLinks();
    const view = await findDoneLink(handle.db, { token: done, signedInUserId: null, now });
    expect(view).toMatchObject({ state: "open", channel: "phone", localDate: monday, lead: { company: "Acme", contactName: "Pat" } });
    expect(await handle.db.select().from(touches).where(eq(touches.userId, userId))).toEqual([]);

    const tap = { token: done, channel: "email" as const, confirmTooSoon: false, signedInUserId: null, now };
    const [first, second] = await Promise.all([logTouchWithDoneLink(handle.db, tap), logTouchWithDoneLink(handle.db, tap)]);
    expect([first, second].map((outcome) => (outcome.state === "open" ? outcome.result.status : outcome.state)).sort()).toEqual(
      expect.arrayContaining(["logged"]),
    );
    const logged = await handle.db.select().from(touches).where(eq(touches.userId, userId));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ leadId, channel: "email", direction: "outbound", tooSoon: false });
    expect((await findDoneLink(handle.db, { token: done, signedInUserId: null, now })).state).toBe("used");
  });

  it("answers forged, expired and other accounts' links without changing anything", async () => {
    const { userId, done } = await sentLinks();
    const other = await addSeeker(handle.db);
    const forged = done.slice(0, 42) + (done.endsWith("A") ? "B" : "A");
    const endOfDay = local(addDays(monday, 1), 0, 0, zone);
    const tap = { channel: "phone" as const, confirmTooSoon: false, now };
    expect(await logTouchWithDoneLink(handle.db, { ...tap, token: forged, signedInUserId: null })).toEqual({ state: "not_found" });
    expect(await logTouchWithDoneLink(handle.db, { ...tap, token: "not a token", signedInUserId: null })).toEqual({ state: "not_found" });
    expect(await logTouchWithDoneLink(handle.db, { ...tap, token: done, signedInUserId: other })).toEqual({ state: "other_account" });
    expect(await logTouchWithDoneLink(handle.db, { ...tap, token: done, signedInUserId: null, now: endOfDay })).toEqual({ state: "expired" });
    expect((await findDoneLink(handle.db, { token: done, signedInUserId: null, now: new Date(endOfDay.getTime() - 1) })).state).toBe("open");
    expect(await handle.db.select().from(touches).where(eq(touches.userId, userId))).toEqual([]);
  });

  it("warns before a too-soon touch, and logs it when confirmed", async () => {
    const { userId, leadId, done } = await sentLinks();
    await handle.db.insert(touches).values({ userId, leadId, at: local(addDays(monday, -1), 10, 0, zone), localDate: addDays(monday, -1), channel: "email", direction: "outbound" });
    const tap = { token: done, channel: "phone" as const, signedInUserId: userId, now };
    const warned = await logTouchWithDoneLink(handle.db, { ...tap, confirmTooSoon: false });
    expect(warned).toMatchObject({ state: "open", result: { status: "too_soon" } });
    const saved = await logTouchWithDoneLink(handle.db, { ...tap, confirmTooSoon: true });
    expect(saved).toMatchObject({ state: "open", result: { status: "logged", tooSoon: true } });
  });

  it("unsubscribes by the link (again and again), and opening it changes nothing", async () => {
    const { userId, unsubscribe } = await sentLinks();
    expect(await findUnsubscribeLink(handle.db, { token: unsubscribe, now })).toBe("open");
    expect(await getDigestSettings(handle.db, { userId })).toMatchObject({ enabled: true });
    expect(await unsubscribeWithLink(handle.db, { token: unsubscribe, now })).toBe("open");
    expect(await getDigestSettings(handle.db, { userId })).toMatchObject({ enabled: false, hour: 7 });
    expect(await unsubscribeWithLink(handle.db, { token: unsubscribe, now })).toBe("open");
    expect(await unsubscribeWithLink(handle.db, { token: unsubscribe.slice(1) + "x", now })).toBe("not_found");
    expect(await enqueueDueDigests(handle.db, { now: local(addDays(monday, 1), 9, 0, zone) })).toBe(0);
  });
});

describe("the enqueue's SQL and dayWork agree on who has something to do", () => {
  it("on generated leads and touches (property)", async () => {
    const day = fc.integer({ min: -25, max: 5 }).map((offset) => addDays(monday, offset));
    const lead = fc.record({
      plannedFirstContact: fc.option(day, { nil: null }),
      nextDueOverride: fc.option(day, { nil: null }),
      overrideSetDaysAgo: fc.integer({ min: 0, max: 20 }),
      pausedUntil: fc.option(day, { nil: null }),
      closed: fc.boolean().map((closed) => closed && Math.random() < 0.3),
      cadenceDays: fc.integer({ min: 3, max: 30 }),
      touches: fc.array(
        fc.record({
          daysAgo: fc.integer({ min: 1, max: 25 }),
          hour: fc.integer({ min: 0, max: 23 }),
          direction: fc.constantFrom("outbound" as const, "inbound" as const),
          outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
        }),
        { maxLength: 4 },
      ),
    });
    const seeker = fc.record({
      contactDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      leads: fc.array(lead, { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(seeker, async ({ contactDays, leads: generated }) => {
        await truncateAll(handle.db);
        const { userId } = await dueSeeker({ lead: false });
        // Today a contact day, so only the leads decide.
        await handle.db.update(users).set({ contactDays: [...new Set([...contactDays, 1])] }).where(eq(users.id, userId));
        const workLeads = [];
        const workTouches = [];
        for (const [position, facts] of generated.entries()) {
          const [row] = await handle.db
            .insert(leads)
            .values({
              userId,
              company: `Lead ${position}`,
              position,
              cadenceDays: facts.cadenceDays,
              plannedFirstContact: facts.plannedFirstContact,
              nextDueOverride: facts.nextDueOverride,
              nextDueOverrideSetAt: facts.nextDueOverride ? local(addDays(monday, -facts.overrideSetDaysAgo), 9, 30, zone) : null,
              pausedUntil: facts.pausedUntil,
              closedAt: facts.closed ? local(addDays(monday, -3), 9, 0, zone) : null,
            })
            .returning();
          workLeads.push(row!);
          for (const touch of facts.touches) {
            const at = local(addDays(monday, -touch.daysAgo), touch.hour, 17, zone);
            await handle.db.insert(touches).values({ userId, leadId: row!.id, at, localDate: dateOf(at, zone), channel: "email", direction: touch.direction, outcome: touch.outcome as Outcome | null });
            workTouches.push({ leadId: row!.id, at, localDate: dateOf(at, zone), channel: "email" as const, direction: touch.direction, outcome: touch.outcome });
          }
        }
        const days = [...new Set([...contactDays, 1])];
        const work = dayWork({ leads: workLeads, touches: workTouches, contactDays: days, now, timeZone: zone });
        const expected = work.items.some((item) => !item.done) ? 1 : 0;
        expect(await enqueueDueDigests(handle.db, { now })).toBe(expected);
      }),
      { numRuns: 40 },
    );
    await handle.db.delete(digests);
  });
});
