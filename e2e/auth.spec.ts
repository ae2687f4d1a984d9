import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, openMoreMenu, PASSWORD, signIn, signOut, signUp, uniqueEmail } from "./helpers";

test("sign up, sign out and sign in again, with the browser's time zone kept @postgres", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { name, email } = await signUp(page);
  await expect(page.getByText(`Hello, ${name}.`)).toBeVisible();
  await expect(page.getByText(/in UTC|in [A-Z][a-z]+/)).toBeVisible();
  await signOut(page);

  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
});

test.describe("time zone from the browser", () => {
  test.use({ timezoneId: "Asia/Kathmandu" });
  test("is stored at sign-up and changeable in settings", async ({ page }) => {
    await signUp(page);
    // Chromium and Node name it by its older alias, Asia/Katmandu.
    await expect(page.getByText(/in Asia\/Kath?mandu\./)).toBeVisible();
    await openMoreMenu(page);
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByLabel("Time zone")).toHaveValue(/^Asia\/Kath?mandu$/);
    await page.getByLabel("Time zone").selectOption("America/St_Johns");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.getByRole("link", { name: "Today" }).click();
    await expect(page.getByText("in America/St Johns")).toBeVisible();
  });
});

test("a wrong password and an unknown e-mail get the same message, and keep the e-mail typed", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);

  await signIn(page, email, "not my password at all");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue(email);

  await signIn(page, uniqueEmail("nobody"), PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
});

test("sign-up explains each problem at its field", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // A taken address is not told apart from a new one: its owner gets a message (e2e/mail.spec.ts).
  await expect(page.getByRole("status")).toHaveText(`Check your inbox: we sent a message to ${email}. It says how to go on.`);

  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("E-mail", { exact: true }).fill(uniqueEmail());
  await page.getByLabel("Password").fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/too common/)).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();

  await page.getByLabel("Password").fill("x".repeat(129));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at most 128 characters.")).toBeVisible();

  await page.getByLabel("Name").fill("");
  await page.getByLabel("E-mail", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
});

test("an anonymous visitor is sent to sign-in and back to the page after", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
});

test("a new visitor who signs up from a protected page comes back to it", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=%2Fsettings$/);
  await page.getByLabel("Name").fill("Newcomer");
  await page.getByLabel("E-mail", { exact: true }).fill(uniqueEmail("newcomer"));
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByText(/^Time zone:/)).not.toContainText("detecting");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
});

test("a second device stays signed in until sign out everywhere ends both @postgres", async ({ browser, page }) => {
  const { email } = await signUp(page);
  const otherDevice = await browser.newContext();
  const phone = await otherDevice.newPage();
  await signIn(phone, email);
  await expect(phone.getByRole("heading", { name: "Today" })).toBeVisible();

  // Both devices are signed in at once, for 30 days.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  const cookie = (await otherDevice.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29);
  expect(days).toBeLessThanOrEqual(30);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await phone.goto("/today");
  await expect(phone).toHaveURL(/\/sign-in/);
  await phone.goto("/settings");
  await expect(phone).toHaveURL(/\/sign-in/);
  await otherDevice.close();
});

test("changing the password ends the other devices' sessions but not this one", async ({ browser, page }) => {
  const { email } = await signUp(page);
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await signIn(other, email);
  await expect(other.getByRole("heading", { name: "Today" })).toBeVisible();

  await page.goto("/settings");
  await page.getByLabel("Current password").fill("wrong current password");
  await page.getByLabel("New password").fill("a brand new pace for me");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("a brand new pace for me");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other devices have been signed out.")).toBeVisible();

  await page.goto("/today");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await other.goto("/today");
  await expect(other).toHaveURL(/\/sign-in/);
  await signIn(other, email, PASSWORD);
  await expect(other.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await signIn(other, email, "a brand new pace for me");
  await expect(other.getByRole("heading", { name: "Today" })).toBeVisible();
  await otherDevice.close();
});

test("repeated failed sign-ins are slowed down, even for the right password", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, email, `wrong password ${attempt}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  }
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed attempts\. Try again in \d+ seconds\./);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("health answers with the database's state @postgres", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
  expect(response.headers()["x-powered-by"]).toBeUndefined();
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("every screen passes axe and fits a phone, by keyboard too", async ({ page }) => {
  // Many pages, each analysed by axe: more than the default minute on a loaded 2-core machine.
  test.slow();
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  }
  await page.goto("/sign-in?next=/settings");
  await page.getByLabel("Password").fill("something wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Keyboard only: tab to the fields and submit with Enter.
  const { email } = await signUp(page);
  await signOut(page);
  await page.goto("/sign-in");
  await page.getByLabel("E-mail", { exact: true }).focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();

  for (const path of ["/today", "/settings"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  }
});
