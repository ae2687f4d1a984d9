import { describe, expect, it } from "vitest";
import { closeLeadSchema, leadFormSchema, nextDueSchema, pauseUntilSchema } from "./schemas";

const valid = {
  company: " Acme ",
  contactName: "Ann",
  title: "",
  email: "",
  phone: "",
  linkedinUrl: "",
  notes: "",
  personalNotes: "",
  cadenceDays: "7",
};

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
}

describe("lead form", () => {
  it("trims and converts", () => {
    expect(leadFormSchema.parse(valid)).toMatchObject({ company: "Acme", cadenceDays: 7 });
  });

  it("explains each bad field", () => {
    const result = leadFormSchema.safeParse({
      ...valid,
      company: "  ",
      email: "ann@",
      phone: "call me",
      linkedinUrl: "ftp://x.test",
      cadenceDays: "91",
    });
    expect(errorsOf(result)).toEqual({
      company: "Enter the company.",
      email: "Enter a valid e-mail address, or leave it empty.",
      phone: "Enter a phone number (digits, spaces, + - ( ) only), or leave it empty.",
      linkedinUrl: "Enter a LinkedIn address starting with http:// or https://.",
      cadenceDays: "Enter a number of days from 1 to 90.",
    });
    expect(errorsOf(leadFormSchema.safeParse({ ...valid, cadenceDays: "" }))).toEqual({ cadenceDays: "Enter a number of days from 1 to 90." });
    expect(errorsOf(leadFormSchema.safeParse({ ...valid, cadenceDays: "2.5" }))).toEqual({
      cadenceDays: "Enter a whole number of days from 1 to 90.",
    });
  });

  it("accepts usual phone numbers and a LinkedIn address without its scheme", () => {
    for (const phone of ["+44 20 7946 0000", "(555) 010-0199", "555.010.0199 ext. 12"]) {
      expect(leadFormSchema.safeParse({ ...valid, phone }).success).toBe(true);
    }
    expect(leadFormSchema.parse({ ...valid, linkedinUrl: "linkedin.com/in/ann" }).linkedinUrl).toBe("https://linkedin.com/in/ann");
  });
});

describe("dates and closing", () => {
  it("pauses only until a day after today", () => {
    const schema = pauseUntilSchema("2025-03-05");
    expect(schema.safeParse("2025-03-06").success).toBe(true);
    expect(schema.safeParse("2025-03-05").error?.issues[0]?.message).toBe("Choose a date after today (2025-03-05).");
    expect(schema.safeParse("2025-02-30").error?.issues.map((i) => i.message)).toEqual(["Enter the date the lead comes back."]);
  });

  it("sets a next due date from today on", () => {
    const schema = nextDueSchema("2025-03-05");
    expect(schema.safeParse("2025-03-05").success).toBe(true);
    expect(schema.safeParse("2025-03-04").success).toBe(false);
    expect(schema.safeParse("2030-01-01").success).toBe(false);
  });

  it("needs a reason to drop, not to win", () => {
    expect(closeLeadSchema.safeParse({ closedAs: "won", closedReason: "" }).success).toBe(true);
    expect(errorsOf(closeLeadSchema.safeParse({ closedAs: "dropped", closedReason: " " }))).toEqual({
      closedReason: "Say why you are dropping it.",
    });
    expect(errorsOf(closeLeadSchema.safeParse({ closedAs: "lost", closedReason: "x" }))).toEqual({ closedAs: "Choose won or dropped." });
  });
});
