import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAIL_KINDS } from "./kinds";
import { absoluteUrl } from "./links";
import { parseMailMessage, renderMail, type MailMessage } from "./messages";
import { mailRetryDelayMs, MAIL_MAX_ATTEMPTS } from "./retry";
import { mailRequestAllowed, MAIL_REQUEST_LIMITS } from "./throttle";

const TOKEN = "A".repeat(40) + "b_-";
const APP = "https://cadence.example.com";

const samples: MailMessage[] = [
  { kind: "verify_email", to: "sam@example.com", payload: { name: "Sam", token: TOKEN } },
  { kind: "reset_password", to: "sam@example.com", payload: { name: "Sam", token: TOKEN } },
  { kind: "change_email", to: "new@example.com", payload: { name: "Sam", token: TOKEN } },
  { kind: "sign_up_attempt", to: "sam@example.com", payload: { name: "Sam" } },
  {
    kind: "coach_invitation",
    to: "cora@example.com",
    payload: { seekerName: "Sam", seekerEmail: "sam@example.com", token: TOKEN, expiresAt: "2026-03-05T10:00:00.000Z" },
  },
  {
    kind: "digest",
    to: "sam@example.com",
    payload: {
      localDate: "2026-03-02",
      timeZone: "Europe/London",
      name: "Sam",
      unsubscribeToken: TOKEN,
      items: [
        { company: "Acme <Ltd>", person: "Pat, CTO", reason: "First contact", channel: "phone", phone: "+44 20 7946 0000", email: "pat@acme.example", token: TOKEN },
      ],
      more: 0,
    },
  },
];

describe("messages", () => {
  it("covers every kind", () => {
    expect(samples.map((message) => message.kind).sort()).toEqual([...MAIL_KINDS].sort());
  });

  it.each(samples)("$kind: a subject, a text part and an HTML part with the same absolute links", (message) => {
    const mail = renderMail(message, { appUrl: APP });
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.html.startsWith("<!DOCTYPE html><html")).toBe(true);
    expect(mail.links.length).toBeGreaterThan(0);
    for (const link of mail.links) {
      expect(link.startsWith(`${APP}/`)).toBe(true);
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
    }
    if ("token" in message.payload) expect(mail.links.some((link) => link.endsWith(`/${TOKEN}`))).toBe(true);
  });

  it("links to the pages that take the action (opening a link changes nothing there)", () => {
    const [verify, reset, change, attempt, invitation] = samples.map((message) => renderMail(message, { appUrl: `${APP}/` }).links);
    expect(verify).toEqual([`${APP}/verify-email/${TOKEN}`]);
    expect(reset).toEqual([`${APP}/reset-password/${TOKEN}`]);
    expect(change).toEqual([`${APP}/change-email/${TOKEN}`]);
    expect(attempt).toEqual([`${APP}/sign-in`, `${APP}/forgot-password`]);
    expect(invitation).toEqual([`${APP}/invitations/${TOKEN}`]);
  });

  it("gives the digest RFC 8058's one-click unsubscribe, tel: and mailto: links, and escapes its leads", () => {
    const mail = renderMail(samples.at(-1)!, { appUrl: APP });
    expect(mail.headers).toEqual({
      "List-Unsubscribe": `<${APP}/api/digest/unsubscribe/${TOKEN}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(mail.links).toEqual([`${APP}/digest/done/${TOKEN}`, `${APP}/today`, `${APP}/digest/unsubscribe/${TOKEN}`]);
    expect(mail.html).toContain('href="tel:+442079460000"');
    expect(mail.html).toContain('href="mailto:pat@acme.example"');
    expect(mail.html).toContain("Acme &lt;Ltd&gt;");
    expect(mail.html).not.toContain("Acme <Ltd>");
    expect(mail.text).toContain("Suggested: Phone");
    expect(mail.subject).toBe("Today: 1 lead to contact (Monday, 2 March 2026)");
  });

  it("counts the day's leads beyond those it lists in its subject and says how many more there are", () => {
    const sample = samples.at(-1)!;
    if (sample.kind !== "digest") throw new Error("the last sample is the digest");
    const mail = renderMail({ ...sample, payload: { ...sample.payload, more: 51 } }, { appUrl: APP });
    expect(mail.subject).toBe("Today: 52 leads to contact (Monday, 2 March 2026)");
    expect(mail.text).toContain("And 51 more leads to contact today: see them all on Today.");
    // A digest queued before the count existed reads as none more.
    const stored = parseMailMessage({ kind: "digest", toAddress: sample.to, payload: { ...sample.payload, more: undefined } });
    expect(stored?.kind === "digest" && stored.payload.more).toBe(0);
  });

  it("escapes every value in the HTML part", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const html = renderMail({ kind: "verify_email", to: "x@example.com", payload: { name, token: TOKEN } }, { appUrl: APP }).html;
        const body = html.slice(html.indexOf("<body"), html.indexOf("</body>") + 7);
        // The only tags are the template's own.
        const tags = [...body.matchAll(/<\/?([a-zA-Z]+)/g)].map((match) => match[1]);
        expect(new Set(tags)).toEqual(new Set(["body", "div", "p", "span", "a"]));
      }),
    );
    const html = renderMail({ kind: "verify_email", to: "x@example.com", payload: { name: `<script>"&'`, token: TOKEN } }, { appUrl: APP }).html;
    expect(html).toContain("&lt;script&gt;&quot;&amp;&#x27;");
  });

  it("reads a stored row back only when its payload fits its kind", () => {
    expect(parseMailMessage({ kind: "verify_email", toAddress: "a@example.com", payload: { name: "A", token: TOKEN } })).toMatchObject({
      to: "a@example.com",
    });
    expect(parseMailMessage({ kind: "verify_email", toAddress: "a@example.com", payload: { name: "A" } })).toBeNull();
    expect(parseMailMessage({ kind: "reset_password", toAddress: "a@example.com", payload: null })).toBeNull();
  });

  it("builds absolute links whatever trailing slashes APP_URL has", () => {
    expect(absoluteUrl("http://localhost:3000//", "/sign-in")).toBe("http://localhost:3000/sign-in");
    expect(absoluteUrl("https://example.com/cadence", "/sign-in")).toBe("https://example.com/cadence/sign-in");
  });
});

describe("retries and limits", () => {
  it("backs off doubling from 30 s, never beyond 2 hours, and gives up after a bounded total", () => {
    expect(mailRetryDelayMs(1)).toBe(30_000);
    expect(mailRetryDelayMs(2)).toBe(60_000);
    let total = 0;
    for (let attempt = 1; attempt < MAIL_MAX_ATTEMPTS; attempt++) {
      expect(mailRetryDelayMs(attempt + 1)).toBeGreaterThanOrEqual(mailRetryDelayMs(attempt));
      total += mailRetryDelayMs(attempt);
    }
    expect(mailRetryDelayMs(50)).toBe(2 * 60 * 60 * 1000);
    expect(total).toBeLessThan(12 * 60 * 60 * 1000);
  });

  it("allows a request only while every key is under its limit", () => {
    expect(mailRequestAllowed([{ scope: "address", count: MAIL_REQUEST_LIMITS.address - 1 }, { scope: "client", count: 0 }])).toBe(true);
    expect(mailRequestAllowed([{ scope: "address", count: MAIL_REQUEST_LIMITS.address }, { scope: "client", count: 0 }])).toBe(false);
    expect(mailRequestAllowed([{ scope: "account", count: MAIL_REQUEST_LIMITS.account }])).toBe(false);
  });
});
