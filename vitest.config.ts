import { configDefaults, defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const FUZZ_TESTS = "**/*.fuzz.test.ts";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) },
      // db/ and lib/server/ import "server-only"; tests run them in Node, outside React (test/server-only.ts).
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./test/server-only.ts", import.meta.url)) },
    ],
  },
  test: {
    environment: "node",
    // Generous: property tests write many generated histories to a real database, on a shared 2-core machine.
    testTimeout: 120_000,
    // Both cores: the default (the cores less one) runs the files one after another on a 2-core machine.
    maxWorkers: 2,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [...configDefaults.exclude, FUZZ_TESTS],
        },
      },
      {
        // The property-based action tests: their setup file mocks next-auth, next/headers and
        // next/cache, which only they may see (test/setup/fuzz.ts).
        extends: true,
        test: { name: "fuzz", include: [`app/${FUZZ_TESTS}`], setupFiles: ["test/setup/fuzz.ts"] },
      },
    ],
  },
});
