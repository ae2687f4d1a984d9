import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { signUp, uniqueEmail } from "./helpers";
import { verifyAddress } from "./mail";

/*
 * The README's pictures: Today, Leads, a lead, Coach and Settings at 1280 px (desktop) and 360 px
 * (phone), full page, written to docs/screens/. Realistic data: the sample leads and a coach who is
 * connected and left a note. Robust to layout changes: every screen is reached by its URL and shot
 * once its main heading shows. Regenerate with:
 *   npx next build && npx playwright test e2e/screens.spec.ts --project desktop --project phone
 */

const SCREENS_DIR = path.join(process.cwd(), "docs", "screens");

test.describe.configure({ timeout: 180_000 });

test("screenshots of the main screens for the README", async ({ browser, page }, testInfo) => {
  const width = testInfo.project.name === "phone" ? 360 : 1280;
  mkdirSync(SCREENS_DIR, { recursive: true });

  async function shoot(on: Page, name: string, url: string, heading: string | RegExp) {
    await on.goto(url);
    await expect(on.getByRole("main").getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // Web fonts and images settled, so the picture is the page as a person sees it.
    await on.evaluate(() => document.fonts.ready);
    await on.screenshot({ path: path.join(SCREENS_DIR, `${name}-${width}.png`), fullPage: true, animations: "disabled" });
  }

  // The seeker, address confirmed (no banner asking for it), with the 50 sample leads.
  const samEmail = uniqueEmail("sam");
  await signUp(page, { name: "Sam Rivera", email: samEmail });
  await verifyAddress(page, samEmail);
  await page.goto("/leads");
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await expect(page.getByText("Showing all 50.")).toBeVisible();

  // A coach, connected by invitation, who leaves a note.
  const coachContext = await browser.newContext({ viewport: page.viewportSize()!, isMobile: width === 360, hasTouch: width === 360 });
  const coach = await coachContext.newPage();
  const carlaEmail = uniqueEmail("carla");
  await signUp(coach, { name: "Carla Mendes", email: carlaEmail });
  await verifyAddress(coach, carlaEmail);
  await coach.goto("/coach");
  await coach.getByRole("button", { name: "Create an invitation" }).click();
  const link = await coach.getByLabel("Invitation link").inputValue();
  await page.goto(link);
  await page.getByRole("button", { name: "Accept and connect" }).click();
  await expect(page.getByText(/You are connected with/)).toBeVisible();
  await coach.goto("/coach");
  const clientHref = await coach.getByRole("link", { name: /Sam Rivera/ }).first().getAttribute("href");
  await coach.goto(clientHref!);
  await coach.getByLabel("Note for Sam Rivera").fill("Good week, Sam. Call Northwind again on Thursday: they asked for your portfolio.");
  await coach.getByRole("button", { name: "Leave note" }).click();
  await expect(coach.getByRole("status").first()).toBeVisible();

  await shoot(page, "today", "/today", "Today");
  await shoot(page, "leads", "/leads", "Leads");
  await page.goto("/leads");
  const leadHref = await page.getByRole("link", { name: "Northwind Logistics" }).first().getAttribute("href");
  await shoot(page, "lead", leadHref!, "Northwind Logistics");
  await shoot(coach, "coach", "/coach", "Clients");
  await shoot(page, "settings", "/settings", "Settings");
  await coachContext.close();
});
