import { describe, expect, it } from "vitest";
import { telHref } from "./phone";

describe("telHref", () => {
  it("keeps only what a phone dials", () => {
    expect(telHref("+1 (202) 555-0100")).toBe("tel:+12025550100");
    expect(telHref("555.010.0199x7")).toBe("tel:5550100199;ext=7");
  });

  it("keeps an extension apart from the number instead of dialling it", () => {
    // Stripping all but digits dialled +1202555010012: the extension ran into the number.
    expect(telHref("+1 202 555 0100 ext. 12")).toBe("tel:+12025550100;ext=12");
    expect(telHref("020 7946 0000 ext 12")).toBe("tel:02079460000;ext=12");
    expect(telHref("020 7946 0000 EXT.12")).toBe("tel:02079460000;ext=12");
  });
});
