import { expect, test, type Page } from "@playwright/test";
import { cronSecretFor, expectNoAxeViolations, expectNoHorizontalScroll, PASSWORD, uniqueEmail } from "./helpers";
import { linkIn, verifyAddress, waitForMail } from "./mail";

const DIGEST_BOX = "E-mail me the day's work each morning";

// Each test walks a whole journey (sign-up, mail, links) on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

/** Signs up with the digest box as it is offered (ticked), from the sign-up page. */
async function signUpWithDigest(page: Page, email: string) {
  await page.goto("/sign-up");
  await expect(page.getByLabel(DIGEST_BOX)).toBeChecked();
  await page.getByLabel("Name").fill("Dana Digest");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByText(/^Time zone:/)).not.toContainText("detecting");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
}

test("the morning digest: offered at sign-up, sent by the scheduler, Done logs the touch, one click unsubscribes", async ({ page, request }, testInfo) => {
  const email = uniqueEmail("digest");
  await signUpWithDigest(page, email);
  await verifyAddress(page, email);

  // Due whatever the hour and the day this runs: from 00:00, every day a contact day, the campaign from today.
  await page.goto("/settings");
  await expect(page.getByLabel(DIGEST_BOX)).toBeChecked();
  await page.getByLabel("Send it from").selectOption("0");
  await page.getByRole("button", { name: "Save digest" }).click();
  await expect(page.getByText("Saved. The digest comes on your contact days from 00:00.")).toBeVisible();
  const today = await page.evaluate(() => new Date().toLocaleDateString("en-CA"));
  await page.getByLabel("Campaign start date").fill(today);
  for (const day of ["Saturday", "Sunday"]) await page.getByLabel(day, { exact: true }).check();
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" }).first()).toBeVisible();

  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("Dawn Widgets");
  await page.getByLabel("Contact name").fill("Pat Early");
  await page.getByLabel("Phone").fill("+44 20 7946 0999");
  await page.getByLabel("E-mail", { exact: true }).fill("pat@dawn.example");
  await page.getByRole("button", { name: /Add lead|Save/ }).first().click();
  await expect(page.getByRole("heading", { name: "Dawn Widgets" })).toBeVisible();

  // The scheduler's call: with the bearer secret only.
  expect((await request.post("/api/cron/digest")).status()).toBe(401);
  const run = await request.post("/api/cron/digest", { headers: { authorization: `Bearer ${cronSecretFor(testInfo)}` } });
  expect(run.status()).toBe(200);
  expect((await run.json()) as { queued: number }).toHaveProperty("queued");

  const mail = await waitForMail(email, /^Today: 1 lead to contact/);
  expect(mail.text).toContain("Dawn Widgets");
  expect(mail.text).toContain("Pat Early");
  expect(mail.text).toContain("Suggested: Phone");
  expect(mail.html).toContain('href="tel:+442079460999"');
  expect(mail.html).toContain('href="mailto:pat@dawn.example"');
  const done = linkIn(mail, "/digest/done/");
  const unsubscribe = linkIn(mail, "/digest/unsubscribe/");
  linkIn(mail, "/today");

  // Another run the same day sends nothing more.
  await request.post("/api/cron/digest", { headers: { authorization: `Bearer ${cronSecretFor(testInfo)}` } });

  // The Done link on a phone, signed out (no password needed); opening it changes nothing.
  const phone = await page.context().browser()!.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const tap = await phone.newPage();
  try {
    await tap.goto(done);
    await expect(tap.getByRole("heading", { name: "Log the touch" })).toBeVisible();
    await expect(tap.getByRole("heading", { name: "Dawn Widgets" })).toBeVisible();
    await expect(tap.getByLabel("How did you make contact?")).toHaveValue("phone");
    await expectNoHorizontalScroll(tap);
    await expectNoAxeViolations(tap);
    await page.goto("/today");
    await expect(page.getByRole("article", { name: "Dawn Widgets" })).not.toHaveAccessibleDescription(/^Done/);

    await tap.getByRole("button", { name: "Done: log the touch" }).tap();
    const answer = tap.getByText("Logged: Phone with Dawn Widgets.");
    await expect(answer).toBeVisible();
    await expect(tap.getByRole("button", { name: "Done: log the touch" })).toHaveCount(0);
    // The link did its one job.
    await tap.goto(done);
    await expect(tap.getByRole("main").getByRole("alert")).toContainText("already used");
  } finally {
    await phone.close();
  }
  await page.goto("/today");
  await expect(page.getByRole("article", { name: "Dawn Widgets" })).toHaveAccessibleDescription(/^Done · /);
  await expect(page.getByRole("article", { name: "Dawn Widgets" })).toContainText("Phone");

  // The unsubscribe link opened in a browser shows a button and changes nothing …
  await page.goto(unsubscribe);
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByLabel(DIGEST_BOX)).toBeChecked();
  // … while the mail app's one-click POST (RFC 8058, no cookie) turns the digest off.
  const oneClick = unsubscribe.replace("/digest/unsubscribe/", "/api/digest/unsubscribe/");
  const posted = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(posted.status()).toBe(200);
  await page.goto("/settings");
  await expect(page.getByLabel(DIGEST_BOX)).not.toBeChecked();
});

test("a forged Done link answers a clear page and changes nothing", async ({ page }) => {
  await page.goto(`/digest/done/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not valid");
  await expectNoAxeViolations(page);
});

test("changing the e-mail address: a link to the new address, a button on the page it opens", async ({ page }) => {
  const email = uniqueEmail("before");
  const next = uniqueEmail("after");
  await signUpWithDigest(page, email);
  await page.goto("/settings");
  // Settings asks for the password in two places (this and deleting the account): this section's.
  const section = page.getByRole("region", { name: "E-mail address" });
  await section.getByLabel("New e-mail address").fill(next);
  await section.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(page.getByText("That is not your password.")).toBeVisible();
  await section.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(page.getByText(`We sent a link to ${next}.`)).toBeVisible();
  await expectNoAxeViolations(page);

  const link = linkIn(await waitForMail(next, /^Confirm your new e-mail address for Cadence$/), "/change-email/");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your new address" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  // Opening the page changed nothing yet.
  await page.goto("/settings");
  await expect(page.getByText(`You sign in with ${email}`)).toBeVisible();
  await page.goto(link);
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByText(`Done: you now sign in with ${next}.`)).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByText(`You sign in with ${next}`)).toBeVisible();
});
