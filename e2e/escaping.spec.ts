import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { signUpOverHttp } from "./helpers";

// "Bad input" (docs/reliability.md): text that looks like HTML, script or SQL is stored verbatim
// and shown as text everywhere (leads list, lead page, Today, Materials), and the CSV export gives
// it back as written, but for the formula guard on cells starting with = + - @.
const LEAD = {
  company: `<img src=x onerror="window.__xss=1">Acme`,
  contactName: "<script>window.__xss=1</script>",
  title: `=cmd|' /C calc'!A0`,
  notes: `'; drop table leads; -- <svg onload="window.__xss=1">`,
};
const MATERIAL = {
  title: `<img src=x onerror="window.__xss=1;alert(1)"> report`,
  topic: `" or 1=1 --`,
};
const NOTE = `<script>alert(document.cookie)</script>'; drop table touches; --`;

/** What must hold on every page: nothing ran, no markup from the data became an element. */
async function expectNothingInjected(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"], svg[onload], [onerror]')).toHaveCount(0);
  // The page's own data scripts carry the text as an escaped string; none may be the text itself.
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => element.textContent?.trim() ?? ""));
  expect(scripts.filter((script) => /^window\.__xss|^alert\(/.test(script))).toEqual([]);
}

/** Today's date in the browser's zone (the seeker's, taken at sign-up). */
async function localToday(page: Page): Promise<string> {
  return page.evaluate(() => new Date().toLocaleDateString("en-CA"));
}

test("HTML, script and SQL-looking text shows literally, runs nothing, and exports verbatim", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "one viewport is enough: the rendering is the same");
  test.slow();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signUpOverHttp(page);

  // A material with a markup title.
  await page.goto("/materials");
  await page.getByLabel("Title").fill(MATERIAL.title);
  await page.getByLabel("Topic (optional)").fill(MATERIAL.topic);
  await page.getByRole("button", { name: "Add material" }).click();
  const library = page.getByRole("region", { name: "Your library" });
  await expect(library.getByRole("heading", { name: MATERIAL.title, exact: true })).toBeVisible();
  await expect(library.getByText(MATERIAL.topic, { exact: true })).toBeVisible();
  await expectNothingInjected(page, dialogs);

  // A lead whose company, contact, title and notes are markup, SQL and a formula.
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill(LEAD.company);
  await page.getByLabel("Contact name").fill(LEAD.contactName);
  await page.getByLabel("Title", { exact: true }).fill(LEAD.title);
  await page.getByLabel("Notes", { exact: true }).fill(LEAD.notes);
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LEAD.company, exact: true })).toBeVisible();
  const leadUrl = page.url();
  await expect(page.getByText(`${LEAD.contactName}, ${LEAD.title}`, { exact: true })).toBeVisible();
  await expect(page.getByText(LEAD.notes, { exact: true })).toBeVisible();
  await expectNothingInjected(page, dialogs);

  // Due today, so it shows on Today.
  await page.getByLabel("They said to follow up on").fill(await localToday(page));
  await page.getByRole("button", { name: "Set next due date" }).click();
  await expect(page.getByText(/^Next due set to /)).toBeVisible();

  // The leads list.
  await page.goto("/leads");
  await expect(page.getByRole("table", { name: /^Leads/ }).getByRole("link", { name: LEAD.company, exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText(LEAD.contactName, { exact: false }).first()).toBeVisible();
  await expectNothingInjected(page, dialogs);

  // Today: the row, the material among the choices, and a touch whose note is a script.
  await page.goto("/today");
  const row = page.getByRole("main").getByRole("article", { name: LEAD.company });
  await expect(row.getByRole("link", { name: LEAD.company, exact: true })).toBeVisible();
  await expect(row.getByText(`${LEAD.contactName}, ${LEAD.title}`, { exact: true })).toBeVisible();
  await row.getByText("More details").click();
  await expect(row.getByLabel("Material sent").locator("option", { hasText: MATERIAL.title })).toHaveText(MATERIAL.title);
  await row.getByLabel("Material sent").selectOption({ label: MATERIAL.title });
  await row.getByLabel("Note").fill(NOTE);
  // The details form has its own channel choice and Save button.
  await row.getByRole("radio", { name: "Phone", exact: true }).check();
  await row.getByRole("button", { name: "Save touch" }).click();
  await expect(row.getByText(`Logged: Phone with ${LEAD.company}.`, { exact: true })).toBeVisible();
  await page.reload();
  await expect(row.getByText(`— “${NOTE}”`, { exact: false })).toBeVisible();
  await expectNothingInjected(page, dialogs);

  // The lead's page: the touch, its note and its material.
  await page.goto(leadUrl);
  await expect(page.getByText(NOTE, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(MATERIAL.title, { exact: false }).first()).toBeVisible();
  await expectNothingInjected(page, dialogs);

  // Materials: who got it.
  await page.goto("/materials");
  await expect(library.getByRole("link", { name: LEAD.company, exact: true })).toBeVisible();
  await expect(library.getByText(`(${LEAD.contactName})`, { exact: false })).toBeVisible();
  await expectNothingInjected(page, dialogs);

  // The export holds the text as written; only a cell starting with = + - @ gets its guard quote.
  const exported = await page.request.get("/leads/export");
  expect(exported.ok()).toBe(true);
  const rows = Papa.parse<Record<string, string>>((await exported.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    Company: LEAD.company,
    "Contact name": LEAD.contactName,
    Title: `'${LEAD.title}`,
    Notes: LEAD.notes,
  });
});
