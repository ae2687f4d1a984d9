import { expect, test } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { PASSWORD, signIn, signOut, signUp } from "./helpers";

/*
 * Sign-in attempts from other machines. Every loopback address (127.0.0.0/8) reaches the server, so
 * a Node client bound to 127.0.0.N is, for the server, another machine: its socket's address.
 */

type Answer = { status: number; location: string; cookies: string[] };

function send(
  baseURL: string,
  { method, path, from, headers = {}, body }: { method: string; path: string; from: string; headers?: Record<string, string>; body?: string },
): Promise<Answer & { text: string }> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress: from },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            location: String(res.headers.location ?? ""),
            cookies: (res.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!),
            text,
          }),
        );
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** One sign-in through the Auth.js endpoint, from the socket address `from`, with extra headers. */
async function attempt(baseURL: string, { email, password, from, headers = {} }: { email: string; password: string; from: string; headers?: Record<string, string> }) {
  const csrf = await send(baseURL, { method: "GET", path: "/api/auth/csrf", from, headers });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const answer = await send(baseURL, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    from,
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }).toString(),
  });
  // "invalid", "throttled" or "challenge" (the account-wide limit asks for a proof of work).
  return new URL(answer.location, baseURL).searchParams.get("code") ?? (answer.cookies.some((c) => c.includes("session-token")) ? "signed-in" : "?");
}

test("a client cannot pick its own address: rotating X-Forwarded-For buys no more guesses", async ({ page, baseURL }) => {
  const { email } = await signUp(page);
  await signOut(page);
  const codes: string[] = [];
  for (let guess = 0; guess < 8; guess++) {
    const headers = { "x-forwarded-for": `198.51.100.${guess + 1}`, "x-real-ip": `198.51.100.${guess + 1}` };
    codes.push(await attempt(baseURL!, { email, password: `wrong guess ${guess}`, from: "127.0.0.2", headers }));
  }
  // Five free failures for one account from one address, then the pair must wait.
  expect(codes.slice(0, 5)).toEqual(Array(5).fill("invalid"));
  expect(codes.slice(5)).toEqual(Array(3).fill("throttled"));
});

test("the real user signs in while the account is under attack from other addresses", async ({ page, baseURL }) => {
  test.slow();
  const { email } = await signUp(page);
  await signOut(page);
  // Three machines, four wrong guesses each (under the pair's five): the first ten failures trip the
  // account-wide limit; past it, each guess from anywhere must bring a proof of work.
  const codes: string[] = [];
  for (const from of ["127.0.0.3", "127.0.0.4", "127.0.0.5"]) {
    for (let guess = 0; guess < 4; guess++) codes.push(await attempt(baseURL!, { email, password: `attack ${from} ${guess}`, from }));
  }
  expect(codes).toEqual([...Array(10).fill("invalid"), "challenge", "challenge"]);
  expect(await attempt(baseURL!, { email, password: "one more guess", from: "127.0.0.6" })).toBe("challenge");

  // The real user, at their own address, with the right password: a short check by the browser, then in.
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible({ timeout: 30_000 });
});
