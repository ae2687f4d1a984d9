import { eq, sql } from "drizzle-orm";
import { rowsOf } from "../client";
import { describe, expect, it } from "vitest";
import { MAIL_LEASE_MS, MAIL_MAX_ATTEMPTS } from "@/lib/mail/retry";
import { sendDueMail } from "@/lib/server/mail/sender";
import type { MailTransport, OutgoingMail } from "@/lib/server/mail/transport";
import { outboxMessages } from "../schema";
import { setUpTestDb } from "@/test/db";
import { claimDueMail, enqueueMail, markMailSent } from "./outbox";

const handle = setUpTestDb();
const TOKEN = "T".repeat(43);
const APP_URL = "http://cadence.test";

async function enqueue(count: number) {
  for (let index = 0; index < count; index++) {
    await enqueueMail(handle.db, {
      userId: null,
      message: { kind: "verify_email", to: `person${index}@example.com`, payload: { name: `Person ${index}`, token: TOKEN } },
    });
  }
}

function recordingTransport(sent: OutgoingMail[], fail?: (mail: OutgoingMail) => Error | null): MailTransport {
  return {
    send: async (mail) => {
      // A little time on the wire, so two senders really overlap.
      await new Promise((resolve) => setTimeout(resolve, 2));
      const error = fail?.(mail);
      if (error) throw error;
      sent.push(mail);
    },
    close: () => {},
  };
}

async function rows() {
  return handle.db.select().from(outboxMessages);
}

/**
 * The first millisecond at which every queued message is due. The database stamps them to the
 * microsecond; a clock read in the same millisecond (to the millisecond) could be just before.
 */
async function allDue(): Promise<Date> {
  const [row] = rowsOf<{ ms: number }>(
    await handle.db.execute(sql`select ceil(extract(epoch from max(${outboxMessages.nextAttemptAt})) * 1000)::float8 as ms from ${outboxMessages}`),
  );
  return new Date(Number(row!.ms));
}

describe("the outbox", () => {
  it("two senders at once send every message exactly once, and clear what was sent", async () => {
    await enqueue(40);
    const due = await allDue();
    const sentByA: OutgoingMail[] = [];
    const sentByB: OutgoingMail[] = [];
    const drain = async (transport: MailTransport) => {
      for (let pass = 0; pass < 20; pass++) {
        const report = await sendDueMail(handle.db, transport, { appUrl: APP_URL, limit: 5, now: () => due });
        if (report.sent === 0) break;
      }
    };
    await Promise.all([drain(recordingTransport(sentByA)), drain(recordingTransport(sentByB))]);
    const ids = [...sentByA, ...sentByB].map((mail) => mail.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const stored = await rows();
    expect(stored.every((row) => row.sentAt && row.payload === null && row.leaseUntil === null && row.attempts === 1)).toBe(true);
    // Rendered at sending, from APP_URL.
    expect(sentByA.concat(sentByB)[0]!.text).toContain(`${APP_URL}/verify-email/${TOKEN}`);
  });

  it("retries a refused message with backoff, and gives up on a permanent refusal or after the last attempt", async () => {
    await enqueue(2);
    const start = await allDue();
    const sent: OutgoingMail[] = [];
    const logs: string[] = [];
    const transport = recordingTransport(sent, (mail) =>
      Object.assign(new Error(`451 mailbox busy for ${mail.to}`), {
        responseCode: mail.to === "person0@example.com" ? 451 : 550,
        code: "EMESSAGE",
      }),
    );
    const report = await sendDueMail(handle.db, transport, { appUrl: APP_URL, now: () => start, log: (line) => logs.push(line) });
    expect(report).toEqual({ sent: 0, retrying: 1, failed: 1, dropped: 0 });
    const [busy] = (await rows()).filter((row) => row.toAddress === "person0@example.com");
    expect(busy).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, leaseUntil: null });
    expect(busy!.lastError).toContain("451");
    expect(busy!.nextAttemptAt.getTime() - start.getTime()).toBe(30_000);
    const [refused] = (await rows()).filter((row) => row.toAddress === "person1@example.com");
    expect(refused!.failedAt).not.toBeNull();
    expect(refused!.payload).toBeNull();
    // The log names neither the address nor the token.
    expect(logs.join("\n")).not.toMatch(/person\d@|TTTT/);
    expect(logs.join("\n")).toContain("SMTP 451");

    // Not due before the backoff; due after it.
    expect(await claimDueMail(handle.db, { now: new Date(start.getTime() + 29_000) })).toEqual([]);
    const ok = recordingTransport(sent);
    expect(await sendDueMail(handle.db, ok, { appUrl: APP_URL, now: () => new Date(start.getTime() + 31_000) })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
      dropped: 0,
    });
    expect(sent.map((mail) => mail.to)).toEqual(["person0@example.com"]);

    // Always refused: given up after the last attempt.
    await enqueue(1);
    let at = start.getTime() + 60_000;
    const always = recordingTransport([], () => Object.assign(new Error("down"), { code: "ECONNREFUSED" }));
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      const result = await sendDueMail(handle.db, always, { appUrl: APP_URL, now: () => new Date(at), log: () => {} });
      expect(result.retrying + result.failed).toBe(1);
      at += 3 * 60 * 60 * 1000;
    }
    const [last] = (await rows()).filter((row) => row.sentAt === null && row.toAddress === "person0@example.com");
    expect(last).toMatchObject({ attempts: MAIL_MAX_ATTEMPTS });
    expect(last!.failedAt).not.toBeNull();
    expect(await claimDueMail(handle.db, { now: new Date(at + 86_400_000) })).toEqual([]);
  });

  it("a sender that died holding a message: another sends it once its lease ran out, and an acknowledged one is never sent again", async () => {
    await enqueue(1);
    const start = await allDue();
    const [claimed] = await claimDueMail(handle.db, { now: start });
    expect(claimed!.attempts).toBe(1);
    // The first sender dies here. While its lease holds, nobody else takes the message.
    expect(await claimDueMail(handle.db, { now: new Date(start.getTime() + MAIL_LEASE_MS - 1000) })).toEqual([]);
    const sent: OutgoingMail[] = [];
    const later = new Date(start.getTime() + MAIL_LEASE_MS + 1000);
    expect((await sendDueMail(handle.db, recordingTransport(sent), { appUrl: APP_URL, now: () => later })).sent).toBe(1);
    expect(sent).toHaveLength(1);
    const [row] = await rows();
    expect(row!.attempts).toBe(2);
    // The dead sender's late "sent" changes nothing; nothing is due any more.
    await markMailSent(handle.db, { id: claimed!.id, now: new Date(later.getTime() + 1) });
    expect((await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, claimed!.id)))[0]!.sentAt).toEqual(row!.sentAt);
    expect(await claimDueMail(handle.db, { now: new Date(later.getTime() + 10 * MAIL_LEASE_MS) })).toEqual([]);
  });
});
