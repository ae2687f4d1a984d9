import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACE_STATES } from "@/lib/domain";
import { filterLeads, parseStateFilter, searchKey } from "./filter";

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
});
