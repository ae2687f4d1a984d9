import { expect, test, type Page } from "@playwright/test";
import { dragAnnouncement, expectNoAxeViolations, expectNoHorizontalScroll, leadsTableReady, moveLeadByKeyboard, signUpOverHttp } from "./helpers";

/*
 * The Leads table at any size: 50 rows a page, a selection bar, "select all matching" across
 * pages, reordering by drag and drop (pointer and keyboard) and by position number, and the
 * limits on the list (5,000 leads) and on imports (10 an hour).
 */

async function checkScreen(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

/** Company names of the table, top to bottom. */
async function listedCompanies(page: Page) {
  return page.locator("table tbody tr").getByRole("link").allInnerTexts();
}

/** Imports CSV rows as the import page does (upload for a preview, then confirm it), for setting up. */
async function importRows(page: Page, csv: string) {
  const origin = new URL(page.url()).origin;
  const preview = await page.request.post("/leads/import/upload", { headers: { origin, "content-type": "text/csv" }, data: Buffer.from(csv) });
  const previewed = (await preview.json()) as { ok: boolean; preview?: { candidates: unknown[] }; fieldErrors?: unknown };
  if (!previewed.ok) return previewed;
  const confirmed = await page.request.post("/leads/import/confirm", {
    headers: { origin },
    form: { rows: JSON.stringify(previewed.preview!.candidates) },
  });
  return (await confirmed.json()) as { ok: boolean; location?: string; message?: string };
}

function csvOf(companies: string[]): string {
  return ["Company,Contact name", ...companies.map((company) => `${company},`)].join("\n");
}

function dateFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("with 5,000 leads the list is paged, small, and 'select all matching' spans pages; the cap says so", async ({ page }) => {
  test.setTimeout(600_000);
  await signUpOverHttp(page);
  const companies = Array.from({ length: 5000 }, (_, index) => `Scale ${index + 1}`);
  expect(await importRows(page, csvOf(companies))).toMatchObject({ ok: true, location: "/leads?imported=5000" });

  // The page: 50 rows, under 300 KB of HTML, with a way on.
  const response = await page.request.get("/leads");
  const html = await response.text();
  expect(Buffer.byteLength(html)).toBeLessThan(300 * 1024);
  await page.goto("/leads");
  await expect(page.getByText("Showing 1–50 of 5,000.")).toBeVisible();
  await expect(page.locator("table tbody tr")).toHaveCount(50);
  await page.getByRole("link", { name: "Next 50 →" }).click();
  await expect(page.getByText("Showing 51–100 of 5,000.")).toBeVisible();
  expect((await listedCompanies(page))[0]).toBe("Scale 51");
  await page.getByRole("link", { name: "← Previous 50" }).click();
  await expect(page.getByText("Showing 1–50 of 5,000.")).toBeVisible();
  await checkScreen(page);

  // Sorting by a column, in the address.
  await page.getByLabel("Sort by").selectOption("company");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/sort=company/);
  expect((await listedCompanies(page)).slice(0, 3)).toEqual(["Scale 1", "Scale 10", "Scale 100"]);

  // "Scale 12" finds the leads with "12" anywhere in their number: 199 of them, four pages. Select all from the first.
  await page.goto("/leads?q=Scale+12");
  await expect(page.getByText("Showing 1–50 of 199 matching (of 5,000).")).toBeVisible();
  await page.getByLabel("Select every lead on this page").check();
  const bar = page.getByRole("region", { name: /selected/ });
  await expect(bar.getByRole("heading", { name: "50 selected" })).toBeVisible();
  await bar.getByRole("button", { name: "Select all 199 matching" }).click();
  await expect(bar.getByRole("heading", { name: "All 199 matching leads selected" })).toBeVisible();
  await checkScreen(page);
  // Refused without a reason: the selection stays, and the retry works.
  await bar.getByRole("button", { name: "Close as dropped" }).click();
  await expect(bar.getByText("Say why you are dropping it.")).toBeVisible();
  await expect(bar.getByRole("heading", { name: "All 199 matching leads selected" })).toBeVisible();
  await bar.getByLabel("Reason for dropping").fill("Too far away");
  await bar.getByRole("button", { name: "Close as dropped" }).click();
  await expect(page.getByText("Closed 199 leads as dropped.").first()).toBeVisible();
  await page.goto("/leads?state=closed");
  await expect(page.getByText("Showing 1–50 of 199 matching (of 5,000).")).toBeVisible();

  // The list is full: adding and importing more are refused with the reason.
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill("One too many");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page.getByText(/You have 5,000 leads, the most an account can hold/)).toBeVisible();
  await expect(page.getByLabel("Company")).toHaveValue("One too many");
  await page.goto("/leads/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "more.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf(["One more"])) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText(/Your list is full: an account holds at most 5,000 leads/)).toBeVisible();
  await checkScreen(page);
});

test("imports are limited to 10 an hour, with when the next is possible", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpOverHttp(page);
  for (let index = 0; index < 10; index += 1) {
    expect(await importRows(page, csvOf([`Batch ${index}`]))).toMatchObject({ ok: true });
  }
  await page.goto("/leads/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "eleventh.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf(["Eleventh"])) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText(/You have imported 10 files in the last hour, the most allowed\. You can import again at /)).toBeVisible();
  await checkScreen(page);
});

test("reordering by keyboard, by pointer and by position; a refused bulk action keeps the selection", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signUpOverHttp(page);
  expect(await importRows(page, csvOf(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]))).toMatchObject({ ok: true });
  await page.goto("/leads");
  await expect.poll(() => listedCompanies(page)).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
  await checkScreen(page);

  // Keyboard: pick Charlie up with space, two steps up, drop with space; the handle keeps the focus.
  await moveLeadByKeyboard(page, "Charlie", 2, "ArrowUp");
  await expect.poll(() => listedCompanies(page)).toEqual(["Charlie", "Alpha", "Bravo", "Delta", "Echo"]);
  await expect(page.getByText("Charlie: moved to position 1.", { exact: true })).toBeVisible();
  await page.reload();
  await expect.poll(() => listedCompanies(page)).toEqual(["Charlie", "Alpha", "Bravo", "Delta", "Echo"]);

  // Pointer (mouse on desktop, the same pointer events on the phone): Echo dropped on Alpha's row.
  if (testInfo.project.name !== "phone") {
    await leadsTableReady(page);
    const handle = page.getByRole("button", { name: "Drag Echo" });
    const target = page.locator("table tbody tr").filter({ hasText: "Alpha" });
    // The mouse reaches only what is on screen: scroll Echo's row into view first, as a person would.
    await handle.scrollIntoViewIfNeeded();
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 20 });
    // Let go once the table says where Echo would land, as a person watching the rows would.
    await expect(dragAnnouncement(page)).toContainText("Echo would move to position 2");
    await page.mouse.up();
    await expect.poll(() => listedCompanies(page)).toEqual(["Charlie", "Echo", "Alpha", "Bravo", "Delta"]);
    // The rows move at once; the saved order is said when the server has it. Reloading before then
    // would cancel the save, as it would for a person who reloads at once.
    await expect(page.getByText("Echo: moved to position 2.", { exact: true })).toBeVisible();
    await page.reload();
    await expect.poll(() => listedCompanies(page)).toEqual(["Charlie", "Echo", "Alpha", "Bravo", "Delta"]);
  }
  const order = await listedCompanies(page);

  // Move to position: a bad number is explained at the field; a good one moves the lead anywhere.
  await page.getByRole("button", { name: "Move to… a position, Delta" }).click();
  await expect(page.getByLabel("New position for Delta")).toBeFocused();
  await page.getByLabel("New position for Delta").fill("0");
  await page.getByRole("button", { name: "Move Delta", exact: true }).click();
  await expect(page.getByText("Enter a position: a whole number, 1 for the top of the list.")).toBeVisible();
  await checkScreen(page);
  await page.getByLabel("New position for Delta").fill("2");
  await page.getByRole("button", { name: "Move Delta", exact: true }).click();
  const expected = order.filter((company) => company !== "Delta");
  expected.splice(1, 0, "Delta");
  await expect.poll(() => listedCompanies(page)).toEqual(expected);
  await expect(page.getByRole("button", { name: "Move to… a position, Delta" })).toBeFocused();

  // A refused action (no date) keeps the ticks; the retry works.
  await page.getByLabel("Select Alpha").check();
  await page.getByLabel("Select Bravo").check();
  const bar = page.getByRole("region", { name: /selected/ });
  await expect(bar.getByRole("heading", { name: "2 selected" })).toBeVisible();
  await bar.getByRole("button", { name: "Pause selected" }).click();
  await expect(bar.getByRole("alert")).toBeVisible();
  await expect(bar.getByRole("heading", { name: "2 selected" })).toBeVisible();
  await expect(page.getByLabel("Select Alpha")).toBeChecked();
  await expect(page.getByLabel("Select Bravo")).toBeChecked();
  await checkScreen(page);
  await bar.getByLabel("Pause until").fill(dateFromNow(20));
  await bar.getByRole("button", { name: "Pause selected" }).click();
  await expect(page.getByText(/Paused 2 leads until/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: /selected/ })).toHaveCount(0);
  await expect(page.getByLabel("Select Alpha")).not.toBeChecked();
});

/**
 * Holds back every script the page asks for from now on, until `release`: the drag code (dnd-kit),
 * which the Leads table asks for on the first sign of a drag, is the one it asks for.
 */
async function holdScripts(page: Page) {
  let asked = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    asked += 1;
    await released;
    await route.continue();
  });
  return { asked: () => asked, release: () => release() };
}

test("a drag begun before the drag code has come goes ahead once it comes, by keyboard and by pointer", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUpOverHttp(page);
  expect(await importRows(page, csvOf(["Alpha", "Bravo", "Charlie"]))).toMatchObject({ ok: true });
  await page.goto("/leads");
  await page.waitForLoadState("networkidle");
  const region = page.locator('[id^="DndDescribedBy"]');
  await expect(region).toHaveCount(0);

  // Keyboard: the handle's focus asks for the drag code (focused again until the page is hydrated
  // and asks); space is pressed while it is held back, and picks Bravo up once it comes.
  let scripts = await holdScripts(page);
  const bravo = page.getByRole("button", { name: "Drag Bravo" });
  await expect(async () => {
    await bravo.blur();
    await bravo.focus();
    expect(scripts.asked()).toBeGreaterThan(0);
  }).toPass();
  await page.keyboard.press("Space");
  await expect(region).toHaveCount(0);
  scripts.release();
  await expect(bravo).toHaveAttribute("aria-pressed", "true");
  await expect(dragAnnouncement(page)).toContainText("Bravo would move to position 2.");
  await page.keyboard.press("ArrowUp");
  await expect(dragAnnouncement(page)).toContainText("Bravo would move to position 1.");
  await page.keyboard.press("Space");
  await expect.poll(() => listedCompanies(page)).toEqual(["Bravo", "Alpha", "Charlie"]);
  await expect(page.getByText("Bravo: moved to position 1.", { exact: true })).toBeVisible();
  await page.unrouteAll({ behavior: "wait" });

  // Pointer (desktop): hovering the handle asks for the drag code; the press and the first steps
  // come while it is held back, and the drag goes on from that press once it comes.
  if (testInfo.project.name !== "phone") {
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(region).toHaveCount(0);
    scripts = await holdScripts(page);
    const handle = page.getByRole("button", { name: "Drag Charlie" });
    const from = (await handle.boundingBox())!;
    const to = (await page.locator("table tbody tr").filter({ hasText: "Bravo" }).boundingBox())!;
    await expect(async () => {
      await page.mouse.move(0, 0);
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      expect(scripts.asked()).toBeGreaterThan(0);
    }).toPass();
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 2, { steps: 2 });
    await expect(region).toHaveCount(0);
    scripts.release();
    await expect(region).toHaveCount(1);
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 20 });
    await expect(dragAnnouncement(page)).toContainText("Charlie would move to position 1");
    await page.mouse.up();
    await expect.poll(() => listedCompanies(page)).toEqual(["Charlie", "Bravo", "Alpha"]);
    // Saved once the table says so: a reload before then would cancel the save.
    await expect(page.getByText("Charlie: moved to position 1.", { exact: true })).toBeVisible();
    await page.reload();
    await expect.poll(() => listedCompanies(page)).toEqual(["Charlie", "Bravo", "Alpha"]);
  }
});
