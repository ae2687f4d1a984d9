// What "server-only" is outside Next.js (Vitest, Playwright, the tsx scripts): nothing. Inside Next,
// the package fails the build when a client component reaches a module that imports it; these
// runners are Node processes with no client bundle to protect, so they map it here
// (tsconfig.scripts.json, vitest.config.ts).
export {};
