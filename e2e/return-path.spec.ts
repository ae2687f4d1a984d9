import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./helpers";

/*
 * The return address after signing in or up ("?next=") never takes the browser off the site, however
 * it is spelled: paths that normalise to "//host" are refused (Today instead), and a path with
 * characters outside ASCII is sent percent-encoded rather than failing the request.
 */

/** Every request the page makes to another host is recorded, and refused. */
async function recordForeignRequests(page: Page, baseURL: string): Promise<string[]> {
  const foreign: string[] = [];
  const own = new URL(baseURL).host;
  await page.route(
    (url) => url.host !== own,
    (route) => {
      foreign.push(route.request().url());
      return route.abort();
    },
  );
  return foreign;
}

/** Server errors answered to the page's own requests. */
function recordServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

const LEAVING = ["/.//attacker.invalid/phish", "/..//attacker.invalid/x", "/%2e//attacker.invalid/x", "/a/..//attacker.invalid/x"];

for (const next of LEAVING) {
  test(`?next=${next} stays on the site after signing up, and after signing in`, async ({ page, baseURL }) => {
    const foreign = await recordForeignRequests(page, baseURL!);
    const errors = recordServerErrors(page);
    const email = uniqueEmail("next");

    await page.goto(`/sign-up?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Name").fill("Nell Next");
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await expect(page.getByText(/^Time zone:/)).not.toContainText("detecting");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

    // Signed in already: the sign-in page sends the visitor on at once, to Today.
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();

    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/today");

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("?next= with a character outside ASCII is followed, percent-encoded, without a server error", async ({ page, baseURL }) => {
  const foreign = await recordForeignRequests(page, baseURL!);
  const errors = recordServerErrors(page);
  const { email } = await signUp(page, { name: "Nell Next", email: uniqueEmail("next") });

  // Signed in: the page redirects at once (this answered 500: Node refused the Location header).
  const response = await page.request.get("/sign-in?next=/%C4%80", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toBe("/%C4%80");

  await page.context().clearCookies();
  await page.goto("/sign-in?next=/%C4%80");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/%C4%80");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
