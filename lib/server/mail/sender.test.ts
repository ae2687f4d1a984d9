// The sender against a real SMTP server on loopback (test/smtp-server.ts), read back with mailparser.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDb } from "@/test/db";
import { enqueueMail } from "@/db/queries/outbox";
import { outboxMessages } from "@/db/schema";
import { resolveMailConfig, readEnv, ConfigError } from "@/lib/server/env";
import { startTestSmtpServer, type TestSmtpServer } from "@/test/smtp-server";
import { sendDueMail } from "./sender";
import { fileTransport, smtpTransport } from "./transport";

const handle = setUpTestDb();
const TOKEN = "Zk9".repeat(14) + "x";
const APP_URL = "http://127.0.0.1:4999";
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => smtp?.close());

describe("mail over SMTP", () => {
  it("delivers both parts, the headers and working links to a real SMTP server, with a user and password", async () => {
    const config = resolveMailConfig(readEnv({ SMTP_URL: smtp.url, MAIL_FROM: "Cadence <cadence@example.com>", APP_URL }));
    await enqueueMail(handle.db, { userId: null, message: { kind: "reset_password", to: "Sam@Example.com", payload: { name: "Sam <b>", token: TOKEN } } });
    const transport = smtpTransport({ ...config, smtpUrl: config.smtpUrl! });
    expect(await sendDueMail(handle.db, transport, { appUrl: config.appUrl })).toEqual({ sent: 1, retrying: 0, failed: 0, dropped: 0 });
    const mail = await smtp.waitFor((m) => m.envelopeTo.some((to) => to.toLowerCase() === "sam@example.com"));
    const [row] = await handle.db.select().from(outboxMessages);
    expect(mail.parsed.subject).toBe("Reset your Cadence password");
    expect(mail.parsed.from?.text).toBe('"Cadence" <cadence@example.com>');
    expect(mail.parsed.messageId).toBe(`<${row!.id}@127.0.0.1>`);
    const link = `${APP_URL}/reset-password/${TOKEN}`;
    expect(mail.parsed.text).toContain(link);
    expect(mail.parsed.text).toContain("Hello Sam <b>,");
    expect(mail.parsed.html).toContain(`href="${link}"`);
    expect(mail.parsed.html).toContain("Sam &lt;b&gt;");
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(row!.sentAt).not.toBeNull();
    transport.close();
  });

  it("retries when the server refuses for now, and sends it once it takes it", async () => {
    const config = resolveMailConfig(readEnv({ SMTP_URL: smtp.url, MAIL_FROM: "cadence@example.com", APP_URL }));
    await enqueueMail(handle.db, { userId: null, message: { kind: "sign_up_attempt", to: "busy@example.com", payload: { name: "Busy" } } });
    smtp.refuseNext(1, 451);
    const transport = smtpTransport({ ...config, smtpUrl: config.smtpUrl! });
    const start = Date.now();
    const first = await sendDueMail(handle.db, transport, { appUrl: APP_URL, log: () => {} });
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0, dropped: 0 });
    const second = await sendDueMail(handle.db, transport, { appUrl: APP_URL, now: () => new Date(start + 60_000) });
    expect(second.sent).toBe(1);
    expect(smtp.received.filter((m) => m.envelopeTo.includes("busy@example.com"))).toHaveLength(1);
    transport.close();
  });

  it("a wrong SMTP password is a failure recorded on the row, not a lost message", async () => {
    const config = resolveMailConfig(readEnv({ SMTP_URL: smtp.url.replace("smtp-test-password", "wrong"), MAIL_FROM: "cadence@example.com", APP_URL }));
    await enqueueMail(handle.db, { userId: null, message: { kind: "sign_up_attempt", to: "who@example.com", payload: { name: "Who" } } });
    const logs: string[] = [];
    const report = await sendDueMail(handle.db, smtpTransport({ ...config, smtpUrl: config.smtpUrl! }), { appUrl: APP_URL, log: (l) => logs.push(l) });
    expect(report.sent).toBe(0);
    const [row] = await handle.db.select().from(outboxMessages);
    expect(row!.sentAt).toBeNull();
    expect(row!.lastError).toBeTruthy();
    expect(logs.join("\n")).not.toContain("who@example.com");
  });

  it("without SMTP_URL, writes each message as an .eml file in the data folder and logs its subject and links", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "cadence-mail-"));
    const config = resolveMailConfig(readEnv({ CADENCE_DATA_DIR: dataDir, PORT: "3456" }));
    expect(config.appUrl).toBe("http://localhost:3456");
    await enqueueMail(handle.db, { userId: null, message: { kind: "verify_email", to: "solo@example.com", payload: { name: "Solo", token: TOKEN } } });
    const lines: string[] = [];
    expect((await sendDueMail(handle.db, fileTransport(config, (line) => lines.push(line)), { appUrl: config.appUrl })).sent).toBe(1);
    const files = readdirSync(path.join(dataDir, "mail"));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(path.join(dataDir, "mail", files[0]!)));
    expect(parsed.subject).toBe("Confirm your e-mail address for Cadence");
    expect(parsed.text).toContain(`http://localhost:3456/verify-email/${TOKEN}`);
    expect(parsed.html).toContain(`http://localhost:3456/verify-email/${TOKEN}`);
    expect(lines.join("\n")).toContain("Confirm your e-mail address for Cadence");
    expect(lines.join("\n")).toContain(`http://localhost:3456/verify-email/${TOKEN}`);
  });

  it("requires APP_URL with DATABASE_URL, MAIL_FROM with SMTP_URL, and well-formed values", () => {
    expect(() => resolveMailConfig(readEnv({ DATABASE_URL: "postgres://x/y" }))).toThrow(ConfigError);
    expect(() => resolveMailConfig(readEnv({ DATABASE_URL: "postgres://x/y" }))).toThrow(/APP_URL is required/);
    expect(() => resolveMailConfig(readEnv({ SMTP_URL: "smtp://h:25" }))).toThrow(/MAIL_FROM is required/);
    expect(() => readEnv({ SMTP_URL: "http://h" })).toThrow(/SMTP_URL must be/);
    expect(() => readEnv({ APP_URL: "cadence.example.com" })).toThrow(/APP_URL must be/);
    expect(resolveMailConfig(readEnv({ DATABASE_URL: "postgres://x/y", APP_URL: "https://c.example.com/" })).appUrl).toBe("https://c.example.com");
  });
});
