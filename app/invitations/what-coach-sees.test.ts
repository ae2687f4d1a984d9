import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WhatCoachSees } from "./what-coach-sees";

describe("WhatCoachSees (the consent screen)", () => {
  it("names the seeker's time zone, which the coach's client page shows", () => {
    const text = renderToStaticMarkup(createElement(WhatCoachSees, { coachName: "Cora" })).replace(/<[^>]+>/g, "");
    expect(text).toContain("Cora will see, read only:");
    expect(text).toMatch(/Your time zone:/);
  });
});
