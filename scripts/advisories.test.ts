import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * The registry's audit endpoint does not answer on this project's machines, so the advisories
 * are checked by hand (docs/reliability.md) and this test holds the lock file to their fixes:
 * for each package, the lowest version that fixes every advisory known for its line.
 */
const FIXED_IN: Record<string, { range: string; fixedIn: string }[]> = {
  // GHSA-p293-qw3h-jr36 (CVE-2026-75604) and GHSA-2xp9-vwfh-vxw4, both fixed in 16.3.3; earlier 16.x waves fixed before it.
  next: [{ range: "16.x", fixedIn: "16.3.3" }],
  // React Server Components: CVE-2025-55182 (RCE), CVE-2025-55183/55184 and CVE-2025-67779 (DoS, source exposure).
  react: [{ range: "19.x", fixedIn: "19.2.3" }],
  "react-dom": [{ range: "19.x", fixedIn: "19.2.3" }],
  // GHSA-5jpx-9hw9-2fx4 (beta.30); GHSA-7rqj-j65f-68wh, GHSA-8fpg-xm3f-6cx3, GHSA-xmf8-cvqr-rfgj, GHSA-x445-f3h2-j279 (beta.32).
  "next-auth": [{ range: ">=5.0.0-beta.0", fixedIn: "5.0.0-beta.32" }],
  "@auth/core": [{ range: "0.x", fixedIn: "0.41.3" }],
};

const lock = JSON.parse(readFileSync(path.join(process.cwd(), "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string }>;
};

function installedVersions(name: string): string[] {
  return Object.entries(lock.packages)
    .filter(([key]) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`))
    .map(([, entry]) => entry.version!)
    .filter(Boolean);
}

describe("package-lock.json holds no version with a known advisory", () => {
  for (const [name, rules] of Object.entries(FIXED_IN)) {
    it(name, () => {
      const versions = installedVersions(name);
      expect(versions.length, `${name} is in the lock file`).toBeGreaterThan(0);
      for (const version of versions) {
        // A version outside every range (a downgrade to an older line, or a new major) was never
        // checked against the advisories: fail, so the list is looked at again rather than skipped.
        const rule = rules.find((candidate) => semver.satisfies(version, candidate.range, { includePrerelease: true }));
        expect(rule, `${name}@${version} is outside ${rules.map((r) => r.range).join(", ")}: check its advisories and add a rule`).toBeDefined();
        expect(semver.gte(version, rule!.fixedIn), `${name}@${version} is below ${rule!.fixedIn}`).toBe(true);
      }
    });
  }
});
