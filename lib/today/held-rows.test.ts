import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keepInPlace, type ListItem } from "./held-rows";

const h = (key: string): ListItem => ({ key, heading: true });
const r = (key: string): ListItem => ({ key });
const keys = (items: readonly ListItem[]) => items.map((item) => item.key);

describe("keepInPlace", () => {
  it("keeps a touched row where it was while the new list moves it down (the next row would slide under the finger)", () => {
    const before = [h("coming"), r("meridian"), r("copperleaf"), r("dunmore")];
    const next = [h("coming"), r("copperleaf"), r("dunmore"), r("meridian")];
    expect(keys(keepInPlace(next, [{ item: r("meridian"), before: before.slice(0, 1) }]))).toEqual(["coming", "meridian", "copperleaf", "dunmore"]);
  });

  it("keeps a row the new list dropped, and its section heading when it was the section's only row", () => {
    const before = [h("work"), r("a"), h("cold"), r("meridian"), h("coming"), r("b")];
    const next = [h("work"), r("a"), h("coming"), r("b"), r("meridian")];
    expect(keys(keepInPlace(next, [{ item: r("meridian"), before: before.slice(0, 3) }]))).toEqual(["work", "a", "cold", "meridian", "coming", "b"]);
    const dropped = [h("work"), r("a"), h("coming"), r("b")];
    expect(keys(keepInPlace(dropped, [{ item: r("meridian"), before: before.slice(0, 3) }]))).toEqual(["work", "a", "cold", "meridian", "coming", "b"]);
  });

  it("changes nothing when nothing is held, or when the new list is the old one", () => {
    const list = [h("work"), r("a"), r("b"), h("cold"), r("c")];
    expect(keepInPlace(list, [])).toEqual(list);
    expect(keepInPlace(list, [{ item: list[2]!, before: list.slice(0, 2) }, { item: list[4]!, before: list.slice(0, 4) }])).toEqual(list);
  });

  it("shows every row of the new list once, in its order, and each held row right after what was before it", () => {
    const arbitraryList = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }).map((ids) => ids.map((id) => r(`r${id}`)));
    fc.assert(
      fc.property(arbitraryList, arbitraryList, fc.nat(), (old, next, pick) => {
        fc.pre(old.length > 0);
        const index = pick % old.length;
        const item = old[index]!;
        const result = keepInPlace(next, [{ item, before: old.slice(0, index) }]);
        const others = keys(result).filter((key) => key !== item.key);
        expect(others).toEqual(keys(next).filter((key) => key !== item.key));
        expect(keys(result).filter((key) => key === item.key)).toHaveLength(1);
        const previous = old.slice(0, index).findLast((entry) => next.some((candidate) => candidate.key === entry.key));
        const at = keys(result).indexOf(item.key);
        expect(at === 0 ? undefined : result[at - 1]!.key).toBe(previous?.key);
      }),
    );
  });
});
