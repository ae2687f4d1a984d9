import { expect, test, type Browser, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, expectNoHorizontalScroll, PASSWORD, signIn, signUpOverHttp, uniqueEmail } from "./helpers";

// Two people sign up and act in turn, with 50 sample leads: longer than one person's test.
test.describe.configure({ timeout: 300_000 });

async function newPerson(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await signUpOverHttp(page, { name, email });
  return { page, name, email, close: () => context.close() };
}

async function expectScreenOk(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

/** The coach invites by link and the seeker accepts: the coach then sees the seeker as a client. */
async function connect(coach: Page, seeker: Page) {
  await coach.goto("/coach");
  await coach.getByRole("button", { name: "Create an invitation" }).click();
  const link = await coach.getByLabel("Invitation link").inputValue();
  await seeker.goto(link);
  await seeker.getByRole("button", { name: "Accept and connect" }).click();
  await expect(seeker.getByText(/You are connected with/)).toBeVisible();
}

test("'Download all my data' gives one zip with every lead, touch and setting, as CSV and JSON", async ({ page }) => {
  const { email } = await signUpOverHttp(page, { name: "Sam Seeker", email: uniqueEmail("export") });
  await page.goto("/leads");
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await expect(page.getByText("Showing all 50.")).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  await expectScreenOk(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cadence-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const text = (name: string) => new TextDecoder().decode(files[name]!);
  const leads = JSON.parse(text("leads.json")) as { company: string }[];
  expect(leads).toHaveLength(50);
  expect(leads.map((lead) => lead.company)).toContain("Northwind Logistics");
  // The CSV holds the same leads: a header and one line each (no cell of the sample data spans lines).
  expect(text("leads.csv").trim().split("\r\n")).toHaveLength(51);
  expect((JSON.parse(text("touches.json")) as unknown[]).length).toBeGreaterThan(0);
  expect(JSON.parse(text("account.json"))).toMatchObject({ name: "Sam Seeker", email });
  expect(text("account.json")).not.toContain("passwordHash");
});

test("'Delete my account' needs the password, removes the account, ends the coach's view and signs out", async ({ browser, page }) => {
  const coach = await newPerson(browser, "Carla Coach");
  const email = uniqueEmail("leaving");
  await signUpOverHttp(page, { name: "Lee Leaving", email });
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("Acme Rockets");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}/);
  await connect(coach.page, page);
  await coach.page.goto("/coach");
  await coach.page.getByRole("link", { name: /Lee Leaving/ }).first().click();
  await expect(coach.page).toHaveURL(/\/coach\/clients\/[0-9a-f-]{36}/);
  const clientUrl = coach.page.url();

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Delete your account" });
  await expect(section).toBeVisible();
  await expectScreenOk(page);

  // A wrong password: the error at the field, nothing deleted.
  await section.getByLabel("Your password").fill("not my password");
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(section.getByText("That is not your password.")).toBeVisible();
  await expect(section.getByLabel("Your password")).toHaveAttribute("aria-invalid", "true");
  await expectScreenOk(page);
  await coach.page.goto(clientUrl);
  await expect(coach.page.getByRole("heading", { name: /Lee Leaving/ }).first()).toBeVisible();

  // The right one, typed by keyboard and sent with Enter.
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByLabel("Your password").press("Enter");
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await expectScreenOk(page);

  // Signed out: the app's pages send to sign-in, and the address no longer signs in.
  await page.goto("/today");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email);
  // Its own message: Next's route announcer is an alert too, once a navigation has happened in the page.
  await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // The coach's view ends at once.
  const response = await coach.page.goto(clientUrl);
  expect(response?.status()).toBe(404);
  await coach.page.goto("/coach");
  await expect(coach.page.getByText("No clients yet.")).toBeVisible();
  await coach.close();
});
