import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCsvFormula, unescapeCsvFormula } from "./escape";

describe("formula injection guard", () => {
  it("prefixes a cell starting with = + - @ tab or carriage return with a single quote", () => {
    expect(escapeCsvFormula("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(escapeCsvFormula("+1+HYPERLINK(1)")).toBe("'+1+HYPERLINK(1)");
    expect(escapeCsvFormula("-2+3")).toBe("'-2+3");
    expect(escapeCsvFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvFormula("\t=1")).toBe("'\t=1");
    expect(escapeCsvFormula("Acme = good")).toBe("Acme = good");
    expect(escapeCsvFormula("")).toBe("");
  });

  it("guards a leading carriage return, and quotes already in front of a dangerous character", () => {
    expect(escapeCsvFormula("\r=1")).toBe("'\r=1");
    expect(escapeCsvFormula("\t")).toBe("'\t");
    expect(escapeCsvFormula("'=1")).toBe("''=1");
    expect(escapeCsvFormula("''\r")).toBe("'''\r");
    expect(unescapeCsvFormula("''=1")).toBe("'=1");
  });

  // Any Unicode text, and often one that starts with quotes then a character spreadsheets act on
  // (fc.string() alone is printable ASCII: it never draws a tab or a carriage return).
  const cells = fc.oneof(
    fc.string({ unit: "binary" }),
    fc
      .tuple(
        fc.string({ unit: fc.constant("'"), maxLength: 3 }),
        fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", " ", "'"),
        fc.string({ unit: "binary" }),
      )
      .map((parts) => parts.join("")),
  );

  it("never leaves a dangerous first character, and import undoes it exactly", () => {
    fc.assert(
      fc.property(cells, (value) => {
        const escaped = escapeCsvFormula(value);
        expect(/^[=+\-@\t\r]/.test(escaped)).toBe(false);
        expect(unescapeCsvFormula(escaped)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves a phone number as written, with no quote in front", () => {
    expect(escapeCsvFormula("+44 20 7946 0000")).toBe("+44 20 7946 0000");
    expect(escapeCsvFormula("+1 (202) 555-0100")).toBe("+1 (202) 555-0100");
    // A plus then anything a formula could act on is guarded still.
    expect(escapeCsvFormula("+44 20 A1")).toBe("'+44 20 A1");
    expect(escapeCsvFormula("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(escapeCsvFormula("+")).toBe("'+");
    expect(escapeCsvFormula("+44\t20")).toBe("'+44\t20");
    // A quote that truly starts the value gets a second one; an older export's quoted phone imports bare.
    expect(escapeCsvFormula("'+44 20")).toBe("''+44 20");
    expect(unescapeCsvFormula("'+44 20 7946 0000")).toBe("+44 20 7946 0000");
  });

  it("guards exactly the cells that start with a formula character, phone numbers aside (property)", () => {
    const phones = fc
      .tuple(fc.string({ unit: fc.constantFrom("0", "1", "7", "9", " ", "-", "(", ")", "."), maxLength: 16 }), fc.integer({ min: 0, max: 9 }))
      .map(([rest, digit]) => `+${rest}${digit}`);
    fc.assert(
      fc.property(fc.oneof(cells, phones), (value) => {
        const escaped = escapeCsvFormula(value);
        const formula = /^[=+\-@\t\r]/.test(value.replace(/^'+/, ""));
        const phone = /^\+[\d ().-]*\d[\d ().-]*$/.test(value);
        expect(escaped).toBe(formula && !phone ? `'${value}` : value);
        // Nothing left starts a formula but a phone number, which computes nothing.
        if (/^[=+\-@\t\r]/.test(escaped)) expect(escaped).toMatch(/^\+[\d ().-]+$/);
        expect(unescapeCsvFormula(escaped)).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves a quote that guards nothing alone", () => {
    expect(unescapeCsvFormula("'tis the season")).toBe("'tis the season");
  });
});
