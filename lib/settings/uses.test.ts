import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dailyScreens, homePath, USES, choiceOf, usesFlags } from "./uses";
import { usesSchema } from "./uses-schema";

describe("what brings someone to Cadence", () => {
  it("stores each choice as flags and reads it back", () => {
    for (const use of USES) expect(choiceOf(usesFlags(use))).toBe(use);
    expect(usesFlags("seeking")).toEqual({ seeks: true, coaches: false });
    expect(usesFlags("coaching")).toEqual({ seeks: false, coaches: true });
    expect(usesFlags("both")).toEqual({ seeks: true, coaches: true });
  });

  it("reads a missing answer as seeking, refuses an unknown one", () => {
    expect(usesSchema.parse("")).toBe("seeking");
    expect(usesSchema.parse(" coaching ")).toBe("coaching");
    expect(usesSchema.safeParse("admin").error?.issues[0]?.message).toBe("Choose what you use Cadence for.");
  });

  it("lands a coach on their clients and everyone else on Today", () => {
    expect(homePath(usesFlags("coaching"))).toBe("/coach");
    expect(homePath(usesFlags("seeking"))).toBe("/today");
    expect(homePath(usesFlags("both"))).toBe("/today");
  });

  it("shows the screens of each use and only those, the home screen first (property)", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (seeks, coaches) => {
        const screens = dailyScreens({ seeks, coaches }).map((screen) => screen.href);
        const seeking = seeks || !coaches;
        expect(screens.includes("/today")).toBe(seeking);
        expect(screens.includes("/leads")).toBe(seeking);
        expect(screens.includes("/coach")).toBe(coaches);
        expect(screens[0]).toBe(homePath({ seeks, coaches }));
        expect(screens.length).toBeGreaterThan(0);
      }),
    );
  });
});
