import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The purity of lib/ (outside lib/server/) is a lint rule; this shows the rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").length;
}

describe("the functional core stays pure", () => {
  const shellImports = [
    'import { db } from "@/db/client";',
    'import { requireUser } from "@/lib/server/auth/session";',
    'import { headers } from "next/headers";',
    'import { readFileSync } from "node:fs";',
    'import { createHash } from "node:crypto";',
    'import postgres from "postgres";',
  ];

  it.each(shellImports)("refuses %s in lib/", async (line) => {
    expect(await restrictedImports("lib/domain/planted.ts", `${line}\nexport const x = 1;\n`)).toBe(1);
  });

  it("allows the shell and app/ to do I/O", async () => {
    for (const line of shellImports) {
      expect(await restrictedImports("lib/server/planted.ts", `${line}\nexport const x = 1;\n`)).toBe(0);
    }
  });

  it("allows pure imports in lib/", async () => {
    expect(await restrictedImports("lib/domain/planted.ts", 'import { z } from "zod";\nexport const x = z;\n')).toBe(0);
  });
});
