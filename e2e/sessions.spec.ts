import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, signIn, signOut, signUp } from "./helpers";

async function sessionUserId(request: import("@playwright/test").APIRequestContext): Promise<string | null> {
  const response = await request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: { id?: string } } | null;
  return body?.user?.id ?? null;
}

test("a session cookie copied before 'Sign out' opens nothing after it, and /api/auth/session names no one", async ({ page, context, browser }) => {
  await signUp(page);
  // The thief's copy: the same cookie, in another browser.
  const stolen = await browser.newContext({ storageState: await context.storageState() });
  const thief = await stolen.newPage();
  await thief.goto("/today");
  await expect(thief.getByRole("heading", { name: "Today" })).toBeVisible();
  expect(await sessionUserId(stolen.request)).not.toBeNull();

  await signOut(page);

  await thief.goto("/today");
  await expect(thief).toHaveURL(/\/sign-in/);
  expect(await sessionUserId(stolen.request)).toBeNull();
  await stolen.close();
});

test("Settings lists the devices signed in; each can be signed out from another, at 360 px too", async ({ page, browser, context }) => {
  test.slow();
  const { email } = await signUp(page);
  // A second device: a fresh browser that signs in with a phone's User-Agent.
  const phone = await browser.newContext({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    viewport: { width: 360, height: 780 },
  });
  const phonePage = await phone.newPage();
  await signIn(phonePage, email);
  await expect(phonePage.getByRole("heading", { name: "Today" })).toBeVisible();

  await phonePage.goto("/settings");
  const devices = phonePage.getByRole("region", { name: "Devices signed in" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  const thisOne = devices.getByRole("listitem").filter({ hasText: "This device" });
  await expect(thisOne).toContainText("Safari on iOS");
  await expect(thisOne).toContainText(/Signed in\s*\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} from 127\.0\.0\.1/);
  await expect(thisOne).toContainText(/Last seen\s*\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  await expect(thisOne.getByRole("button", { name: "Sign out this device" })).toBeVisible();
  await expectNoAxeViolations(phonePage);
  await expectNoHorizontalScroll(phonePage);

  // From the phone, sign the desktop browser out: its next request finds no one.
  const desktop = devices.getByRole("listitem").filter({ hasNotText: "This device" });
  const desktopLabel = (await desktop.locator("strong").textContent())!;
  await desktop.getByRole("button", { name: `Sign out ${desktopLabel}` }).click();
  // The page shows the list again without that device.
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await page.goto("/today");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await sessionUserId(context.request)).toBeNull();

  // And this device itself: to the sign-in page, and the row is gone.
  await thisOne.getByRole("button", { name: "Sign out this device" }).click();
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await phonePage.goto("/today");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await phone.close();
});
