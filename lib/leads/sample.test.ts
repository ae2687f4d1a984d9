import { describe, expect, it } from "vitest";
import { dateOf } from "@/lib/domain";
import { leadImportSchema } from "./schemas";
import { isSampleEmail, SAMPLE_LEAD_COUNT, sampleLeads, sampleTouches } from "./sample";

describe("sample data", () => {
  it("has 50 valid, distinct leads, each recognisable by its e-mail", () => {
    const leads = sampleLeads();
    expect(leads).toHaveLength(SAMPLE_LEAD_COUNT);
    expect(new Set(leads.map((lead) => lead.company)).size).toBe(SAMPLE_LEAD_COUNT);
    expect(new Set(leads.map((lead) => lead.email)).size).toBe(SAMPLE_LEAD_COUNT);
    for (const lead of leads) {
      expect(leadImportSchema.parse(lead)).toEqual(lead);
      expect(isSampleEmail(lead.email)).toBe(true);
    }
    expect(isSampleEmail("ann@example.com")).toBe(false);
  });

  it("has touches on working days of the last two weeks, never today", () => {
    const touches = sampleTouches({ today: "2025-03-06", timeZone: "Asia/Tokyo" });
    expect(touches.length).toBe(10);
    for (const touch of touches) {
      const day = dateOf(touch.at, "Asia/Tokyo");
      expect(day >= "2025-02-20" && day < "2025-03-06").toBe(true);
      expect(touch.at.getUTCHours() + 9).toBeGreaterThanOrEqual(10);
    }
  });
});
