import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, signUpOverHttp } from "./helpers";

test("one tap on Today loads the sample, every state shows; clearing asks first and removes only the sample", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOverHttp(page);
  await page.getByRole("button", { name: "Try with sample data" }).click();

  // Loaded where it was asked for, and said so: the confirmation takes the focus.
  await expect(page).toHaveURL(/\/today\?sample=loaded$/);
  const loaded = page.getByRole("status").filter({ hasText: /^Loaded 50 sample leads/ });
  await expect(loaded).toBeFocused();
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "Gone cold" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Next 7 days" })).toBeVisible();
  await expect(main.getByText(/^Reply owed/).first()).toBeVisible();
  await expect(main.getByText(/^Thank-you due/).first()).toBeVisible();
  await expect(main.getByText(/^Overdue by 3 days/).first()).toBeVisible();
  await expect(main.getByText(/^Quiet: 3 touches in a row/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // A lead of one's own, then the sample goes and it stays.
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("My Own Co");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page).not.toHaveURL(/\/leads\/new$/);
  await page.goto("/leads");
  await expect(page.getByRole("heading", { name: "50 sample leads among your own" })).toBeVisible();
  await page.getByRole("button", { name: "Clear sample data" }).click();
  await expect(page.getByText("Remove the 50 sample leads and their touches? Your own leads stay.")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Clear sample data" })).toBeFocused();
  await page.getByRole("button", { name: "Clear sample data" }).click();
  await page.getByRole("button", { name: "Yes, clear sample data" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cleared 50 sample leads and their touches." })).toBeFocused();
  await expect(page.getByText("Showing all 1.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "My Own Co" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear sample data" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});
