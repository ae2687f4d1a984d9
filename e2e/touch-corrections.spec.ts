import { expect, test, type Page } from "@playwright/test";
import { addLeadAndLogCall, expectNoAxeViolations, expectNoHorizontalScroll, signUpOverHttp } from "./helpers";

async function checkScreen(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

/** A datetime-local value `days` ago, in the browser's zone (the seeker's: taken from it at sign-up). */
async function localDateTimeDaysAgo(page: Page, days: number): Promise<string> {
  return page.evaluate((back) => {
    const when = new Date(Date.now() - back * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(when.getHours())}:${pad(when.getMinutes())}`;
  }, days);
}

test("a material already sent asks first; a touch is corrected or deleted on the lead's page, and the too-soon flags follow", async ({ page }) => {
  test.slow();
  await signUpOverHttp(page);
  await page.goto("/materials");
  await page.getByLabel("Title").fill("Industry report");
  await page.getByRole("button", { name: "Add material" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toBeVisible();

  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("Acme");
  await page.getByLabel("E-mail").fill("ann@acme.test");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page.getByRole("heading", { name: "Acme" })).toBeVisible();
  // No phone number: the phone is not suggested, the e-mail is.
  await expect(page.getByText("Suggested next: E-mail")).toBeVisible();

  const log = page.getByRole("region", { name: "Log a touch" });
  const timeline = page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
  // "More details" is a form of its own: its channel, the material, and "Save touch".
  await log.getByText("More details").click();
  await log.getByLabel("Material sent").selectOption({ label: "Industry report" });
  await log.getByRole("radio", { name: "E-mail", exact: true }).check();
  await log.getByRole("button", { name: "Save touch" }).click();
  await expect(log.getByText("Logged: E-mail with Acme.")).toBeVisible();
  await expect(timeline).toHaveCount(1);

  // The same material again: asked first; cancelled, nothing is saved.
  await log.getByLabel("Material sent").selectOption({ label: "Industry report" });
  await log.getByRole("radio", { name: "Phone", exact: true }).check();
  await log.getByRole("button", { name: "Save touch" }).click();
  const question = log.getByRole("alert");
  await expect(question).toHaveText(/Acme already got “Industry report”\. Send it again\?/);
  await checkScreen(page);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(log.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(timeline).toHaveCount(1);

  // Confirmed: then the too-soon warning (an e-mail a moment ago), saved anyway, flagged.
  await log.getByText("More details").click();
  await log.getByLabel("Material sent").selectOption({ label: "Industry report" });
  await log.getByRole("radio", { name: "Phone", exact: true }).check();
  await log.getByRole("button", { name: "Save touch" }).click();
  await log.getByRole("alert").getByRole("button", { name: "Send it again" }).click();
  await expect(log.getByRole("alert")).toContainText("less than 3 days ago");
  await log.getByRole("alert").getByRole("button", { name: "Save anyway" }).click();
  await expect(log.getByText("Logged: Phone with Acme.")).toBeVisible();
  await expect(timeline).toHaveCount(2);
  const call = timeline.filter({ hasText: "Phone ·" });
  const mail = timeline.filter({ hasText: "E-mail ·" });
  await expect(call).toContainText("too soon");

  // Correct the e-mail: sent five days ago, so the call is not too soon any more.
  await mail.locator("summary", { hasText: "Edit" }).click();
  await mail.getByLabel("When").fill(await localDateTimeDaysAgo(page, 5));
  await mail.getByLabel("Note").fill("Sent the report with a short note");
  await checkScreen(page);
  await mail.getByRole("button", { name: "Save changes" }).click();
  await expect(mail.getByText("Touch with Acme corrected.")).toBeVisible();
  await expect(mail.getByRole("paragraph").filter({ hasText: "Sent the report with a short note" })).toBeVisible();
  await expect(call).not.toContainText("too soon");

  // A date in the future is refused at its field, and nothing changes.
  await mail.getByLabel("When").fill(await localDateTimeDaysAgo(page, -2));
  await mail.getByRole("button", { name: "Save changes" }).click();
  await expect(mail.getByText("That is in the future. Log a touch once it has happened.")).toBeVisible();
  await expect(mail.getByLabel("When")).toHaveAttribute("aria-invalid", "true");

  // Delete the call, after a question.
  await call.getByRole("button", { name: /^Delete…/ }).click();
  await expect(call.getByText(/^Delete this touch/)).toBeFocused();
  await checkScreen(page);
  await call.getByRole("button", { name: "Keep it" }).click();
  await expect(timeline).toHaveCount(2);
  await call.getByRole("button", { name: /^Delete…/ }).click();
  await call.getByRole("button", { name: "Delete touch" }).click();
  await expect(page).toHaveURL(/\?saved=touch-deleted$/);
  await expect(page.getByRole("status").filter({ hasText: "Touch deleted." })).toBeVisible();
  await expect(timeline).toHaveCount(1);
  await checkScreen(page);
});

test("an Edit opened before the page's script ran shows its form once the script runs", async ({ page }) => {
  await signUpOverHttp(page);
  await addLeadAndLogCall(page, "Acme");

  // The page's scripts held back: a tap on "Edit" opens the fold before React listens for it.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.reload({ waitUntil: "domcontentloaded" });
  const touch = page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
  await touch.locator("summary", { hasText: "Edit" }).click();
  await expect(touch.locator("details")).toHaveAttribute("open", "");
  await expect(touch.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  release();
  await expect(touch.getByRole("button", { name: "Save changes" })).toBeVisible();
  await expect(touch.getByLabel("Note")).toBeVisible();
});
