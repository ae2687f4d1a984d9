import { expect, test, type APIRequestContext } from "@playwright/test";
import ICAL from "ical.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { signUp } from "./helpers";

/*
 * Reaching the seeker outside the app (docs/product.md): the calendar feed a calendar app subscribes
 * to, and the manifest and icons that make Cadence installable.
 */

/** Today's rows as the page shows them: the company and the section. */
async function todayRows(page: import("@playwright/test").Page): Promise<{ company: string; section: string }[]> {
  await page.goto("/today");
  await expect(page.getByRole("heading", { name: /^The day's work/ })).toBeVisible();
  // Each row belongs to the heading before it: the day's work, gone cold, or the next 7 days.
  return page.locator("main article").evaluateAll((articles) =>
    articles.map((article) => {
      // A row sits in a frame of its own (Today holds a row being logged in place): the headings are the frames' siblings.
      let heading = (article.closest("[data-row]") ?? article).previousElementSibling;
      while (heading && heading.tagName !== "H2") heading = heading.previousElementSibling;
      const status = document.getElementById(article.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
      const part = heading?.id ?? "";
      const section = status.startsWith("Done") ? "done_today" : part === "section-coming" ? "this_week" : part === "section-cold" ? "cold" : "due";
      return { company: article.querySelector("h3")!.textContent!.trim(), section };
    }),
  );
}

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, date: event.startDate.toString(), allDay: event.startDate.isDate, description: event.description };
  });
}

test("the calendar feed: made in Settings, shown once, read without a cookie, the same work as Today, renewed and turned off", async ({
  page,
  context,
  playwright,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "One run is enough: the feed is not about layout.");
  await signUp(page);
  await page.goto("/leads");
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await expect(page.getByRole("heading", { name: "These are sample leads" })).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByRole("textbox", { name: "Calendar feed" })).toHaveCount(0);
  await page.getByRole("button", { name: "Create a calendar feed address" }).click();
  await expect(page.getByText("Copy it now; for your privacy it is shown only once.")).toBeVisible();
  const address = await page.getByRole("textbox", { name: "Calendar feed" }).inputValue();
  expect(address).toMatch(new RegExp(`^${baseURL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.getByRole("button", { name: "Copy address" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);

  // A calendar app: no cookie at all.
  const calendarApp: APIRequestContext = await playwright.request.newContext();
  const response = await calendarApp.get(address, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("private, max-age=3600");
  const events = parseFeed(await response.text());

  // Against Today: every lead due, late or coming this week is in the feed, late and due ones on today.
  const today = await page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
  const rows = (await todayRows(page)).filter((row) => row.section !== "done_today");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const event = events.find((candidate) => candidate.summary.replace(/^(First contact|Follow up): /, "").startsWith(row.company));
    expect(event, `${row.company} (${row.section}) is in the feed`).toBeDefined();
    expect(event!.allDay).toBe(true);
    if (row.section === "this_week") expect(event!.date > today, `${row.company} is after today`).toBe(true);
    else expect(event!.date, `${row.company} is on today`).toBe(today);
    expect(event!.description).toContain(`${baseURL}/today`);
  }
  for (const event of events) expect(event.date >= today).toBe(true);
  expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);

  // Shown once: back in Settings, only the fact that the feed is on.
  await page.goto("/settings");
  await expect(page.getByRole("textbox", { name: "Calendar feed" })).toHaveCount(0);
  await expect(page.getByText(/Your calendar feed is on since/)).toBeVisible();

  // A new address ends the old one.
  await page.getByRole("button", { name: "Make a new address" }).click();
  await expect(page.getByRole("textbox", { name: "Calendar feed" })).not.toHaveValue(address);
  const renewed = await page.getByRole("textbox", { name: "Calendar feed" }).inputValue();
  expect((await calendarApp.get(address)).status()).toBe(404);
  expect((await calendarApp.get(renewed)).status()).toBe(200);

  // Turned off: nothing at any address.
  await page.getByRole("button", { name: "Turn off the feed" }).click();
  await expect(page.getByRole("button", { name: "Create a calendar feed address" })).toBeVisible();
  await expect(page.getByText("The calendar feed is off.")).toBeVisible();
  expect((await calendarApp.get(renewed)).status()).toBe(404);
  await calendarApp.dispose();
});

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

test("installable: the manifest and its icons load for a signed-out visitor, and Chromium finds nothing missing", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  await page.goto("/");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBeTruthy();
  const manifestUrl = new URL(manifestHref!, baseURL).toString();

  // As the browser fetches them: no cookie.
  const anonymous = await playwright.request.newContext();
  const response = await anonymous.get(manifestUrl, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({
    name: "Cadence",
    short_name: "Cadence",
    start_url: "/today",
    display: "standalone",
    theme_color: "#185a4a",
  });
  expect(manifest.icons.map((icon) => [icon.sizes, icon.purpose ?? "any"])).toEqual([
    ["192x192", "any"],
    ["512x512", "any"],
    ["512x512", "maskable"],
  ]);
  for (const icon of manifest.icons) {
    const image = await anonymous.get(new URL(icon.src, manifestUrl).toString(), { maxRedirects: 0 });
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    const [width, height] = icon.sizes.split("x").map(Number);
    expect(pngSize(await image.body()), icon.src).toEqual({ width, height });
  }

  // The favicon and the Apple touch icon, as the page links them.
  const favicon = await anonymous.get(new URL((await page.locator('link[rel="icon"]').first().getAttribute("href"))!, baseURL).toString());
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
  const appleHref = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const apple = await anonymous.get(new URL(appleHref!, baseURL).toString());
  expect(apple.status()).toBe(200);
  expect(pngSize(await apple.body())).toEqual({ width: 180, height: 180 });
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#185a4a");
  await anonymous.dispose();

  // Chromium's own verdict (what makes it offer "Install"). Test contexts are off the record, which
  // alone makes a page "in-incognito" and not installable: ask in a browser with a profile on disk.
  const profile = mkdtempSync(path.join(tmpdir(), "cadence-install-"));
  const browser = await playwright.chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL });
  try {
    const installable = browser.pages()[0] ?? (await browser.newPage());
    await installable.goto("/");
    const cdp = await browser.newCDPSession(installable);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string; errorArguments: { name: string; value: string }[] }[];
    };
    expect(installabilityErrors).toEqual([]);
    const { url: reportedManifest } = (await cdp.send("Page.getAppManifest")) as { url: string };
    expect(reportedManifest).toBe(manifestUrl);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
