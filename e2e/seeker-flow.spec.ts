import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations, expectNoHorizontalScroll, signUp } from "./helpers";

// The whole day of a seeker, from sign-up to export, through the screens a person uses.

const CSV = [
  "Company,Contact name,Title,E-mail,Phone",
  "Acme,Ann Lee,Head of Data,ann@acme.test,+1 202 555 0100",
  "Globex,Hank Scorpio,CEO,hank@globex.test,",
  "Initech,Bill Lumbergh,VP,,+1 202 555 0199",
].join("\n");

/** "YYYY-MM-DDTHH:mm" `days` from now in the browser's zone, which sign-up gave the seeker. */
async function localDateTime(page: Page, days = 0): Promise<string> {
  return page.evaluate((offset) => {
    const at = new Date(Date.now() + offset * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, days);
}

async function download(page: Page, link: string): Promise<string> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  // Without the byte-order mark spreadsheets add for UTF-8.
  return (await readFile((await (await downloading).path())!, "utf8")).replace(/^\uFEFF/, "");
}

const article = (page: Page, company: string) => page.getByRole("main").getByRole("article", { name: company });

test("sign up, import, plan, log, get warned, pause, close and export", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page);

  // Import the list.
  await page.goto("/leads/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 3 leads" }).click();
  await expect(page.getByText(/^Imported 3 leads/)).toBeVisible();

  // The campaign: from today, every day a contact day (so the test works on any weekday).
  await page.goto("/today");
  await page.getByRole("link", { name: "Set up your campaign" }).click();
  await page.getByLabel("Campaign start date").fill((await localDateTime(page)).slice(0, 10));
  for (const day of ["Saturday", "Sunday"]) await page.getByRole("group", { name: "Contact days" }).getByLabel(day).check();
  await page.getByLabel("First contacts per week").fill("7");
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByText("Saved. Your first contacts are planned.")).toBeVisible();

  // Today: the first lead of the list is today's first contact; one tap logs the call.
  await page.getByRole("link", { name: "Today", exact: true }).click();
  const acme = article(page, "Acme");
  await expect(acme).toHaveAccessibleDescription("First contact");
  await expect(page.getByText(/0 of 3 leads contacted/)).toBeVisible();
  await expect(page.getByText("On pace: no lead contacted yet.")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await acme.getByRole("button", { name: "Phone", exact: true }).click();
  // Done: the row stays in place, marked done.
  await expect(acme.getByText("Logged: Phone with Acme.")).toBeVisible();
  await expect(acme).toHaveAccessibleDescription("Done · First contact");
  await page.reload();
  await expect(acme).toHaveAccessibleDescription("Done · First contact");
  await expect(page.getByText(/first contacts this week: 1 of \d planned · 1 of 3 leads contacted/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: /^The day's work/ })).toHaveAttribute("aria-valuetext", "1 of 1 done");
  await expect(page.getByText(/streak 1 contact day in a row/)).toBeVisible();
  await expect(page.getByText("On pace: 1 of 1 active lead neither overdue nor cold.")).toBeVisible();

  // Globex, from its own page: a call yesterday (logged late), then an e-mail today is too soon.
  await page.goto("/leads");
  await page.getByRole("link", { name: "Globex" }).click();
  await expect(page.getByRole("heading", { name: "Globex", level: 1 })).toBeVisible();
  await page.getByText("More details").click();
  await page.getByLabel("When").fill(await localDateTime(page, -1));
  await page.getByLabel("Note", { exact: true }).fill("Left a message with the assistant");
  // The details form has its own channel choice and Save button.
  await page.getByRole("radio", { name: "Phone", exact: true }).check();
  await page.getByRole("button", { name: "Save touch" }).click();
  await expect(page.getByText("Logged: Phone with Globex.")).toBeVisible();
  await page.getByRole("button", { name: "E-mail", exact: true }).click();
  const warning = page.getByRole("main").getByRole("alert");
  await expect(warning).toContainText("You contacted Globex less than 3 days ago. They may see another message as a nuisance.");
  await expectNoAxeViolations(page);
  await warning.getByRole("button", { name: "Save anyway" }).click();
  await expect(page.getByText("Logged: E-mail with Globex.")).toBeVisible();

  // Globex made an offer: close it as won. Initech asked to wait a month: pause it.
  await page.getByLabel("Won (an offer, a job)").check();
  await page.getByRole("button", { name: "Close lead" }).click();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  const inAMonth = (await localDateTime(page, 30)).slice(0, 10);
  await page.goto("/leads");
  await page.getByRole("link", { name: "Initech" }).click();
  await page.getByLabel("Pause until").fill(inAMonth);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByRole("button", { name: "Resume now" })).toBeVisible();

  // Today no longer shows the closed or the paused lead.
  await page.goto("/today");
  await expect(acme).toHaveAccessibleDescription("Done · First contact");
  await expect(article(page, "Globex")).toHaveCount(0);
  await expect(article(page, "Initech")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "The day's work: 1 of 1 done" })).toBeVisible();

  // Export: the leads with their state, and the touch log with the too-soon e-mail.
  await page.goto("/leads");
  const leadsCsv = await download(page, "Export leads (CSV)");
  // Every cell quoted (no spreadsheet splits one on another delimiter).
  expect(leadsCsv).toContain('"Company","Contact name","Title","E-mail","Phone"');
  // A phone number stays as written: only a formula start gets the guarding quote.
  expect(leadsCsv).toContain(`"Acme","Ann Lee","Head of Data","ann@acme.test","+1 202 555 0100"`);
  expect(leadsCsv).toMatch(/"Globex","Hank Scorpio","CEO","hank@globex\.test",.*,"won",/);
  expect(leadsCsv).toContain(`"Initech","Bill Lumbergh","VP","","+1 202 555 0199"`);
  expect(leadsCsv).toContain(inAMonth);
  const touchesCsv = await download(page, "Export touch log (CSV)");
  const lines = touchesCsv.split("\r\n");
  expect(lines[0]).toBe('"Date","Company","Contact","Channel","Direction","Outcome","Note","Material"');
  expect(lines.filter((line) => /,"Acme","Ann Lee","Phone","Outbound",/.test(line))).toHaveLength(1);
  expect(lines.filter((line) => /,"Globex","Hank Scorpio","Phone","Outbound","","Left a message with the assistant",/.test(line))).toHaveLength(1);
  expect(lines.filter((line) => /,"Globex","Hank Scorpio","E-mail","Outbound",/.test(line))).toHaveLength(1);
});
