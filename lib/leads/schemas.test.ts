import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeLeadSchema, isHttpUrl, leadFormSchema, nextDueSchema, pauseUntilSchema } from "./schemas";

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
      cadenceDays: "31",
    });
    expect(errorsOf(result)).toEqual({
      company: "Enter the company.",
      email: "Enter a valid e-mail address, or leave it empty.",
      phone: "Enter a phone number (digits, spaces, + - ( ) only), or leave it empty.",
      linkedinUrl: "Enter a LinkedIn address like linkedin.com/in/your-name.",
      cadenceDays: "Enter a whole number of days from 3 to 30.",
    });
    expect(errorsOf(leadFormSchema.safeParse({ ...valid, cadenceDays: "" }))).toEqual({ cadenceDays: "Enter a whole number of days from 3 to 30." });
    expect(errorsOf(leadFormSchema.safeParse({ ...valid, cadenceDays: "2.5" }))).toEqual({
      cadenceDays: "Enter a whole number of days from 3 to 30.",
    });
  });

  it("accepts usual phone numbers and a LinkedIn address without its scheme", () => {
    for (const phone of ["+44 20 7946 0000", "(555) 010-0199", "555.010.0199 ext. 12"]) {
      expect(leadFormSchema.safeParse({ ...valid, phone }).success).toBe(true);
    }
    expect(leadFormSchema.parse({ ...valid, linkedinUrl: "linkedin.com/in/ann" }).linkedinUrl).toBe("https://linkedin.com/in/ann");
  });

  it("adds https:// to an address typed without it, and to nothing else", () => {
    const stored = (linkedinUrl: string) => leadFormSchema.safeParse({ ...valid, linkedinUrl });
    expect(stored("www.example.com").data?.linkedinUrl).toBe("https://www.example.com");
    expect(stored(" www.linkedin.com/in/ann?x=1 ").data?.linkedinUrl).toBe("https://www.linkedin.com/in/ann?x=1");
    expect(stored("example.co.uk:8080/a#b").data?.linkedinUrl).toBe("https://example.co.uk:8080/a#b");
    expect(stored("http://example.com").data?.linkedinUrl).toBe("http://example.com");
    expect(stored("HTTPS://Example.com").data?.linkedinUrl).toBe("HTTPS://Example.com");
    for (const refused of ["javascript:alert(1)", "localhost/x", "//evil.test", "ftp://x.test", "www.example.c0m", "a..b.com", "-a.com", "example.com evil"]) {
      expect(stored(refused).success, refused).toBe(false);
    }
  });

  it("a scheme-less address either becomes an https link to the same host or is refused (property)", () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/)).map(([labels, tld]) => [...labels, tld].join("."));
    const rest = fc.constantFrom("", "/", "/in/ann", "?q=1", "#x", ":8080/x");
    fc.assert(
      fc.property(host, rest, (name, tail) => {
        const result = stored(`${name}${tail}`);
        expect(result.data?.linkedinUrl).toBe(`https://${name}${tail}`);
        expect(new URL(result.data!.linkedinUrl).hostname).toBe(name.toLowerCase());
      }),
    );
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const result = stored(typed);
        if (result.success && result.data.linkedinUrl !== "") expect(isHttpUrl(result.data.linkedinUrl)).toBe(true);
      }),
    );
    function stored(linkedinUrl: string) {
      return leadFormSchema.safeParse({ ...valid, linkedinUrl });
    }
  });
});

describe("dates and closing", () => {
  it("pauses only until a day after today", () => {
    const schema = pauseUntilSchema("2025-03-05");
    expect(schema.safeParse("2025-03-06").success).toBe(true);
    expect(schema.safeParse("2025-03-05").error?.issues[0]?.message).toBe("Choose a date after today (Wed 5 Mar).");
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
