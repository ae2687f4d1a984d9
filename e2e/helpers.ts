import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const PASSWORD = "a calm and steady pace";

export function uniqueEmail(prefix = "seeker"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

export async function signUp(page: Page, { name = "Sam Seeker", email = uniqueEmail(), password = PASSWORD } = {}) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  // The time zone is read from the browser before the form can be sent.
  await expect(page.getByText(/^Time zone:/)).not.toContainText("detecting");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  return { name, email, password };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Nothing is wider than the viewport (no sideways scrolling on a 360 px phone). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Follow up on pace/ })).toBeVisible();
}
