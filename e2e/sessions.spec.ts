import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, signOut, signUp } from "./helpers";

async function sessionUserId(request: import("@playwright/test").APIRequestContext): Promise<string | null> {
  const response = await request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: { id?: string } } | null;
  return body?.user?.id ?? null;
}

test("a session cookie copied before 'Sign out' opens nothing after it, and /api/auth/session names no one", async ({ page, context, browser }) => {
  await signUp(page);
  // The thief's copy: the same cookie, in another browser.
  const stolen = await browser.newContext({ storageState: await context.storageState() });
  const thief = await stolen.newPage();
  await thief.goto("/today");
  await expect(thief.getByRole("heading", { name: "Today" })).toBeVisible();
  expect(await sessionUserId(stolen.request)).not.toBeNull();

  await signOut(page);

  await thief.goto("/today");
  await expect(thief).toHaveURL(/\/sign-in/);
  expect(await sessionUserId(stolen.request)).toBeNull();
  await stolen.close();
});
