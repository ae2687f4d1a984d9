import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./return-path";

const SITE = "https://cadence.example";

/** Where a browser (or Next's client router, which normalises the path first) goes with this Location. */
function landsOn(location: string): URL {
  const url = new URL(location, `${SITE}/sign-in`);
  // The client router resolves the normalised path again: it must not read as a host either.
  return new URL(url.pathname + url.search + url.hash, SITE);
}

describe("safeReturnPath", () => {
  it("keeps a path of the site, with its query and fragment", () => {
    expect(safeReturnPath("/leads")).toBe("/leads");
    expect(safeReturnPath("/leads/123/edit?tab=notes#touches")).toBe("/leads/123/edit?tab=notes#touches");
    expect(safeReturnPath("/invitations?code=ABCD-1234")).toBe("/invitations?code=ABCD-1234");
  });

  it("falls back for anything that is not a path of the site", () => {
    for (const candidate of [null, undefined, "", "leads", "https://evil.example/x", "//evil.example", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)"]) {
      expect(safeReturnPath(candidate), String(candidate)).toBe("/today");
    }
    expect(safeReturnPath("//evil.example", "")).toBe("");
  });

  it("refuses a path that becomes protocol-relative once normalised (the open redirect)", () => {
    for (const candidate of ["/.//attacker.invalid/phish", "/..//x", "/%2e//x", "/%2E%2E//x", "/a/..//x", "/a/b/../..//x", "/././/x", "/.%2f/x"]) {
      const result = safeReturnPath(candidate);
      expect(landsOn(result).origin, `${candidate} -> ${result}`).toBe(SITE);
      expect(result.startsWith("//"), `${candidate} -> ${result}`).toBe(false);
    }
    expect(safeReturnPath("/.//attacker.invalid/phish")).toBe("/today");
    expect(safeReturnPath("/a/..//x")).toBe("/today");
  });

  it("answers the normalised path, percent-encoded (a Location header must be ASCII)", () => {
    expect(safeReturnPath("/\u0100")).toBe("/%C4%80");
    expect(safeReturnPath("/%C4%80")).toBe("/%C4%80");
    expect(safeReturnPath("/leads/./a/../b?q=zoë")).toBe("/leads/b?q=zo%C3%AB");
    expect(safeReturnPath("/x#\u{1F600}")).toBe("/x#%F0%9F%98%80");
  });

  it("whatever it is given, answers the fallback or a same-origin path that stays put (property)", () => {
    const pathLike = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }).map((text) => `/${text}`),
      fc
        .array(fc.constantFrom("/", "//", ".", "..", "%2e", "%2E", "%2f", "\\", "a", "evil.example", "?", "#", "@", ":", "\u0100", "%", "%zz", " ", "\t", "\u0000", "https:", "\u3002"), { maxLength: 12 })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(pathLike, (candidate) => {
        const result = safeReturnPath(candidate, "/fallback");
        if (result === "/fallback") return;
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        // Printable ASCII only: Node accepts it in a header, and no browser strips or reinterprets it.
        expect(result).toMatch(/^[\x21-\x7E]*$/);
        expect(result).not.toContain("\\");
        expect(landsOn(result).origin).toBe(SITE);
        // Already normal: resolving it changes nothing, and checking it again keeps it.
        const resolved = new URL(result, SITE);
        expect(resolved.pathname + resolved.search + resolved.hash).toBe(result);
        expect(safeReturnPath(result, "/fallback")).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("signInPath", () => {
  it("carries a safe return path, and nothing else", () => {
    expect(signInPath("/leads?x=1")).toBe("/sign-in?next=%2Fleads%3Fx%3D1");
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("/.//attacker.invalid")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
  });
});
