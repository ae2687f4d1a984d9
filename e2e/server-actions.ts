import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/*
 * Calling the app's server actions over HTTP as the browser does, without a browser: the action's id
 * comes from the build's manifest and the body is encoded by React's own `encodeReply`.
 */

type Manifest = { node: Record<string, { filename?: string; exportedName?: string; workers?: Record<string, unknown> }> };

/** Every server action of a build, as `file#exportedName` → action id. */
export function serverActionIds(distDir = process.env.NEXT_DIST_DIR ?? ".next"): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

/**
 * The pages each server action of a build can be posted to, as `file#exportedName` → route patterns
 * ("/leads", "/leads/[id]"): an action posted to a page that does not load it still runs, but
 * answers its notFound() with 200 instead of 404.
 */
export function serverActionPages(distDir = process.env.NEXT_DIST_DIR ?? ".next"): Map<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const pages = new Map<string, string[]>();
  for (const entry of Object.values(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const routes = Object.keys(entry.workers ?? {})
      .filter((worker) => worker.startsWith("app/") && worker.endsWith("/page"))
      .map((worker) => `/${worker.slice("app/".length, -"/page".length)}`.replace(/\/\([^/]+\)/g, ""));
    pages.set(`${entry.filename}#${entry.exportedName}`, routes);
  }
  return pages;
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as { encodeReply: EncodeReply };

/** The request body and content type of a call `action(...args)`, as React encodes it in the browser. */
export async function encodeActionCall(args: unknown[]): Promise<{ body: Buffer; contentType: string }> {
  const encoded = await encodeReply(args);
  const response = new Response(encoded);
  return {
    body: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get("content-type") ?? "text/plain;charset=UTF-8",
  };
}

/** A form's fields as the FormData a `(prevState, formData)` action receives. */
export function formDataOf(fields: Record<string, string | string[]>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item);
  }
  return formData;
}

/** Headers for posting an action to `page` of `origin` (same origin, as Next.js requires). */
export function actionHeaders({ id, origin, contentType, cookie }: { id: string; origin: string; contentType: string; cookie?: string }) {
  return {
    "next-action": id,
    origin,
    "content-type": contentType,
    accept: "text/x-component",
    ...(cookie ? { cookie } : {}),
  };
}
