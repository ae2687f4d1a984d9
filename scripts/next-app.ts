// Throwaway Next.js apps the benchmarks measure Cadence against (the bare page, each page's markup
// alone): written into a folder of the system's temporary directory, built and started with this
// checkout's own `node_modules`, so the versions are Cadence's.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serverNodeFlags, step } from "./app-server";

const nextBin = () => path.resolve("node_modules/next/dist/bin/next");

/** The files every such app has besides its pages: a package, a config and a bare root layout. */
export function baseFilesOf(name: string): Record<string, string> {
  return {
    "package.json": JSON.stringify({ name, private: true, type: "module" }),
    // The node_modules link points outside the app's folder: Turbopack must see both.
    "next.config.js": `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(commonRoot(tmpdir(), process.cwd()))} } };`,
    "app/layout.jsx": 'export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}',
  };
}

/** Writes `files` into `dir`, links this checkout's node_modules and runs `next build` there. */
export function buildNextApp(dir: string, files: Record<string, string>, { quiet = false } = {}): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  if (!existsSync(path.join(dir, "node_modules"))) symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"), "dir");
  const result = spawnSync("node", [nextBin(), "build"], {
    cwd: dir,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
  });
  if (result.status !== 0) throw new Error(`building the app in ${dir} failed`);
}

/** `next start` in `dir`, with the node flags Cadence's own server gets. */
export function startNextApp(dir: string, port: number): ChildProcess {
  step(`starting the app in ${dir} on http://127.0.0.1:${port}`);
  return spawn("node", [...serverNodeFlags, nextBin(), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** The deepest folder holding both paths. */
function commonRoot(a: string, b: string): string {
  const left = path.resolve(a).split(path.sep);
  const right = path.resolve(b).split(path.sep);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return left.slice(0, i).join(path.sep) || path.sep;
}
