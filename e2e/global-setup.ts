// A real SMTP server on loopback for the browser tests: the app servers send to it (SMTP_URL in
// playwright.config.ts), and each message it accepts is parsed and written as JSON into
// E2E_MAIL_DIR, where e2e/mail.ts reads it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startTestSmtpServer } from "../test/smtp-server";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = process.env.E2E_MAIL_DIR!;
  let count = 0;
  const server = await startTestSmtpServer({
    port: Number(process.env.E2E_SMTP_PORT),
    onMail: ({ envelopeTo, parsed }) => {
      const headers = Object.fromEntries([...parsed.headers.entries()].map(([name, value]) => [name, String(typeof value === "object" && value && "text" in value ? value.text : value)]));
      const mail = { to: envelopeTo, subject: parsed.subject, text: parsed.text, html: parsed.html, headers, receivedAt: Date.now() };
      writeFileSync(path.join(dir, `${Date.now()}-${count++}.json`), JSON.stringify(mail));
    },
  });
  return () => server.close();
}
