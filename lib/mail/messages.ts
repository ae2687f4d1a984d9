import { z } from "zod";
import { CHANNELS } from "@/lib/domain/pace";
import { formatDate, formatLongDate, plural, telHref } from "@/lib/format";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import type { MailKind } from "./kinds";
import { absoluteUrl, MAIL_PATHS } from "./links";

/*
 * Every message as a pure function of its data and the app's public address: the subject, a plain
 * text part and an HTML part (a fixed template, every value escaped).
 * A new kind of message (the morning digest) is one more entry in MAIL_KINDS, PAYLOADS and RENDERERS.
 */

const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const name = z.string().max(200);

/** What the outbox row keeps for each kind: checked again when the row is sent. */
export const PAYLOADS = {
  verify_email: z.object({ name, token }),
  reset_password: z.object({ name, token }),
  change_email: z.object({ name, token }),
  sign_up_attempt: z.object({ name }),
  coach_invitation: z.object({ seekerName: name, seekerEmail: z.string().max(320), token, expiresAt: z.iso.datetime() }),
  // As sent: db/queries/digest.ts fills it in when the message goes (the row starts with the day alone).
  digest: z.object({
    localDate: z.iso.date(),
    timeZone: z.string().max(100),
    name,
    unsubscribeToken: token,
    items: z
      .array(
        z.object({
          company: z.string().max(500),
          person: z.string().max(500),
          reason: z.string().max(200),
          channel: z.enum(CHANNELS),
          phone: z.string().max(200),
          email: z.string().max(320),
          token,
        }),
      )
      .min(1)
      .max(500),
    /** The day's other leads not done, beyond those listed (db/queries/digest.ts lists Today's first rows). */
    more: z.number().int().min(0).max(1_000_000).default(0),
  }),
} satisfies Record<MailKind, z.ZodType>;

export type MailPayload<K extends MailKind> = z.infer<(typeof PAYLOADS)[K]>;
export type MailMessage = { [K in MailKind]: { kind: K; to: string; payload: MailPayload<K> } }[MailKind];

export type RenderedMail = {
  subject: string;
  text: string;
  html: string;
  /** Every link in the message (the no-SMTP log prints them). */
  links: string[];
  /** Extra headers: the digest's List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers: Record<string, string>;
};

/** Text; a link to the app (a button); a link elsewhere (tel:, mailto:, shown inline); a bold line. */
type Paragraph = string | { link: string; label: string; inline?: boolean } | { href: string; label: string } | { strong: string };
type Draft = {
  subject: string;
  greeting: string;
  body: Paragraph[][];
  footer: string;
  headers?: Record<string, string>;
};

function verifyEmail(p: MailPayload<"verify_email">, appUrl: string): Draft {
  const link = absoluteUrl(appUrl, MAIL_PATHS.verifyEmail(p.token));
  return {
    subject: "Confirm your e-mail address for Cadence",
    greeting: `Hello ${p.name},`,
    body: [
      ["Please confirm that this is your e-mail address, so Cadence can send you invitations and reminders."],
      [{ link, label: "Confirm my address" }],
      ["The link works once, for 3 days."],
    ],
    footer: "Did not sign up for Cadence? Ignore this message: nothing happens without a click on the page the link opens.",
  };
}

function resetPassword(p: MailPayload<"reset_password">, appUrl: string): Draft {
  const link = absoluteUrl(appUrl, MAIL_PATHS.resetPassword(p.token));
  return {
    subject: "Reset your Cadence password",
    greeting: `Hello ${p.name},`,
    body: [
      ["Someone (we hope you) asked to reset the password of your Cadence account. Choose a new one here:"],
      [{ link, label: "Choose a new password" }],
      ["The link works once, for one hour. Resetting signs you out on every other device."],
    ],
    footer: "Did not ask for this? Ignore this message: your password stays as it is.",
  };
}

function changeEmail(p: MailPayload<"change_email">, appUrl: string): Draft {
  const link = absoluteUrl(appUrl, MAIL_PATHS.changeEmail(p.token));
  return {
    subject: "Confirm your new e-mail address for Cadence",
    greeting: `Hello ${p.name},`,
    body: [
      ["You asked to use this address for your Cadence account. It takes effect once you confirm it:"],
      [{ link, label: "Use this address" }],
      ["The link works once, for one day. Until then you sign in with your old address."],
    ],
    footer: "Did not ask for this? Ignore this message: nothing changes.",
  };
}

function signUpAttempt(p: MailPayload<"sign_up_attempt">, appUrl: string): Draft {
  return {
    subject: "Someone tried to sign up for Cadence with your address",
    greeting: `Hello ${p.name},`,
    body: [
      ["Someone tried to create a Cadence account with this e-mail address, which already has one: yours."],
      ["If it was you, sign in instead:", { link: absoluteUrl(appUrl, MAIL_PATHS.signIn()), label: "Sign in" }],
      ["Forgot your password? Choose a new one:", { link: absoluteUrl(appUrl, MAIL_PATHS.forgotPassword()), label: "Reset my password" }],
    ],
    footer: "Was it not you? Nothing changed: no account was created and your password is as it was.",
  };
}

function coachInvitation(p: MailPayload<"coach_invitation">, appUrl: string): Draft {
  const link = absoluteUrl(appUrl, MAIL_PATHS.invitation(p.token));
  return {
    subject: `${p.seekerName} invites you to follow their job search on Cadence`,
    greeting: "Hello,",
    body: [
      [`${p.seekerName} (${p.seekerEmail}) would like you, as their coach, to see how their follow-ups keep pace on Cadence: their leads and touches, read only.`],
      [{ link, label: "See the invitation" }],
      [
        `Sign in, or create an account, with this e-mail address and confirm the address to accept. The invitation is open until ${formatDate(new Date(p.expiresAt), "UTC")} and works once.`,
      ],
    ],
    footer: "Do not know this person? Ignore this message: nothing happens unless you accept.",
  };
}

/** The digest's List-Unsubscribe target: a POST there turns the digest off at once (RFC 8058); a GET shows a button. */
function digest(p: MailPayload<"digest">, appUrl: string): Draft {
  const unsubscribe = absoluteUrl(appUrl, MAIL_PATHS.digestUnsubscribe(p.unsubscribeToken));
  const day = formatLongDate(new Date(`${p.localDate}T12:00:00Z`), "UTC");
  const leads: Paragraph[][] = p.items.map((item) => [
    { strong: item.company },
    ...(item.person ? [item.person] : []),
    `${item.reason}. Suggested: ${CHANNEL_LABELS[item.channel]}.`,
    ...(item.phone ? [{ href: telHref(item.phone), label: `Call ${item.phone}` }] : []),
    ...(item.email ? [{ href: `mailto:${item.email}`, label: `E-mail ${item.email}` }] : []),
    { link: absoluteUrl(appUrl, MAIL_PATHS.digestDone(item.token)), label: `Done: ${item.company}` },
  ]);
  const more: Paragraph[][] = p.more > 0 ? [[`And ${plural(p.more, "more lead")} to contact today: see them all on Today.`]] : [];
  return {
    subject: `Today: ${plural(p.items.length + p.more, "lead")} to contact (${day})`,
    greeting: `Good morning ${p.name},`,
    body: [
      [`Your work for ${day}, in the order Today shows it. Tap "Done" after each contact to log it: the page it opens asks you to confirm.`],
      ...leads,
      ...more,
      [{ link: absoluteUrl(appUrl, MAIL_PATHS.today()), label: "Open Today" }],
      [`The "Done" links work until the end of ${day}. Rather not get this each morning?`, { link: unsubscribe, label: "Unsubscribe", inline: true }],
    ],
    footer: "You get this on your contact days because you asked for it at sign-up or in Settings, where you can change its hour.",
    headers: {
      "List-Unsubscribe": `<${absoluteUrl(appUrl, MAIL_PATHS.digestUnsubscribeOneClick(p.unsubscribeToken))}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

const RENDERERS: { [K in MailKind]: (payload: MailPayload<K>, appUrl: string) => Draft } = {
  verify_email: verifyEmail,
  reset_password: resetPassword,
  change_email: changeEmail,
  sign_up_attempt: signUpAttempt,
  coach_invitation: coachInvitation,
  digest,
};

/** The message as sent: subject, both parts, its links and extra headers. */
export function renderMail(message: MailMessage, { appUrl }: { appUrl: string }): RenderedMail {
  const render = RENDERERS[message.kind] as (payload: MailMessage["payload"], appUrl: string) => Draft;
  const draft = render(message.payload, appUrl);
  const links = [...draft.body.flat().flatMap((part) => (typeof part === "object" && "link" in part ? [part.link] : []))];
  return {
    subject: draft.subject,
    text: plainText(draft),
    html: mailHtml(draft),
    links,
    headers: draft.headers ?? {},
  };
}

/** A row's kind and payload as a message; null when the stored payload no longer fits its kind. */
export function parseMailMessage(row: { kind: MailKind; toAddress: string; payload: unknown }): MailMessage | null {
  const parsed = PAYLOADS[row.kind].safeParse(row.payload);
  if (!parsed.success) return null;
  return { kind: row.kind, to: row.toAddress, payload: parsed.data } as MailMessage;
}

function plainText(draft: Draft): string {
  const paragraphs = draft.body.map((parts) =>
    parts.map((part) => (typeof part === "string" ? part : "strong" in part ? part.strong : "link" in part ? `${part.label}: ${part.link}` : `${part.label}: ${part.href}`)).join("\n"),
  );
  return [draft.greeting, ...paragraphs, `-- \n${draft.footer}`].join("\n\n") + "\n";
}

/** Text as HTML: every character that could open markup or end an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char]!);
}

const STYLE = {
  body: "margin:0;padding:24px;background-color:#fafaf9;font-family:Arial,Helvetica,sans-serif;color:#1c1917",
  card: "max-width:560px;margin:0 auto;padding:24px;background-color:#ffffff;border-radius:8px",
  p: "font-size:16px;line-height:24px;margin:0 0 16px",
  button: "display:inline-block;padding:12px 20px;background-color:#0f766e;color:#ffffff;border-radius:6px;font-weight:600;text-decoration:none",
  strong: "font-weight:700;font-size:17px",
  inline: "color:#0f766e;text-decoration:underline",
  footer: "font-size:13px;line-height:20px;color:#57534e;margin:24px 0 0",
};

/**
 * The HTML part: a fixed template in which every value goes through escapeHtml. (Not React's
 * renderToStaticMarkup: Next.js refuses react-dom/server in server code.)
 */
function mailHtml(draft: Draft): string {
  const part = (item: Paragraph) =>
    typeof item === "string"
      ? `<span>${escapeHtml(item)} </span>`
      : "strong" in item
        ? `<span style="${STYLE.strong}">${escapeHtml(item.strong)}</span><br>`
        : "link" in item
          ? `<a href="${escapeHtml(item.link)}" style="${item.inline ? STYLE.inline : STYLE.button}">${escapeHtml(item.label)}</a>`
          : `<a href="${escapeHtml(item.href)}" style="${STYLE.inline}">${escapeHtml(item.label)}</a><br>`;
  const paragraphs = draft.body.map((parts) => `<p style="${STYLE.p}">${parts.map(part).join("")}</p>`).join("");
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(draft.subject)}</title></head><body style="${STYLE.body}"><div style="${STYLE.card}">` +
    `<p style="${STYLE.p}">${escapeHtml(draft.greeting)}</p>${paragraphs}<p style="${STYLE.footer}">${escapeHtml(draft.footer)}</p>` +
    `</div></body></html>`
  );
}
