import { expect } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A message the test SMTP server received (e2e/global-setup.ts). */
export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; headers: Record<string, string>; receivedAt: number };

function allMail(): ReceivedMail[] {
  const dir = process.env.E2E_MAIL_DIR!;
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as ReceivedMail);
}

/** Waits for the newest message to `to` whose subject matches (the app sends within seconds). */
export async function waitForMail(to: string, subject: RegExp, { after = 0 } = {}): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = allMail()
          .filter((mail) => mail.to.includes(to.toLowerCase()) && subject.test(mail.subject) && mail.receivedAt >= after)
          .at(-1);
        return Boolean(found);
      },
      { timeout: 20_000, message: `a message to ${to} with the subject ${subject}` },
    )
    .toBe(true);
  return found!;
}

export function mailTo(to: string): ReceivedMail[] {
  return allMail().filter((mail) => mail.to.includes(to.toLowerCase()));
}

/** The one link in the text part that goes to `path` on the app (checked in the HTML part too). */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]).filter((link) => new URL(link).pathname.startsWith(pathPrefix));
  expect(links, `one ${pathPrefix} link in "${mail.subject}"`).toHaveLength(1);
  expect(mail.html).toContain(`href="${links[0]}"`);
  return links[0]!;
}

/** Confirms the address by the link in its verification mail, in this page's browser. */
export async function verifyAddress(page: import("@playwright/test").Page, email: string): Promise<void> {
  await page.goto(linkIn(await waitForMail(email, /^Confirm your e-mail address for Cadence$/), "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText("Your address is confirmed. Thank you.")).toBeVisible();
}
