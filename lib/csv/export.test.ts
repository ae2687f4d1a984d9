import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { exportFileName, leadsToCsv, toCsv, touchLogToCsv } from "./export";

describe("CSV export", () => {
  it("quotes what needs quoting and defuses formulas in every cell", () => {
    const csv = toCsv(["Name", "=Header"], [["=1+2", 'say "hi", then\nleave'], [null, 3]]);
    expect(csv).toBe(`Name,'=Header\r\n'=1+2,"say ""hi"", then\nleave"\r\n,3`);
  });

  it("writes the leads with the headers import reads back", () => {
    const csv = leadsToCsv([
      {
        company: "@Acme",
        contactName: "Ann",
        title: "",
        email: "ann@acme.test",
        phone: "+1 555 0100",
        linkedinUrl: "",
        notes: "",
        personalNotes: "",
        cadenceDays: 7,
        pausedUntil: "2025-04-01",
        closedAs: null,
        closedReason: "",
      },
    ]);
    const [header, row] = Papa.parse<string[]>(csv).data;
    expect(header).toEqual([
      "Company", "Contact name", "Title", "E-mail", "Phone", "LinkedIn URL", "Notes", "Personal notes", "Cadence (days)",
      "Paused until", "Closed as", "Closed reason",
    ]);
    expect(row).toEqual(["'@Acme", "Ann", "", "ann@acme.test", "'+1 555 0100", "", "", "", "7", "2025-04-01", "", ""]);
  });

  it("writes the touch log", () => {
    const csv = touchLogToCsv([
      { when: "2025-03-04 10:00", company: "Acme", contact: "Ann", channel: "Phone", direction: "Outbound", outcome: "Conversation", note: "-ok", material: "" },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "Date,Company,Contact,Channel,Direction,Outcome,Note,Material",
      "2025-03-04 10:00,Acme,Ann,Phone,Outbound,Conversation,'-ok,",
    ]);
    expect(exportFileName("touches", "2025-03-04")).toBe("cadence-touches-2025-03-04.csv");
  });
});
