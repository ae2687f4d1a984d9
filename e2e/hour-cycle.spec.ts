import { expect, test } from "@playwright/test";
import { addLeadAndLogCall, expectNoAxeViolations, signUp } from "./helpers";

// A browser in US English: its pickers show "10:03 PM", and so does the app.
test.use({ locale: "en-US" });

test("times follow the browser's language: a 12-hour clock on a lead's timeline, Leads, Settings and the digest's hours", async ({ page }) => {
  await signUp(page);
  // Logged on the lead's page (no campaign: Acme is on no list of Today's), then read on Leads.
  await addLeadAndLogCall(page, "Acme");
  // The lead's own timeline, on the same clock.
  await page.reload();
  await expect(page.getByRole("main").locator("time").filter({ hasText: /, (1[0-2]|[1-9]):[0-5]\d [AP]M$/ }).first()).toBeVisible();
  await page.goto("/leads");
  // (The column shows from 1024 px; narrower, it is in the page all the same.)
  await expect(page.getByRole("main").getByText(/^today, (1[0-2]|[1-9]):[0-5]\d [AP]M · Phone$/).first()).toBeAttached();

  await page.goto("/settings");
  const hour = page.getByLabel("Send it from");
  await expect(hour.locator("option").first()).toHaveText("12:00 AM");
  await expect(hour.locator("option[value='7']")).toHaveText("7:00 AM");
  await expect(hour.locator("option[value='22']")).toHaveText("10:00 PM");
  await expect(page.getByText(/^\w{3} \d{1,2} \w{3} \d{4}, (1[0-2]|[1-9]):[0-5]\d [AP]M$/).first()).toBeVisible();
  await hour.selectOption("22");
  await page.getByRole("button", { name: "Save digest" }).click();
  await expect(page.getByText(/^Saved\. The digest comes on your contact days from 10:00 PM\./)).toBeVisible();
  await expectNoAxeViolations(page);
});
