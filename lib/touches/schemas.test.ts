import { describe, expect, it } from "vitest";
import { touchSchema } from "./schemas";

const now = new Date("2025-03-05T09:00:00Z");
const timeZone = "Europe/Paris";
const leadId = "6f1c7e0e-3b7a-4b7e-9a55-0e8f2f3f3c11";
const blank = { leadId, channel: "phone", direction: "", outcome: "", note: "", materialId: "", at: "", idempotencyKey: "", confirmTooSoon: "", confirmMaterialAgain: "" };
const parse = (values: Partial<typeof blank>) => touchSchema({ now, timeZone }).safeParse({ ...blank, ...values });
const errorsOf = (values: Partial<typeof blank>) => {
  const result = parse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]));
};

describe("touchSchema", () => {
  it("reads a one-tap touch: outbound, now, nothing else", () => {
    expect(parse({}).data).toEqual({
      leadId,
      channel: "phone",
      direction: "outbound",
      outcome: null,
      note: "",
      materialId: null,
      at: now,
      idempotencyKey: null,
      confirmTooSoon: false,
      confirmMaterialAgain: false,
    });
  });

  it("reads every detail, with When in the seeker's zone", () => {
    const materialId = "0b9a1d56-2c3e-4f4a-8b6c-7d8e9f0a1b2c";
    expect(
      parse({ channel: "email", direction: "inbound", outcome: "replied", note: "  Thanks!  ", materialId, at: "2025-03-04T18:30", idempotencyKey: "k-1", confirmTooSoon: "yes" }).data,
    ).toEqual({
      leadId,
      channel: "email",
      direction: "inbound",
      outcome: "replied",
      note: "Thanks!",
      materialId,
      at: new Date("2025-03-04T17:30:00Z"),
      idempotencyKey: "k-1",
      confirmTooSoon: true,
      confirmMaterialAgain: false,
    });
  });

  it("explains each bad field at the field", () => {
    expect(errorsOf({ channel: "fax" })).toEqual({ channel: "Choose how you made contact." });
    expect(errorsOf({ direction: "sideways" })).toEqual({ direction: "Choose who reached out." });
    expect(errorsOf({ outcome: "maybe" })).toEqual({ outcome: "Choose an outcome from the list." });
    expect(errorsOf({ materialId: "not-an-id" })).toEqual({ materialId: "Choose one of your materials." });
    expect(errorsOf({ at: "2025-02-30T10:00" })).toEqual({ at: "Enter a date and time." });
    expect(errorsOf({ note: "x".repeat(2001) })).toEqual({ note: "Keep the note under 2,000 characters." });
    expect(errorsOf({ leadId: "42" })).toHaveProperty("leadId");
  });

  it("refuses a touch in the future or before 2000, and accepts up to now", () => {
    expect(errorsOf({ at: "2025-03-05T10:01" })).toEqual({ at: "That is in the future. Log a touch once it has happened." });
    expect(errorsOf({ at: "1999-12-31T23:59" })).toEqual({ at: "Enter a date in 2000 or later." });
    expect(parse({ at: "2025-03-05T10:00" }).data?.at).toEqual(now);
  });
});
