import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { signUpOverHttp } from "./helpers";

// The JavaScript each page makes the browser download, gzipped, against a floor: the framework's own
// scripts, which every App Router page loads before any code of its own (the build manifest's
// `rootMainFiles`: React, React DOM, Next's router and Turbopack's runtime). A bare Next.js app of the
// same versions loads the same amount (README "Benchmarks"). Each page may add at most 15% to it.
const ALLOWANCE = 1.15;

const distDir = process.env.NEXT_DIST_DIR || ".next";
const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

function frameworkFloor(): number {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  expect(manifest.rootMainFiles.length).toBeGreaterThan(0);
  return manifest.rootMainFiles.reduce((sum, file) => sum + gzipped(readFileSync(path.join(distDir, file))), 0);
}

/** Opens `pathname` in a fresh page of `context` (nothing cached) and sums the scripts it downloads, gzipped. */
async function scriptWeight(context: BrowserContext, pathname: string, heading: string | RegExp) {
  const page = await context.newPage();
  const scripts = new Map<string, Promise<number>>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.set(
      response.url(),
      response.body().then(gzipped, () => 0),
    );
  });
  await page.goto(pathname);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  // Scripts loaded after the first paint (lazy chunks, prefetches) count too.
  await page.waitForLoadState("networkidle");
  const sizes = await Promise.all(scripts.values());
  await page.close();
  return { bytes: sizes.reduce((sum, size) => sum + size, 0), files: scripts.size };
}

async function freshContext(browser: Browser, from: BrowserContext | undefined, baseURL: string | undefined) {
  return browser.newContext({ baseURL, storageState: from ? await from.storageState() : undefined });
}

test("each page loads at most 15% more JavaScript than the framework itself", async ({ page, browser, baseURL }) => {
  // Seven pages, each in a fresh browser context: slow on a busy machine.
  test.setTimeout(300_000);
  const floor = frameworkFloor();

  await signUpOverHttp(page);
  await page.goto("/leads");
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await expect(page.getByRole("heading", { name: "These are sample leads" })).toBeVisible();
  await page.getByRole("link", { name: "Northwind Logistics" }).click();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const leadPath = new URL(page.url()).pathname;

  const pages: { name: string; path: string; heading: string | RegExp; signedIn: boolean }[] = [
    { name: "Today", path: "/today", heading: "Today", signedIn: true },
    { name: "Leads", path: "/leads", heading: "Leads", signedIn: true },
    { name: "a lead", path: leadPath, heading: "Northwind Logistics", signedIn: true },
    { name: "Materials", path: "/materials", heading: "Materials", signedIn: true },
    { name: "Coach", path: "/coach", heading: "Clients", signedIn: true },
    { name: "Settings", path: "/settings", heading: "Settings", signedIn: true },
    { name: "sign-in", path: "/sign-in", heading: "Sign in", signedIn: false },
  ];
  const figures: string[] = [`framework floor: ${(floor / 1024).toFixed(1)} KB gzipped; allowed ${ALLOWANCE}×`];
  console.log(figures[0]);
  const over: string[] = [];
  for (const target of pages) {
    const context = await freshContext(browser, target.signedIn ? page.context() : undefined, baseURL);
    const { bytes, files } = await scriptWeight(context, target.path, target.heading);
    await context.close();
    const ratio = bytes / floor;
    figures.push(`${target.name}: ${(bytes / 1024).toFixed(1)} KB in ${files} scripts, ${ratio.toFixed(2)}×`);
    console.log(figures.at(-1));
    if (ratio > ALLOWANCE) over.push(`${target.name} ${ratio.toFixed(2)}×`);
  }
  test.info().annotations.push({ type: "js-weight", description: figures.join("; ") });
  expect(over, figures.join("\n")).toEqual([]);
});
