import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, signUpOverHttp } from "./helpers";

/** "YYYY-MM-DD" `days` from now in the browser's zone (the seeker's, from sign-up). */
async function localDate(page: Page, days: number): Promise<string> {
  return page.evaluate((ahead) => {
    const at = new Date(Date.now() + ahead * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  }, days);
}

/**
 * A campaign from tomorrow, one first contact a day: Meridian Bank planned tomorrow, Copperleaf the
 * day after, both in "Next 7 days". A first contact logged on Meridian moves it to the end of that
 * list (its follow-up in a week) and Copperleaf up to where Meridian was.
 */
async function twoPlannedLeads(page: Page) {
  await signUpOverHttp(page);
  await page.goto("/settings");
  await page.getByLabel("Campaign start date").fill(await localDate(page, 1));
  await page.getByLabel("First contacts per week").fill("7");
  const days = page.getByRole("group", { name: "Contact days" });
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) await days.getByLabel(day).check();
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByText("Saved. Your first contacts are planned.")).toBeVisible();
  for (const [company, phone] of [
    ["Meridian Bank", "+1 555 0101"],
    ["Copperleaf", "+1 555 0102"],
  ] as const) {
    await page.goto("/leads/new");
    await page.getByLabel("Company").fill(company);
    await page.getByLabel("Phone").fill(phone);
    await page.getByRole("button", { name: "Add lead" }).click();
    await expect(page).not.toHaveURL(/\/leads\/new$/);
  }
  await page.goto("/today");
}

const row = (page: Page, company: string) => page.getByRole("main").getByRole("article", { name: company });

/** The touches on the lead's page (its address taken from its row on Today). */
async function touchesOf(page: Page, leadPath: string) {
  await page.goto(leadPath);
  return page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
}

async function leadPath(page: Page, company: string): Promise<string> {
  return (await row(page, company).getByRole("link", { name: company, exact: true }).getAttribute("href"))!;
}

test("a double tap on a lead's Phone logs one touch on that lead and none on the next; Undo takes it back", async ({ page, hasTouch }) => {
  test.slow();
  await twoPlannedLeads(page);
  const meridian = row(page, "Meridian Bank");
  const copperleaf = row(page, "Copperleaf");
  await expect(meridian).toHaveAccessibleDescription(/^First contact planned /);
  await expect(copperleaf).toHaveAccessibleDescription(/^First contact planned /);
  const [meridianPath, copperleafPath] = [await leadPath(page, "Meridian Bank"), await leadPath(page, "Copperleaf")];
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // Two taps 450 ms apart where Meridian's "Phone" is, as a finger does (the wait only spaces them).
  // On a busy machine the second may come after Undo's guard: it lands on the row's blank space and
  // the focus stays on the message either way.
  const phone = meridian.getByRole("button", { name: "Phone", exact: true });
  await phone.scrollIntoViewIfNeeded();
  const box = (await phone.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const tap = () => (hasTouch ? page.touchscreen.tap(x, y) : page.mouse.click(x, y));
  await tap();
  await page.waitForTimeout(450);
  await tap();

  // The row stays where it was, says what was logged (focused, announced), and offers Undo.
  const logged = meridian.getByRole("status");
  await expect(logged).toHaveText("Logged: Phone with Meridian Bank.");
  await expect(logged).toBeFocused();
  const undo = meridian.getByRole("button", { name: "Undo the touch with Meridian Bank" });
  await expect(undo).toBeVisible();
  await expect(copperleaf.getByText("No touch yet: this will be your first contact.")).toBeVisible();

  // Once Undo is ready, a tap on the row's blank space (a late second tap) moves the focus nowhere:
  // from Undo (which holds the row while it has the focus), not to the page's body.
  await expect(undo).not.toHaveAttribute("aria-disabled");
  await undo.focus();
  const name = meridian.getByRole("heading", { name: "Meridian Bank" });
  await (hasTouch ? name.tap() : name.click());
  await expect(undo).toBeFocused();

  // Undo deletes that touch; the answer takes the focus.
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(logged).toHaveText("Undone: the touch with Meridian Bank is not logged.");
  await expect(logged).toBeFocused();
  // Let go, the row is as before the taps, and the focus is on it, never on the page's body.
  await expect(meridian.getByText("No touch yet: this will be your first contact.")).toBeVisible();
  await expect(meridian.getByRole("link", { name: "Meridian Bank" })).toBeFocused();
  await expect(await touchesOf(page, meridianPath)).toHaveCount(0);
  await expect(await touchesOf(page, copperleafPath)).toHaveCount(0);

  // Logged again, once, and left: the row moves to its follow-up in a week, Copperleaf untouched.
  await page.goto("/today");
  await meridian.getByRole("button", { name: "Phone", exact: true }).click();
  await expect(meridian.getByRole("status")).toHaveText("Logged: Phone with Meridian Bank.");
  await expect(meridian).toHaveAccessibleDescription(/^Follow-up due /);
  await expect(await touchesOf(page, meridianPath)).toHaveCount(1);
  await expect(await touchesOf(page, copperleafPath)).toHaveCount(0);
});

test("by keyboard, a one-tap log moves the focus to what was logged, then Undo, never to the page's body", async ({ page }) => {
  test.slow();
  await twoPlannedLeads(page);
  const copperleaf = row(page, "Copperleaf");
  const copperleafPath = await leadPath(page, "Copperleaf");
  await copperleaf.getByRole("button", { name: "E-mail", exact: true }).focus();
  await page.keyboard.press("Enter");
  const logged = copperleaf.getByRole("status");
  await expect(logged).toHaveText("Logged: E-mail with Copperleaf.");
  await expect(logged).toBeFocused();
  await page.keyboard.press("Tab");
  const undo = copperleaf.getByRole("button", { name: "Undo the touch with Copperleaf" });
  await expect(undo).toBeFocused();
  // The row stays while its Undo has the focus: time to check it.
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await expect(undo).toBeEnabled();
  await page.keyboard.press("Enter");
  await expect(logged).toHaveText("Undone: the touch with Copperleaf is not logged.");
  await expect(logged).toBeFocused();
  await expect(copperleaf.getByRole("link", { name: "Copperleaf" })).toBeFocused();
  await expect(await touchesOf(page, copperleafPath)).toHaveCount(0);
});
