import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCsvFormula, unescapeCsvFormula } from "./escape";

describe("formula injection guard", () => {
  it("prefixes a cell starting with = + - @ tab or carriage return with a single quote", () => {
    expect(escapeCsvFormula("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(escapeCsvFormula("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(escapeCsvFormula("-2+3")).toBe("'-2+3");
    expect(escapeCsvFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvFormula("\t=1")).toBe("'\t=1");
    expect(escapeCsvFormula("Acme = good")).toBe("Acme = good");
    expect(escapeCsvFormula("")).toBe("");
  });

  it("never leaves a dangerous first character, and import undoes it exactly", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const escaped = escapeCsvFormula(value);
        expect(/^[=+\-@\t\r]/.test(escaped)).toBe(false);
        expect(unescapeCsvFormula(escaped)).toBe(value);
      }),
    );
  });

  it("leaves a quote that guards nothing alone", () => {
    expect(unescapeCsvFormula("'tis the season")).toBe("'tis the season");
  });
});
