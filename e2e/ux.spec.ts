import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, openMoreMenu, PASSWORD, signUp, uniqueEmail } from "./helpers";

test.describe.configure({ timeout: 120_000 });

async function screenOk(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

/** The form's answer has the focus and is on screen, wherever the form sits on the page. */
async function expectAnswerFocused(page: Page, answer: RegExp | string, role: "alert" | "status" = "alert") {
  const message = page.getByRole("main").getByRole(role).filter({ hasText: answer });
  await expect(message).toBeFocused();
  await expect(message).toBeInViewport();
}

const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1280) < 640;

test("every form's answer takes the focus and is on screen: Settings, a lead, a material", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings");
  // The profile form: refused, then saved.
  await page.getByLabel("Name", { exact: true }).fill(" ");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectAnswerFocused(page, "Please correct the highlighted fields.");
  await page.getByLabel("Name", { exact: true }).fill("Sam Seeker");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectAnswerFocused(page, /^Saved\.$/, "status");
  // Far down the page: the password form.
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expectAnswerFocused(page, "Please correct the highlighted fields.");
  // The campaign form.
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expectAnswerFocused(page, /^Saved\. (Your first contacts are planned|No campaign is planned)\.$/, "status");
  await screenOk(page);

  // A lead's form, refused.
  await page.goto("/leads/new");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expectAnswerFocused(page, /correct/);
  await page.getByLabel("Company").fill("Acme Rockets");
  await page.getByLabel("LinkedIn URL").fill("www.linkedin.com/in/ann");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page.getByRole("link", { name: "https://www.linkedin.com/in/ann" })).toBeVisible();

  // A material's form, refused then added with an address typed without https://.
  await page.goto("/materials");
  await page.getByLabel("Title").fill("Portfolio");
  await page.getByLabel("Link (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Add material" }).click();
  await expectAnswerFocused(page, /correct/);
  await page.getByLabel("Link (optional)").fill("www.example.com/portfolio");
  await page.getByRole("button", { name: "Add material" }).click();
  await expect(page.getByRole("link", { name: /Portfolio/ }).first()).toHaveAttribute("href", "https://www.example.com/portfolio");
  await screenOk(page);
});

test("More details has its own channel choice and Save; the touch is saved with its note", async ({ page }) => {
  await signUp(page);
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("Globex");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}/);
  await page.getByText("More details").click();
  await expect(page.getByText("choose the channel above")).toHaveCount(0);
  await page.getByRole("radio", { name: "Phone", exact: true }).check();
  await page.getByLabel("Note", { exact: true }).fill("Spoke to the office manager");
  await screenOk(page);
  await page.getByRole("button", { name: "Save touch" }).click();
  await expectAnswerFocused(page, "Logged: Phone with Globex.", "status");
  await page.reload();
  await expect(page.getByText(/Spoke to the office manager/).first()).toBeVisible();
});

test("a coach signs up as a coach: lands on Clients, sees no seeker screens until they choose them in Settings", async ({ page }) => {
  await signUp(page, { name: "Cass Coach", uses: "coaching" });
  await expect(page).toHaveURL(/\/coach$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Coach", exact: true })).toBeVisible();
  for (const seekerScreen of ["Today", "Leads", "Materials"]) await expect(nav.getByRole("link", { name: seekerScreen, exact: true })).toHaveCount(0);
  // The invitation's link and code each have a Copy button.
  await page.getByRole("button", { name: "Create an invitation" }).click();
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy code" })).toBeVisible();
  await page.getByRole("button", { name: "Copy code" }).click();
  await expect(page.getByText(/^(Copied\.|Could not copy: select it and copy it by hand\.)$/)).toBeVisible();
  await screenOk(page);

  await openMoreMenu(page);
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("radio", { name: "Coaching job seekers", exact: true })).toBeChecked();
  await page.getByRole("radio", { name: "Both", exact: true }).check();
  await page.getByRole("button", { name: "Save what I use Cadence for" }).click();
  await expectAnswerFocused(page, /^Saved\. The menu shows Today, Leads, Materials and Coach\.$/, "status");
  await expect(nav.getByRole("link", { name: "Today", exact: true })).toBeVisible();
  await screenOk(page);
});

test("a seeker does not see Coach until they choose to coach", async ({ page }) => {
  await signUp(page, { uses: "seeking" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Today", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Coach", exact: true })).toHaveCount(0);
  await page.goto("/settings");
  await page.getByRole("radio", { name: "Both", exact: true }).check();
  await page.getByRole("button", { name: "Save what I use Cadence for" }).click();
  await expect(nav.getByRole("link", { name: "Coach", exact: true })).toBeVisible();
});

test("on a phone: four daily screens in a bottom tab bar, Settings and Sign out behind More; on a desktop one top bar", async ({ page }) => {
  await signUp(page, { uses: "both" });
  const nav = page.getByRole("navigation", { name: "Main" });
  const screens = ["Today", "Leads", "Materials", "Coach"];
  for (const name of screens) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  if (isPhone(page)) {
    // One row, at the bottom of the screen, and Sign out not beside anything by mistake.
    const boxes = await Promise.all(screens.map((name) => nav.getByRole("link", { name, exact: true }).boundingBox()));
    const tops = new Set(boxes.map((box) => Math.round(box!.y)));
    expect(tops.size).toBe(1);
    expect(boxes[0]!.y + boxes[0]!.height).toBeGreaterThan(page.viewportSize()!.height - 80);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();
    await page.getByRole("button", { name: "More", exact: true }).click();
    await expect(page.getByRole("button", { name: "More", exact: true })).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await screenOk(page);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await expect(page.getByRole("button", { name: "More", exact: true })).toBeFocused();
    await nav.getByRole("link", { name: "Leads", exact: true }).click();
    await expect(nav.getByRole("link", { name: "Leads", exact: true })).toHaveAttribute("aria-current", "page");
  } else {
    await expect(page.getByRole("button", { name: "More", exact: true })).toBeHidden();
    await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  await screenOk(page);
});

test("signed out, an invitation link names the inviter and offers an account first; after sign-up the consent screen", async ({ browser, page }) => {
  await signUp(page, { name: "Cleo Inviter", uses: "coaching" });
  await page.getByRole("button", { name: "Create an invitation" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const stranger = await context.newPage();
  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { name: "Invitation from Cleo Inviter" })).toBeVisible();
  const main = stranger.getByRole("main");
  await expect(main.getByRole("link").first()).toHaveText("Create an account");
  await screenOk(stranger);
  await main.getByRole("link", { name: "Create an account" }).click();
  await stranger.getByLabel("Name", { exact: true }).fill("Nell Newcomer");
  await stranger.getByLabel("E-mail", { exact: true }).fill(uniqueEmail("nell"));
  await stranger.getByLabel("Password").fill(PASSWORD);
  await expect(stranger.getByText(/^Time zone:/)).not.toContainText("detecting");
  await stranger.getByRole("button", { name: "Create account" }).click();
  await expect(stranger.getByRole("heading", { name: "Invitation from Cleo Inviter" })).toBeVisible();
  await expect(stranger.getByRole("button", { name: "Accept and connect" })).toBeVisible();
  await context.close();
});

test("a code from a coach is typed in Settings; unknown pages look like the app", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings");
  await page.getByLabel("Code from your coach").fill("abcd-efgh");
  await page.getByRole("button", { name: "Find invitation" }).click();
  await expect(page).toHaveURL(/\/invitations\?code=abcd-efgh/);
  await expect(page.getByText(/There is no invitation with this link or code/)).toBeVisible();

  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await screenOk(page);
});

test("a paused lead says until when, in the list, in the app's date format", async ({ page }) => {
  await signUp(page);
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("Initech");
  await page.getByRole("button", { name: "Add lead" }).click();
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Pause until").fill(until);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByText(/^Paused until [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}\.$/)).toBeVisible();
  await page.goto("/leads");
  // The badge sits in the State column on a wide screen and under the company on a phone: one shows.
  await expect(page.getByText(/^Paused until [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}$/).filter({ visible: true })).toBeVisible();
  await screenOk(page);
});
