import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// lib/ outside lib/server/ is the functional core: functions of data, `now` and a time zone. It may not
// reach the database, the request, the file system or secrets; lib/server/ (the shell) does that.
const shellModules = [
  { group: ["@/db/*", "@/db", "**/db/*"], message: "The functional core (lib/) does no I/O: query in db/, call it from lib/server/ or app/." },
  { group: ["@/lib/server/*", "@/lib/server", "**/server/*"], message: "The functional core (lib/) may not import the shell (lib/server/)." },
  { group: ["next/headers", "next/server", "next/cache", "next/navigation", "next-auth", "next-auth/*"], message: "Request and framework APIs belong to app/ and lib/server/." },
  { group: ["node:*", "fs", "fs/*", "path", "crypto", "child_process", "net", "os"], message: "Node's I/O belongs to lib/server/." },
  { group: ["postgres", "@electric-sql/*", "drizzle-orm", "drizzle-orm/*", "@node-rs/*"], message: "Database drivers and native modules belong to db/ and lib/server/." },
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: shellModules }] },
  },
];
export default config;
