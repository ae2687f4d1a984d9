import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACE_STATES } from "@/lib/domain";
import { filterLeads, LEAD_STATE_FILTERS, parseStateFilter, searchKey } from "./filter";

const leads = [
  { company: "Société Générale", contactName: "Ann Lee", state: "overdue" as const },
  { company: "Acme", contactName: "Bob Stone", state: "due_today" as const },
  { company: "Globex", contactName: "", state: "overdue" as const },
];

describe("lead filters", () => {
  it("filters by state and by words of the company or person, ignoring case and accents", () => {
    expect(filterLeads(leads, { state: "overdue", search: "" }).map((l) => l.company)).toEqual(["Société Générale", "Globex"]);
    expect(filterLeads(leads, { state: "all", search: "societe" }).map((l) => l.company)).toEqual(["Société Générale"]);
    expect(filterLeads(leads, { state: "all", search: "  BOB   acme " }).map((l) => l.company)).toEqual(["Acme"]);
    expect(filterLeads(leads, { state: "due_today", search: "ann" })).toEqual([]);
  });

  it("reads an unknown state as all", () => {
    expect(parseStateFilter("cold")).toBe("cold");
    expect(parseStateFilter("drop table")).toBe("all");
    expect(parseStateFilter(["cold"])).toBe("all");
  });

  it("never invents leads and keeps their order", () => {
    const lead = fc.record({ company: fc.string(), contactName: fc.string(), state: fc.constantFrom(...PACE_STATES) });
    fc.assert(
      fc.property(fc.array(lead), fc.string(), (list, search) => {
        const found = filterLeads(list, { state: "all", search });
        let from = 0;
        for (const item of found) {
          from = list.indexOf(item, from) + 1;
          expect(from).toBeGreaterThan(0);
        }
        if (searchKey(search) === "") expect(found).toEqual(list);
      }),
    );
  });

  // Words made of letters a search must fold: case, accents (composed or not), and spacing.
  // (Not "ß": searchKey does not fold it, so "STRASSE" does not find "Straße".)
  const word = fc.string({ unit: fc.constantFrom("a", "b", "e", "é", "E", "É", "e\u0301", "ç", "C", "ø"), minLength: 1, maxLength: 6 });
  const name = fc.array(word, { maxLength: 3 }).map((words) => words.join(" "));
  const filterable = fc.record({ company: name, contactName: name, state: fc.constantFrom(...PACE_STATES) });

  it("shows every lead of the chosen state when nothing is searched", () => {
    fc.assert(
      fc.property(fc.array(filterable), fc.constantFrom(...LEAD_STATE_FILTERS), (list, state) => {
        const expected = list.filter((lead) => state === "all" || lead.state === state);
        expect(filterLeads(list, { state, search: "  " })).toEqual(expected);
      }),
    );
  });

  it("finds a lead by words of its company and person, in another case and with other spacing", () => {
    const scenario = fc.record({
      list: fc.array(filterable, { minLength: 1 }),
      pick: fc.nat(),
      // A slice of the company and one of the person, each given as [start, length].
      companySlice: fc.tuple(fc.nat(), fc.nat({ max: 4 })),
      personSlice: fc.tuple(fc.nat(), fc.nat({ max: 4 })),
      upper: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, ({ list, pick, companySlice, personSlice, upper }) => {
        const lead = list[pick % list.length]!;
        // Part of one word of `text`, as the seeker would type it.
        const pieceOf = (text: string, [start, length]: [number, number]) => {
          const words = searchKey(text).split(" ").filter(Boolean);
          if (words.length === 0) return "";
          const chosen = words[start % words.length]!;
          const from = start % chosen.length;
          return chosen.slice(from, from + length);
        };
        const words = [pieceOf(lead.company, companySlice), pieceOf(lead.contactName, personSlice)];
        const search = ` ${words.join("\t ")}  `;
        const found = filterLeads(list, { state: lead.state, search: upper ? search.toUpperCase() : search });
        expect(found).toContain(lead);
        // …and with it every other lead of that state holding both words: none is left out.
        const holds = (other: typeof lead) =>
          other.state === lead.state &&
          words.every((w) => searchKey(other.company).includes(w) || searchKey(other.contactName).includes(w));
        for (const other of list.filter(holds)) expect(found).toContain(other);
      }),
    );
  });
});
