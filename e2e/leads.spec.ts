import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations, expectNoHorizontalScroll, moveLeadByKeyboard, signOut, signUpOverHttp } from "./helpers";

/** A calendar date `days` from now, far enough that the browser's and server's "today" agree on the side it falls. */
function dateFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function checkScreen(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

function main(page: Page) {
  return page.getByRole("main");
}

/** Company names of the list, top to bottom. */
async function listedCompanies(page: Page) {
  return page.locator("table tbody tr").getByRole("link").allInnerTexts();
}

const CSV = [
  "Organisation,Name,Email address,Mobile,LinkedIn,Favourite colour",
  "Globex,Hank Scorpio,hank@globex.test,+1 202 555 0101,https://www.linkedin.com/in/hank,orange",
  ",Nobody Here,nobody@nowhere.test,,,",
  "Initech,Bill Lumbergh,bill@initech.test,,,",
  "acme analytics,ANN LEE,,,,",
].join("\n");

test("a seeker adds, imports, orders, pauses, closes, deletes and exports leads", async ({ page }) => {
  test.setTimeout(300_000);
  await signUpOverHttp(page);

  await page.getByRole("link", { name: "Leads", exact: true }).click();
  await expect(page.getByRole("heading", { name: "No leads yet" })).toBeVisible();
  await checkScreen(page);

  // Add: problems are explained at their fields and the typed values stay.
  await page.getByRole("link", { name: "Add a lead" }).click();
  await checkScreen(page);
  await page.getByLabel("Contact name").fill("Ann Lee");
  await page.getByLabel("E-mail", { exact: true }).fill("ann@");
  await page.getByLabel("Cadence in days").fill("31");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page.getByText("Enter the company.")).toBeVisible();
  await expect(page.getByText("Enter a valid e-mail address, or leave it empty.")).toBeVisible();
  await expect(page.getByText("Enter a whole number of days from 3 to 30.")).toBeVisible();
  await expect(page.getByLabel("Company")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Contact name")).toHaveValue("Ann Lee");
  await checkScreen(page);
  await page.getByLabel("Company").fill("Acme Analytics");
  await page.getByLabel("E-mail", { exact: true }).fill("ann@acme.test");
  await page.getByLabel("Phone").fill("+1 202 555 0100");
  await page.getByLabel("Cadence in days").fill("7");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page.getByRole("heading", { name: "Acme Analytics" })).toBeVisible();
  await expect(page.getByText("Lead added.")).toBeVisible();
  await expect(page.getByRole("link", { name: "+1 202 555 0100" })).toHaveAttribute("href", "tel:+12025550100");
  await expect(page.getByRole("link", { name: "ann@acme.test" })).toHaveAttribute("href", "mailto:ann@acme.test");
  await checkScreen(page);

  // Edit.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("Company")).toHaveValue("Acme Analytics");
  await checkScreen(page);
  await page.getByLabel("Title", { exact: true }).fill("Head of Data");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByText("Ann Lee, Head of Data")).toBeVisible();

  // Import: a preview names the bad row and the duplicate; nothing is saved before confirming.
  await page.goto("/leads/import");
  await checkScreen(page);
  await page.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Preview import" }).click();
  const rows = page.getByRole("list", { name: "Rows of the file" });
  await expect(rows.getByRole("listitem").filter({ hasText: "Line 3" })).toContainText("Company: Enter the company.");
  await expect(rows.getByRole("listitem").filter({ hasText: "Line 5" })).toContainText("Same company and contact as a lead you have");
  await expect(page.getByText("Ignored columns: Favourite colour.")).toBeVisible();
  await checkScreen(page);
  await page.goto("/leads");
  await expect.poll(() => listedCompanies(page)).toEqual(["Acme Analytics"]);

  await page.goto("/leads/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 2 leads" }).click();
  await expect(page.getByText("Imported 2 leads (1 duplicate skipped).")).toBeVisible();
  await expect.poll(() => listedCompanies(page)).toEqual(["Acme Analytics", "Globex", "Initech"]);
  await checkScreen(page);

  // Reorder for the campaign: by keyboard (pick up, move, drop), then to a position by number.
  await moveLeadByKeyboard(page, "Initech", 1, "ArrowUp");
  await expect.poll(() => listedCompanies(page)).toEqual(["Acme Analytics", "Initech", "Globex"]);
  await page.getByRole("button", { name: "Move to… a position, Initech" }).click();
  await page.getByLabel("New position for Initech").fill("1");
  await page.getByRole("button", { name: "Move Initech", exact: true }).click();
  await expect.poll(() => listedCompanies(page)).toEqual(["Initech", "Acme Analytics", "Globex"]);

  // Filter and search.
  await page.getByLabel("Search company or person").fill("hank");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect.poll(() => listedCompanies(page)).toEqual(["Globex"]);
  await page.getByLabel("Show").selectOption("closed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No lead matches this filter.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filter" }).click();

  // Pause a lead until a date after today.
  await page.getByRole("link", { name: "Globex" }).click();
  await expect(page.getByRole("heading", { name: "Globex" })).toBeVisible();
  await page.getByLabel("Pause until").fill(dateFromNow(-2));
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByText(/Choose a date after today/)).toBeVisible();
  await page.getByLabel("Pause until").fill(dateFromNow(30));
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByRole("button", { name: "Resume now" })).toBeVisible();
  await expect(main(page).getByText("Paused", { exact: true })).toBeVisible();

  // A follow-up date set by hand.
  await page.getByLabel("They said to follow up on").fill(dateFromNow(10));
  await page.getByRole("button", { name: "Set next due date" }).click();
  await expect(page.getByRole("button", { name: "Clear the date set by hand" })).toBeVisible();
  await checkScreen(page);

  // Close a lead as dropped: the reason is needed.
  await page.goto("/leads");
  await page.getByRole("link", { name: "Initech" }).click();
  await page.getByLabel("Dropped").check();
  await page.getByRole("button", { name: "Close lead" }).click();
  await expect(page.getByText("Say why you are dropping it.")).toBeVisible();
  await page.getByLabel("Reason").fill("No openings this year");
  await page.getByRole("button", { name: "Close lead" }).click();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(page.getByText("Dropped: No openings this year")).toBeVisible();
  await checkScreen(page);

  // Delete, after a confirmation page.
  await page.goto("/leads");
  await page.getByRole("link", { name: "Acme Analytics" }).click();
  await page.getByRole("link", { name: "Delete…" }).click();
  await expect(page.getByRole("heading", { name: "Delete Acme Analytics?" })).toBeVisible();
  await checkScreen(page);
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("Deleted 1 lead.")).toBeVisible();
  await expect.poll(() => listedCompanies(page)).toEqual(["Initech", "Globex"]);

  // Bulk: pause the selected leads; bulk delete asks first and can be cancelled.
  await page.getByLabel("Select Initech").check();
  await page.getByLabel("Select Globex").check();
  await expect(page.getByRole("heading", { name: "2 selected" })).toBeVisible();
  await page.getByLabel("Pause until").fill(dateFromNow(20));
  await page.getByRole("button", { name: "Pause selected" }).click();
  await expect(page.getByText(/^Paused 2 leads until/).first()).toBeVisible();
  await page.getByLabel("Select Initech").check();
  await page.getByLabel("Select Globex").check();
  await page.getByRole("button", { name: "Delete selected…" }).click();
  await expect(page.getByRole("heading", { name: "Delete 2 leads?" })).toBeVisible();
  await page.getByRole("link", { name: "No, keep them" }).click();
  await expect.poll(() => listedCompanies(page)).toEqual(["Initech", "Globex"]);

  // Export the leads as CSV.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export leads (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cadence-leads-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  // Every cell quoted (no spreadsheet splits one on another delimiter).
  expect(csv).toContain('"Company","Contact name","Title","E-mail","Phone","LinkedIn URL","Notes"');
  expect(csv).toContain('"Initech","Bill Lumbergh","","bill@initech.test"');
  // A phone number starting with + is defused as a formula.
  expect(csv).toContain(`"Globex","Hank Scorpio","","hank@globex.test","+1 202 555 0101"`);
  expect(csv).toContain('"dropped","No openings this year"');

  // Materials.
  await page.getByRole("link", { name: "Materials", exact: true }).click();
  await checkScreen(page);
  await page.getByLabel("Title").fill("Salary report");
  await page.getByLabel("Link (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Add material" }).click();
  await expect(page.getByText("Enter an address like www.example.com or https://example.com.")).toBeVisible();
  await page.getByLabel("Link (optional)").fill("https://example.com/salaries");
  await page.getByLabel("Topic (optional)").fill("Industry news");
  await page.getByRole("button", { name: "Add material" }).click();
  await expect(page.getByRole("link", { name: "Salary report", exact: true })).toHaveAttribute("href", "https://example.com/salaries");
  await expect(page.getByText("Not sent to anyone yet.")).toBeVisible();
  await checkScreen(page);
});

test("sample data fills an empty list and clears again", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOverHttp(page);
  await page.goto("/leads");
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await expect(page.getByRole("heading", { name: "These are sample leads" })).toBeVisible();
  await expect(page.getByText("Showing all 50.")).toBeVisible();
  await checkScreen(page);

  // A sample lead with history: its timeline and the materials it got.
  await page.getByRole("link", { name: "Northwind Logistics" }).click();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Materials sent" })).toBeVisible();
  await checkScreen(page);
  await page.goto("/materials");
  await expect(page.getByRole("link", { name: "Industry salary report 2025", exact: true })).toBeVisible();
  await checkScreen(page);

  await page.goto("/leads");
  await page.getByRole("button", { name: "Clear sample data" }).click();
  await page.getByRole("button", { name: "Yes, clear sample data" }).click();
  await expect(page.getByRole("heading", { name: "No leads yet" })).toBeVisible();
});

test("another seeker's lead answers 404, and exports need a session", async ({ page }) => {
  await signUpOverHttp(page);
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("Private Co");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page.getByRole("heading", { name: "Private Co" })).toBeVisible();
  const leadUrl = new URL(page.url()).pathname;
  await signOut(page);

  const exported = await page.request.get("/leads/export", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(exported.status());
  expect(exported.headers()["location"]).toContain("/sign-in");

  await signUpOverHttp(page);
  for (const path of [leadUrl, `${leadUrl}/edit`, `/leads/delete?id=${leadUrl.split("/").pop()}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  const mine = await page.request.get("/leads/export");
  expect(await mine.text()).not.toContain("Private Co");
});
