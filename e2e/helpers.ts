import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_POSTGRES_CRON_SECRET } from "../playwright.config";
import { actionHeaders, encodeActionCall, formDataOf, serverActionIds } from "./server-actions";

export const PASSWORD = "a calm and steady pace";

export function uniqueEmail(prefix = "seeker"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** What brings them, as the sign-up form asks it; each lands on their own screen. */
export const USE_LABELS = { seeking: "Finding a job", coaching: "Coaching job seekers", both: "Both" } as const;

export async function signUp(
  page: Page,
  { name = "Sam Seeker", email = uniqueEmail(), password = PASSWORD, uses = "seeking" as keyof typeof USE_LABELS } = {},
) {
  await page.goto("/sign-up");
  await page.getByRole("radio", { name: USE_LABELS[uses], exact: true }).check();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(password);
  // The time zone is read from the browser before the form can be sent.
  await expect(page.getByText(/^Time zone:/)).not.toContainText("detecting");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: uses === "coaching" ? "Clients" : "Today", level: 1 })).toBeVisible();
  return { name, email, password };
}

/**
 * Signs up as the sign-up form does, without the form: the sign-up action posted in this page's own
 * cookie jar with the browser's time zone, the digest box ticked as offered and the return to Today,
 * then their home screen opened. For specs where an account is set-up, not the subject (the form itself
 * is driven by auth.spec.ts, seeker-flow.spec.ts, ux.spec.ts, return-path.spec.ts and others).
 */
export async function signUpOverHttp(
  page: Page,
  { name = "Sam Seeker", email = uniqueEmail(), password = PASSWORD, uses = "seeking" as keyof typeof USE_LABELS } = {},
) {
  const id = serverActionIds().get("app/(auth)/actions.ts#signUpAction");
  if (!id) throw new Error("signUpAction is not in the build's server-reference manifest");
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const origin = new URL(String(test.info().project.use.baseURL)).origin;
  const fields = { uses, name, email, password, digest: "on", timeZone, next: "/today" };
  const { body, contentType } = await encodeActionCall([null, formDataOf(fields)]);
  const response = await page.request.post(`${origin}/sign-up`, { headers: actionHeaders({ id, origin, contentType }), data: body, maxRedirects: 0 });
  const home = response.headers()["x-action-redirect"]?.split(";")[0];
  expect(home, `the sign-up of ${email} answered ${response.status()} without sending them home`).toMatch(/^\/(today|coach)$/);
  await page.goto(home!);
  await expect(page.getByRole("heading", { name: uses === "coaching" ? "Clients" : "Today", level: 1 })).toBeVisible();
  return { name, email, password };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectNoAxeViolations(page: Page) {
  // After a navigation the page's title may come a moment after its content (Next streams the
  // metadata): every page has one, so wait for it rather than judge the page before it is all there.
  await expect.poll(() => page.title(), { message: "the page has a title" }).not.toBe("");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Nothing is wider than the viewport (no sideways scrolling on a 360 px phone). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Opens the phone's "More" menu (Settings, Sign out) when the page shows one; a desktop needs nothing. */
export async function openMoreMenu(page: Page) {
  const more = page.getByRole("button", { name: "More", exact: true });
  if ((await more.isVisible()) && (await more.getAttribute("aria-expanded")) !== "true") await more.click();
}

export async function signOut(page: Page) {
  await openMoreMenu(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Follow up on pace/ })).toBeVisible();
}

/**
 * Waits until the Leads table is live in the browser with its drag and drop: dnd-kit loads when a
 * drag handle is first focused or hovered (app/leads/lead-list.tsx) and mounts its screen-reader
 * region then. Focusing a handle before the page is hydrated does nothing, so this focuses one
 * until the region is there.
 */
export async function leadsTableReady(page: Page) {
  const handle = page.getByRole("button", { name: /^Drag / }).first();
  const region = page.locator('[id^="DndDescribedBy"]').first();
  await expect(async () => {
    await handle.blur();
    await handle.focus();
    await expect(region).toBeAttached({ timeout: 1_000 });
  }).toPass();
}

/** What the Leads table announces to a screen reader while a lead is dragged (dnd-kit's live region). */
export function dragAnnouncement(page: Page) {
  return page.locator('[id^="DndLiveRegion"]').first();
}

/**
 * Moves a lead by keyboard as a screen-reader user would: space to pick it up, the arrow `steps`
 * times, space to drop, each key once the table has said what the last one did (dnd-kit listens
 * for the next key only after the pick-up, and measures the rows between moves).
 */
export async function moveLeadByKeyboard(page: Page, company: string, steps: number, direction: "ArrowUp" | "ArrowDown") {
  await leadsTableReady(page);
  const handle = page.getByRole("button", { name: `Drag ${company}` });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  // Picked up, it is over its own place: "Initech would move to position 3."
  await expect(dragAnnouncement(page)).toContainText(`${company} would move to position`);
  const start = Number(/position (\d+)/.exec((await dragAnnouncement(page).textContent()) ?? "")?.[1]);
  const sign = direction === "ArrowUp" ? -1 : 1;
  for (let step = 1; step <= steps; step++) {
    await page.keyboard.press(direction);
    await expect(dragAnnouncement(page)).toContainText(`${company} would move to position ${start + sign * step}.`);
  }
  await page.keyboard.press("Space");
  await expect(dragAnnouncement(page)).toContainText(`${company} dropped at position ${start + sign * steps}.`);
}

/** Which database the project's server runs on (playwright.config.ts). */
export function projectDatabase(testInfo: TestInfo): "postgres" | "embedded" {
  return testInfo.project.metadata.database === "postgres" ? "postgres" : "embedded";
}

/** The bearer secret of the project's server: set for the PostgreSQL one, generated into the data folder on the embedded default. */
export function cronSecretFor(testInfo: TestInfo): string {
  if (projectDatabase(testInfo) === "postgres") return E2E_POSTGRES_CRON_SECRET;
  const secrets = JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR!, "secrets.json"), "utf8")) as { CRON_SECRET: string };
  return secrets.CRON_SECRET;
}

/** Adds a lead with a phone number through its form and logs a call with one tap on its page. */
export async function addLeadAndLogCall(page: Page, company: string) {
  await page.goto("/leads/new");
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("Phone").fill("+1 555 0100");
  await page.getByRole("button", { name: "Add lead" }).click();
  await expect(page).not.toHaveURL(/\/leads\/new$/);
  await page.getByRole("region", { name: "Log a touch" }).getByRole("button", { name: "Phone", exact: true }).click();
  await expect(page.getByText(`Logged: Phone with ${company}.`)).toBeVisible();
}
