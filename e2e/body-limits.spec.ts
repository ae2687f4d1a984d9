import { expect, test } from "@playwright/test";
import { CSV_MAX_BYTES, CSV_TOO_BIG } from "../lib/csv/limits";
import { signUp } from "./helpers";
import { actionHeaders, encodeActionCall, formDataOf, serverActionIds } from "./server-actions";

/*
 * Server actions keep Next's 1 MB body limit (an action's body is read before the action can look at
 * the session); the CSV import's megabytes go to route handlers that check the session first.
 */

test("an anonymous 6 MB post to the sign-in action is refused, and signs no one in", async ({ playwright, baseURL }) => {
  const id = serverActionIds().get("app/(auth)/actions.ts#signInAction")!;
  const { body, contentType } = await encodeActionCall([null, formDataOf({ email: "a@example.com", password: "x".repeat(6 * 1024 * 1024), next: "" })]);
  const outsider = await playwright.request.newContext({ baseURL });
  const response = await outsider.post("/sign-in", {
    headers: actionHeaders({ id, origin: new URL(baseURL!).origin, contentType }),
    data: body,
    maxRedirects: 0,
  });
  // Refused by Next's 1 MB limit on reading, before the action runs (Next 16 answers its error as a
  // 500); with the old 12 MB limit the whole body was read and parsed, and the form answered 200.
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(await response.text()).not.toContain("Wrong e-mail or password");
  expect(response.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
  await outsider.dispose();
});

test("the CSV upload: anonymous is sent to sign in, a file over the limit is refused, one within it previewed", async ({ page, playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const big = Buffer.alloc(CSV_MAX_BYTES + 1, "a");

  const outsider = await playwright.request.newContext({ baseURL });
  const anonymous = await outsider.post("/leads/import/upload", { headers: { origin, "content-type": "text/csv" }, data: big, maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/\/sign-in/);
  await outsider.dispose();

  await signUp(page);
  const tooBig = await page.request.post("/leads/import/upload", { headers: { origin, "content-type": "text/csv" }, data: big });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.json()).toMatchObject({ ok: false, fieldErrors: { file: [CSV_TOO_BIG] } });

  const small = await page.request.post("/leads/import/upload", {
    headers: { origin, "content-type": "text/csv" },
    data: Buffer.from("Company,Contact name\nAcme Rockets,Ann Lee\n"),
  });
  expect(small.status()).toBe(200);
  expect(await small.json()).toMatchObject({ ok: true, preview: { counts: { ready: 1, invalid: 0, duplicate: 0 } } });
});
