import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { MailConfig } from "@/lib/server/env";

/** One message as it goes out. `id` is the outbox row's: it names the Message-ID and the file. */
export type OutgoingMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  links: string[];
};

export type MailTransport = {
  /** Resolves once the SMTP server acknowledged the message (or the file is written); throws otherwise. */
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
};

/** The Message-ID is the outbox row's, so a message sent twice (docs/reliability.md, "Mail") is recognisably one. */
function messageId(id: string, appUrl: string): string {
  return `<${id}@${new URL(appUrl).hostname || "cadence"}>`;
}

/** The message as nodemailer builds it, the same for both transports. */
function nodemailerMessage(mail: OutgoingMail, config: MailConfig) {
  return {
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId: messageId(mail.id, config.appUrl),
  };
}

/** An SMTP server's `SMTP_URL`, through nodemailer; a connection per message (mail is rare). */
export function smtpTransport(config: MailConfig & { smtpUrl: string }): MailTransport {
  const transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (mail) => {
      await transporter.sendMail(nodemailerMessage(mail, config));
    },
    close: () => transporter.close(),
  };
}

/**
 * No SMTP server (the embedded default): each message becomes an .eml file in the data folder, and
 * its subject and links go to the server log, so someone running Cadence alone can still verify an
 * address or reset a password. These are the only log lines with an address or a link's token.
 */
export function fileTransport(config: MailConfig, log: (line: string) => void = console.log): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (mail) => {
      const info = await builder.sendMail(nodemailerMessage(mail, config));
      mkdirSync(config.outboxDir, { recursive: true });
      const file = path.join(config.outboxDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`);
      writeFileSync(file, info.message as Buffer, { mode: 0o600 });
      log(`[cadence] mail (no SMTP_URL) to ${mail.to}: "${mail.subject}", written to ${file}${mail.links.map((link) => `\n  ${link}`).join("")}`);
    },
    close: () => {},
  };
}

export function mailTransport(config: MailConfig): MailTransport {
  return config.smtpUrl ? smtpTransport({ ...config, smtpUrl: config.smtpUrl }) : fileTransport(config);
}
