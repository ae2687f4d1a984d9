import { expect, type Page } from "@playwright/test";
import { test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, signUpOverHttp } from "./helpers";

/** "YYYY-MM-DDTHH:mm" for `daysAgo` days before now, in the browser's zone (the seeker's, from sign-up). */
async function localDateTime(page: Page, daysAgo = 0): Promise<string> {
  return page.evaluate((days) => {
    const at = new Date(Date.now() - days * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, daysAgo);
}

/** A campaign from today, every day a contact day, so the test does not depend on the weekday. */
async function setUpCampaign(page: Page) {
  await page.goto("/settings");
  const today = (await localDateTime(page)).slice(0, 10);
  await page.getByLabel("Campaign start date").fill(today);
  await page.getByLabel("First contacts per week").fill("7");
  const days = page.getByRole("group", { name: "Contact days" });
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
    await days.getByLabel(day).check();
  }
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByText("Saved. Your first contacts are planned.")).toBeVisible();
}

async function addLead(page: Page, lead: { company: string; phone?: string; email?: string; cadenceDays?: number }) {
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill(lead.company);
  if (lead.phone) await page.getByLabel("Phone").fill(lead.phone);
  if (lead.email) await page.getByLabel("E-mail", { exact: true }).fill(lead.email);
  if (lead.cadenceDays) await page.getByLabel("Cadence in days").fill(String(lead.cadenceDays));
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page).not.toHaveURL(/\/leads\/new$/);
}

/**
 * A zone where today is not Sunday, so a lead planned for tomorrow is still "this week" (weeks run
 * Monday to Sunday): at any instant it is not Sunday in UTC, UTC+14 or UTC-11.
 */
function zoneWhereTodayIsNotSunday(): string {
  const zones = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
  const weekday = (zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short" }).format(new Date());
  return zones.find((zone) => weekday(zone) !== "Sun") ?? "UTC";
}

const row = (page: Page, company: string) => page.getByRole("main").getByRole("article", { name: company });

test("Today guides a new seeker, and the campaign form checks its input", async ({ page }) => {
  test.slow();
  await signUpOverHttp(page);
  await expect(page.getByRole("heading", { name: "Start with your list of leads" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import a CSV file" })).toHaveAttribute("href", "/leads/import");
  // One tap loads the sample here (e2e/sample-data.spec.ts).
  await expect(page.getByRole("button", { name: "Try with sample data" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up your campaign" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("link", { name: "Set up your campaign" }).click();
  await expect(page.getByRole("heading", { name: "Campaign" })).toBeVisible();
  await page.getByLabel("First contacts per week").fill("9");
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) {
    await page.getByRole("group", { name: "Contact days" }).getByLabel(day).uncheck();
  }
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByText("Enter a whole number from 1 to 7.")).toBeVisible();
  await expect(page.getByText("Choose at least one contact day.")).toBeVisible();
  await expect(page.getByLabel("First contacts per week")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});

test.describe("the seeker's day", () => {
  test.use({ timezoneId: zoneWhereTodayIsNotSunday() });

test("plan a first contact, log it with one tap, and get warned before a touch too soon", async ({ page }) => {
  test.slow();
  await signUpOverHttp(page);
  await setUpCampaign(page);
  await addLead(page, { company: "Acme", phone: "+1 555 0100", email: "jane@acme.example" });
  await addLead(page, { company: "Globex", cadenceDays: 3 });

  await page.goto("/today");
  const acme = row(page, "Acme");
  await expect(acme).toHaveAccessibleDescription("First contact");
  await expect(acme.getByRole("link", { name: "Call +1 555 0100" })).toHaveAttribute("href", "tel:+15550100");
  await expect(acme.getByRole("link", { name: "E-mail jane@acme.example" })).toHaveAttribute("href", "mailto:jane@acme.example");
  await expect(acme.getByText("Suggested next: Phone")).toBeVisible();
  await expect(page.getByText(/week 1 of 1 · first contacts this week: 0 of \d planned · 0 of 2 leads contacted/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: /^The day's work/ })).toHaveAttribute("aria-valuetext", "0 of 1 done");
  await expect(page.getByText("On pace: no lead contacted yet.")).toBeVisible();
  await expect(page.getByText("not yet made today")).toBeVisible();
  await expect(row(page, "Globex")).toHaveAccessibleDescription(/^First contact planned /);
  await expect(row(page, "Globex").getByText("No touch yet: this will be your first contact.")).toBeVisible();
  // Globex has no phone, e-mail nor LinkedIn: nothing is suggested.
  await expect(row(page, "Globex").getByText(/^Suggested next/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // Done, the row stays where it was.
  await acme.getByRole("button", { name: "Phone", exact: true }).click();
  await expect(acme.getByText("Logged: Phone with Acme.")).toBeVisible();
  await expect(acme).toHaveAccessibleDescription("Done · First contact");
  await page.reload();
  await expect(acme).toHaveAccessibleDescription("Done · First contact");
  await expect(acme.getByText(/^Last touch today, \d\d:\d\d: Phone$/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: /^The day's work/ })).toHaveAttribute("aria-valuetext", "1 of 1 done");
  await expect(page.getByText(/first contacts this week: 1 of \d planned · 1 of 2 leads contacted/)).toBeVisible();
  await expect(page.getByText("made today")).toBeVisible();
  await expect(page.getByText(/streak 1 contact day in a row/)).toBeVisible();
  await expect(page.getByText("On pace: 1 of 1 active lead neither overdue nor cold.")).toBeVisible();

  // A call yesterday, logged now through the details; then an e-mail today is too soon.
  const globex = row(page, "Globex");
  await globex.getByText("More details").click();
  await globex.getByLabel("When").fill(await localDateTime(page, -1));
  await globex.getByLabel("Note").fill("Tomorrow, oops");
  // The details form has its own channel choice and Save button.
  await globex.getByRole("radio", { name: "Phone", exact: true }).check();
  await globex.getByRole("button", { name: "Save touch" }).click();
  await expect(globex.getByText("That is in the future. Log a touch once it has happened.")).toBeVisible();
  await expect(globex.getByLabel("When")).toHaveAttribute("aria-invalid", "true");
  await globex.getByLabel("When").fill(await localDateTime(page, 1));
  await globex.getByLabel("Note").fill("Spoke to the office manager");
  // The details form has its own channel choice and Save button.
  await globex.getByRole("radio", { name: "Phone", exact: true }).check();
  await globex.getByRole("button", { name: "Save touch" }).click();
  await expect(globex.getByText("Logged: Phone with Globex.")).toBeVisible();
  await expect(globex.getByText(/^Last touch yesterday, \d\d:\d\d: Phone — “Spoke to the office manager”$/)).toBeVisible();
  await expect(globex).toHaveAccessibleDescription(/^Follow-up due /);

  // By keyboard: focus the E-mail button and press Enter.
  await globex.getByRole("button", { name: "E-mail", exact: true }).focus();
  await page.keyboard.press("Enter");
  const warning = globex.getByRole("alert");
  await expect(warning).toContainText(
    "You contacted Globex less than 3 days ago. They may see another message as a nuisance. Save it anyway?",
  );
  await expectNoAxeViolations(page);
  await warning.getByRole("button", { name: "Cancel" }).click();
  await expect(warning).toBeHidden();
  await expect(globex.getByText(/^Last touch yesterday/)).toBeVisible();

  await globex.getByRole("button", { name: "E-mail", exact: true }).click();
  await globex.getByRole("alert").getByRole("button", { name: "Save anyway" }).focus();
  await page.keyboard.press("Enter");
  await expect(globex.getByText("Logged: E-mail with Globex.")).toBeVisible();
  await page.reload();
  await expect(globex.getByText(/^Last touch today, \d\d:\d\d: E-mail$/)).toBeVisible();
  await expect(page.getByText("On pace: 2 of 2 active leads neither overdue nor cold.")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});
});

test("the same log-touch form sent twice, or three times, records one touch", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "About the server, not the layout: once per database is enough.");
  await signUpOverHttp(page);
  await addLead(page, { company: "Twice Tapped Ltd", phone: "+44 20 7946 0000" });

  // The browser's own submission, let through; then the very same request (same idempotency key) again.
  const sent = page.waitForRequest((request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await page.getByRole("button", { name: "Phone", exact: true }).click();
  const original = await sent;
  await expect(page.getByText("Logged: Phone with Twice Tapped Ltd.")).toBeVisible();
  const headers = { ...(await original.allHeaders()) };
  delete headers["content-length"];
  for (let repeat = 0; repeat < 2; repeat++) {
    const again = await page.request.post(original.url(), { headers, data: original.postDataBuffer() ?? undefined });
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain('"ok":true');
  }

  const log = await (await page.request.get("/leads/export-touches")).text();
  expect(log.split("\n").filter((line) => line.includes("Twice Tapped Ltd"))).toHaveLength(1);
});

test("Today shows the first 5 leads coming up and links to the rest on Leads", async ({ page }) => {
  await signUpOverHttp(page);
  await setUpCampaign(page);
  // Nine leads, one first contact planned a day from today: today's is the day's work, the next
  // seven are the next 7 days (five shown), the ninth is later.
  const companies = Array.from({ length: 9 }, (_, i) => `Planned ${i + 1}`);
  await page.goto("/leads/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: "leads.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["Company", ...companies].join("\n")),
  });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 9 leads" }).click();
  await expect(page.getByText("Imported 9 leads.")).toBeVisible();

  await page.goto("/today");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "Next 7 days" })).toBeVisible();
  await expect(main.getByRole("article")).toHaveCount(1 + 5);
  for (const company of companies.slice(1, 6)) await expect(row(page, company)).toHaveAccessibleDescription(/^First contact planned /);
  await expect(row(page, "Planned 7")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await main.getByRole("link", { name: "2 more leads coming up: see them on Leads" }).click();
  await expect(page).toHaveURL(/\/leads\?state=upcoming&sort=next_due$/);
  await expect(page.getByRole("link", { name: "Planned 7", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Planned 9", exact: true }).first()).toBeVisible();
});

test("each row's More details offers the seeker's materials, those the lead already got apart", async ({ page }) => {
  await signUpOverHttp(page);
  await setUpCampaign(page);
  for (const title of ["Industry report", "Salary guide"]) {
    await page.goto("/materials");
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Add material" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toBeVisible();
  }
  await addLead(page, { company: "Acme", email: "ann@acme.test" });
  await addLead(page, { company: "Birch", email: "bo@birch.test" });

  await page.goto("/today");
  const acme = row(page, "Acme");
  await acme.getByText("More details").click();
  await acme.getByLabel("Material sent").selectOption({ label: "Industry report" });
  await acme.getByRole("radio", { name: "E-mail", exact: true }).check();
  await acme.getByRole("button", { name: "Save touch" }).click();
  await expect(page.getByText("Logged: E-mail with Acme.")).toBeVisible();

  await page.reload();
  const groups = async (company: string) => {
    const entry = row(page, company);
    await entry.getByText("More details").click();
    return entry.getByLabel("Material sent").evaluate((select) =>
      [...select.querySelectorAll("optgroup")].map((group) => `${group.label}: ${[...group.querySelectorAll("option")].map((option) => option.text).join(", ")}`),
    );
  };
  expect(await groups("Acme")).toEqual(["Not sent to Acme yet: Salary guide", "Already sent to Acme: Industry report"]);
  expect(await groups("Birch")).toEqual(["Not sent to Birch yet: Industry report, Salary guide"]);
  await expectNoAxeViolations(page);
});

test("a no offers to close the lead or pause it for 90 days, an offer to close it as won; each button does it", async ({ page }) => {
  test.slow();
  await signUpOverHttp(page);
  await setUpCampaign(page);
  await addLead(page, { company: "Nope Ltd", email: "no@nope.test" });
  await addLead(page, { company: "Yes Inc", email: "yes@yes.test" });

  // Each lead answers by e-mail: a no, and an offer.
  await page.goto("/today");
  for (const [company, outcome] of [
    ["Nope Ltd", "Rejected"],
    ["Yes Inc", "Offer"],
  ] as const) {
    const entry = row(page, company);
    await entry.getByText("More details").click();
    await entry.getByRole("radio", { name: "E-mail", exact: true }).check();
    await entry.getByLabel("Direction").selectOption({ label: "They reached me or replied" });
    await entry.getByLabel("Outcome").selectOption({ label: outcome });
    await entry.getByRole("button", { name: "Save touch" }).click();
    await expect(page.getByText(`Logged: E-mail with ${company}.`)).toBeVisible();
  }

  await page.reload();
  const nope = row(page, "Nope Ltd");
  await expect(nope.getByText("They said no. Close the lead, or come back to it in 90 days.")).toBeVisible();
  await expect(nope.getByRole("button", { name: "Close it Nope Ltd" })).toBeVisible();
  const yes = row(page, "Yes Inc");
  await expect(yes.getByText("An offer! Close this lead as won.")).toBeVisible();
  await expectNoAxeViolations(page);

  const pathOf = (entry: typeof nope, company: string) => entry.getByRole("link", { name: company, exact: true }).getAttribute("href");
  const [nopePath, yesPath] = [await pathOf(nope, "Nope Ltd"), await pathOf(yes, "Yes Inc")];
  await nope.getByRole("button", { name: "Pause for 90 days Nope Ltd" }).click();
  await expect(nope).toHaveCount(0);
  await yes.getByRole("button", { name: "Close as won Yes Inc" }).click();
  await expect(yes).toHaveCount(0);

  // The lead's page says what each button did.
  const detail = (term: string) => page.getByRole("main").getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd");
  await page.goto(nopePath!);
  await expect(detail("Paused until")).toBeVisible();
  await page.goto(yesPath!);
  await expect(detail("Closed")).toHaveText("Won");
});
