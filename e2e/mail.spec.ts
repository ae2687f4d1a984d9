import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";
import { linkIn, mailTo, waitForMail } from "./mail";

/*
 * Mail on a real SMTP server (e2e/global-setup.ts starts it on loopback; the app sends to it through
 * SMTP_URL): what arrives is parsed, and its links are followed in the browser.
 */

test("sign up, read the verification mail, confirm by the link's button, and the banner is gone", async ({ page, baseURL }) => {
  const { email } = await signUp(page, { email: uniqueEmail("verify") });
  const banner = page.getByRole("region", { name: "Confirm your address" });
  await expect(banner).toBeVisible();
  await expectNoHorizontalScroll(page);

  const mail = await waitForMail(email, /^Confirm your e-mail address for Cadence$/);
  expect(mail.headers["from"]).toContain("cadence@example.com");
  expect(mail.headers["message-id"]).toMatch(/^<[0-9a-f-]{36}@127\.0\.0\.1>$/);
  expect(mail.text).toContain("Hello Sam Seeker,");
  const link = linkIn(mail, "/verify-email/");
  expect(link.startsWith(`${baseURL}/verify-email/`)).toBe(true);

  // Opening the link (as a mail scanner would) changes nothing: the banner is still there.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your address" })).toBeVisible();
  await page.goto("/today");
  await expect(banner).toBeVisible();

  await page.goto(link);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toHaveText("Your address is confirmed. Thank you.");
  await page.goto("/today");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(banner).toHaveCount(0);

  // Used once: the link now says so, and changes nothing.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This link was already used. Each link works once.");
});

test("forgot password: the mailed link sets a new password, signs in, and ends the old session", async ({ page, browser }) => {
  const { email } = await signUp(page, { email: uniqueEmail("reset") });
  const other = await browser.newContext();
  const device = await other.newPage();
  try {
    await device.goto("/sign-in");
    await device.getByRole("link", { name: "Forgot password?" }).click();
    await expect(device.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await expectNoAxeViolations(device);
    // An address without an account gets the same answer.
    const nobody = uniqueEmail("nobody");
    await device.getByLabel("E-mail", { exact: true }).fill(nobody);
    await device.getByRole("button", { name: "Send me a link" }).click();
    const answer = device.getByRole("status");
    await expect(answer).toContainText(`If an account uses ${nobody}, we sent it a link`);
    await device.getByLabel("E-mail", { exact: true }).fill(email.toUpperCase());
    await device.getByRole("button", { name: "Send me a link" }).click();
    await expect(answer).toContainText(`If an account uses ${email.toUpperCase()}, we sent it a link`);

    const mail = await waitForMail(email, /^Reset your Cadence password$/);
    const link = linkIn(mail, "/reset-password/");
    await device.goto(link);
    await expect(device.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expectNoHorizontalScroll(device);
    await device.getByLabel("New password").fill("short");
    await device.getByRole("button", { name: "Save the new password" }).click();
    await expect(device.getByText("Use at least 8 characters.")).toBeVisible();
    await device.getByLabel("New password").fill("a brand new steady pace");
    await device.getByRole("button", { name: "Save the new password" }).click();
    await expect(device.getByRole("heading", { name: "Today" })).toBeVisible();
    // Signed in on Today, told what happened, with the focus on it.
    const notice = device.getByText("Your password was changed, and every other device was signed out.");
    await expect(notice).toBeVisible();
    await expect(notice).toBeFocused();
    // Reading the mail proved the address too.
    await expect(device.getByRole("region", { name: "Confirm your address" })).toHaveCount(0);

    // The first browser's session has ended.
    await page.goto("/today");
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, email, PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
    await signIn(page, email, "a brand new steady pace");
    await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();

    // The link works once.
    await device.goto(link);
    await expect(device.getByRole("main").getByRole("alert")).toHaveText("This link was already used. Each link works once.");
    expect(mailTo(nobody)).toEqual([]);
  } finally {
    await other.close();
  }
});

test("forged links and other people's links answer a clear page and change nothing", async ({ page, browser }) => {
  const { email } = await signUp(page, { email: uniqueEmail("owner") });
  const link = linkIn(await waitForMail(email, /^Confirm your e-mail address/), "/verify-email/");

  const other = await browser.newContext();
  const intruder = await other.newPage();
  try {
    await signUp(intruder, { email: uniqueEmail("intruder") });
    await intruder.goto(link);
    await expect(intruder.getByRole("main").getByRole("alert")).toHaveText("This link belongs to another account. Sign out first, then open the link again.");
    await expect(intruder.getByRole("button", { name: "Confirm my address" })).toHaveCount(0);
  } finally {
    await other.close();
  }
  for (const forged of ["/verify-email/", "/reset-password/"].map((path) => `${path}${"x".repeat(43)}`)) {
    await page.goto(forged);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is not valid.");
  }
  await page.goto("/today");
  await expect(page.getByRole("region", { name: "Confirm your address" })).toBeVisible();
});

test("signing up again with a taken address: the same answer, and its owner gets a note", async ({ page, browser }) => {
  const { email } = await signUp(page, { email: uniqueEmail("taken") });
  const other = await browser.newContext();
  const stranger = await other.newPage();
  try {
    await stranger.goto("/sign-up");
    await stranger.getByLabel("Name").fill("Mallory");
    await stranger.getByLabel("E-mail", { exact: true }).fill(email);
    await stranger.getByLabel("Password").fill("another calm pace here");
    await expect(stranger.getByText(/^Time zone:/)).not.toContainText("detecting");
    await stranger.getByRole("button", { name: "Create account" }).click();
    await expect(stranger.getByRole("status")).toHaveText(`Check your inbox: we sent a message to ${email}. It says how to go on.`);
    const note = await waitForMail(email, /^Someone tried to sign up for Cadence with your address$/);
    linkIn(note, "/forgot-password");
    linkIn(note, "/sign-in");
  } finally {
    await other.close();
  }
});
