import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstRows, TODAY_ROWS } from "./sections";

describe("firstRows", () => {
  it("keeps the first rows in order, at most the limit, and counts the rest", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 60 }), (rows, limit) => {
        const { shown, more } = firstRows(rows, limit);
        expect(shown).toEqual(rows.slice(0, limit));
        expect(shown.length).toBe(Math.min(rows.length, limit));
        expect(shown.length + more).toBe(rows.length);
      }),
    );
  });

  it("shows every part of a small day whole", () => {
    expect(firstRows(["a", "b"], TODAY_ROWS.cold)).toEqual({ shown: ["a", "b"], more: 0 });
  });
});
