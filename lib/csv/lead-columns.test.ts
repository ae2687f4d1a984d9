import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEAD_CSV_FIELDS, LEAD_CSV_HEADERS, headerKey, mapLeadHeaders, matchLeadHeader, rowToFields } from "./lead-columns";

describe("header matching", () => {
  it.each([
    ["Company", "company"],
    ["  ORGANISATION ", "company"],
    ["Organization", "company"],
    ["Employer", "company"],
    ["Company name", "company"],
    ["Name", "contactName"],
    ["Contact", "contactName"],
    ["Contact Name", "contactName"],
    ["Job title", "title"],
    ["E-mail", "email"],
    ["Email address", "email"],
    ["e_mail", "email"],
    ["Mobile", "phone"],
    ["Telephone", "phone"],
    ["Phone number", "phone"],
    ["LinkedIn", "linkedinUrl"],
    ["LinkedIn URL", "linkedinUrl"],
    ["Notes", "notes"],
    ["Personal notes", "personalNotes"],
    ["Cadence (days)", "cadenceDays"],
    ["Favourite colour", null],
  ])("reads %j as %s", (header, field) => {
    expect(matchLeadHeader(header)).toBe(field);
  });

  it("ignores case, spacing and punctuation around every header Cadence writes", () => {
    const decorate = fc.tuple(
      fc.constantFrom(...LEAD_CSV_FIELDS),
      fc.boolean(),
      fc.constantFrom("", " ", "  ", "_", "-", ".", ":"),
    );
    fc.assert(
      fc.property(decorate, ([field, upper, pad]) => {
        const header = LEAD_CSV_HEADERS[field].split(" ").join(pad || " ");
        const cased = upper ? header.toUpperCase() : header.toLowerCase();
        expect(matchLeadHeader(`${pad}${cased}${pad}`)).toBe(field);
      }),
    );
  });

  it("folds accents", () => {
    expect(headerKey("Société")).toBe("societe");
  });
});

describe("mapping a header row", () => {
  it("needs a company column", () => {
    expect(mapLeadHeaders(["Name", "Email"])).toBeNull();
  });

  it("keeps the first column for a field and lists what it ignores", () => {
    const mapping = mapLeadHeaders(["Employer", "Email", "Company", "Shoe size", ""])!;
    expect(mapping.columns).toEqual(["company", "email", null, null, null]);
    expect(mapping.ignored).toEqual(["Company", "Shoe size"]);
  });

  it("builds the contact name from first and last name columns when there is no name column", () => {
    const mapping = mapLeadHeaders(["First Name", "Last Name", "Company"])!;
    expect(rowToFields(mapping, ["Ada", "Lovelace", "Analytical"])).toMatchObject({ contactName: "Ada Lovelace", company: "Analytical" });
    const withName = mapLeadHeaders(["First Name", "Name", "Company"])!;
    expect(withName.ignored).toEqual(["First Name"]);
    expect(rowToFields(withName, ["Ada", "A. Lovelace", "Analytical"]).contactName).toBe("A. Lovelace");
  });

  it("fills missing cells with empty text", () => {
    const mapping = mapLeadHeaders(["Company", "Phone"])!;
    expect(rowToFields(mapping, ["Acme"])).toMatchObject({ company: "Acme", phone: "", email: "" });
  });
});
