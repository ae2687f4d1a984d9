import { expect, test } from "@playwright/test";
import { PASSWORD, signUp, signOut, uniqueEmail } from "./helpers";

test("pages carry a nonce-based Content-Security-Policy with no inline script allowed, and run without violations", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });

  const response = await page.goto("/sign-up");
  const policy = response!.headers()["content-security-policy"]!;
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response!.headers()["x-powered-by"]).toBeUndefined();
  // Served over plain HTTP here: no HSTS (it is sent only over HTTPS).
  expect(response!.headers()["strict-transport-security"]).toBeUndefined();

  // Every script the server sends carries this response's nonce; the chunks those scripts load later
  // need none ('strict-dynamic' trusts them), and the listener above reports any that were refused.
  const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
  const sentScripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(sentScripts.length).toBeGreaterThan(0);
  for (const script of sentScripts) expect(script).toContain(`nonce="${nonce}"`);

  // A second response gets a fresh nonce.
  const again = await page.request.get("/sign-up");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);

  // The app's own scripts work under the policy: sign-up reads the time zone in the browser.
  await signUp(page);
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly, SameSite=Lax, for the whole site", async ({ page, context }) => {
  await signUp(page);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"))!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});

test("a cross-origin POST to a server action is refused and signs no one in", async ({ page, playwright }) => {
  const { email } = await signUp(page);
  await signOut(page);

  // Capture the browser's own sign-in action request, then replay it from another origin.
  await page.goto("/sign-in");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("button", { name: "Sign in" }).click();
  const original = await actionRequest;
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();

  const outsider = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const replay = await outsider.post("/sign-in", {
    headers: { ...(await original.allHeaders()), origin: "https://evil.example", cookie: "" },
    data: original.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  expect(replay.status()).toBeGreaterThanOrEqual(400);
  expect(replay.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
  await outsider.dispose();
});

test("signing in through the Auth.js endpoint without its CSRF token gets no session", async ({ playwright, baseURL }) => {
  const outsider = await playwright.request.newContext({ baseURL });
  const response = await outsider.post("/api/auth/callback/credentials", {
    form: { email: uniqueEmail(), password: PASSWORD },
    maxRedirects: 0,
  });
  expect(response.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
  expect(response.headers()["location"] ?? "").toMatch(/MissingCSRF|error/);
  await outsider.dispose();
});
