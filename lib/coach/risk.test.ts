import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientMetricsFixture as client } from "@/test/fixtures/client-metrics";
import { compareRisk, pageOfClients, parseSort, sortClients } from "./risk";

describe("risk order", () => {
  const onPace = client("Olga");
  const nothingGoing = client("Nora", { share: null });
  const halfOnPace = client("Hal", { share: 0.5 });
  const coldOne = client("Cora", { cold: 1 });
  const coldTwo = client("Carl", { cold: 2 });
  const behind = client("Bea", { firstContacts: 1 });
  const slightlyBehind = client("Ben", { firstContacts: 4, overdue: 6 });
  const overdue = client("Otto", { firstContacts: 4, overdue: 7 });
  const silent = client("Sid", { firstContacts: 4, overdue: 7, daysSinceLastTouch: 20 });
  const never = client("Nina", { firstContacts: 4, overdue: 7, daysSinceLastTouch: null, lastTouchAt: null });

  it("puts the smallest share on pace first (no dialogue at all before 0), then cold leads, the first contacts behind plan, overdue leads, silence", () => {
    const shuffled = [onPace, behind, never, coldOne, halfOnPace, overdue, slightlyBehind, nothingGoing, silent, coldTwo];
    expect([...shuffled].sort(compareRisk).map((c) => c.name)).toEqual([
      "Nora",
      "Hal",
      "Carl",
      "Cora",
      "Bea",
      "Nina",
      "Sid",
      "Otto",
      "Ben",
      "Olga",
    ]);
  });

  it("does not reward going over the plan: a surplus is no shortfall", () => {
    expect(compareRisk(client("A", { firstContacts: 9 }), client("B", { firstContacts: 5 }))).toBeLessThan(0);
  });

  it("sorts by a column either way, ties in risk order", () => {
    const list = [onPace, coldTwo, behind];
    expect(sortClients(list, { key: "phone", direction: "asc" }).map((c) => c.name)).toEqual(["Carl", "Bea", "Olga"]);
    expect(sortClients(list, { key: "name", direction: "asc" }).map((c) => c.name)).toEqual(["Bea", "Carl", "Olga"]);
    expect(sortClients(list, { key: "name", direction: "desc" }).map((c) => c.name)).toEqual(["Olga", "Carl", "Bea"]);
    expect(sortClients(list, { key: "risk", direction: "asc" }).map((c) => c.name)).toEqual(["Olga", "Bea", "Carl"]);
    expect(sortClients([onPace, never], { key: "last_activity", direction: "asc" }).map((c) => c.name)).toEqual(["Nina", "Olga"]);
    expect(sortClients([behind, onPace], { key: "this_week", direction: "desc" }).map((c) => c.name)).toEqual(["Olga", "Bea"]);
    expect(sortClients([onPace, halfOnPace, nothingGoing], { key: "on_pace", direction: "asc" }).map((c) => c.name)).toEqual(["Nora", "Hal", "Olga"]);
    expect(sortClients([onPace, client("Quin", { quiet: 2 })], { key: "quiet", direction: "desc" }).map((c) => c.name)).toEqual(["Quin", "Olga"]);
  });

  it("reads ?sort and ?dir, falling back to risk and each column's worst-first direction", () => {
    expect(parseSort(undefined, undefined)).toEqual({ key: "risk", direction: "desc" });
    expect(parseSort("cold", undefined)).toEqual({ key: "cold", direction: "desc" });
    expect(parseSort("on_pace", undefined)).toEqual({ key: "on_pace", direction: "asc" });
    expect(parseSort("phone", "desc")).toEqual({ key: "phone", direction: "desc" });
    expect(parseSort("drop table", "sideways")).toEqual({ key: "risk", direction: "desc" });
    expect(parseSort(["cold"], undefined)).toEqual({ key: "risk", direction: "desc" });
  });
});

describe("pages of clients", () => {
  const clients = Array.from({ length: 7 }, (_, i) => client(`Client ${i}`));

  it("go on after a client and back before one, by key, and stop at both ends", () => {
    const first = pageOfClients(clients, {}, 3);
    expect(first.clients.map((c) => c.name)).toEqual(["Client 0", "Client 1", "Client 2"]);
    expect(first).toMatchObject({ total: 7, offset: 0, previous: null, next: "Client 2" });
    const second = pageOfClients(clients, { after: first.next }, 3);
    expect(second.clients.map((c) => c.name)).toEqual(["Client 3", "Client 4", "Client 5"]);
    expect(second).toMatchObject({ offset: 3, previous: "Client 3", next: "Client 5" });
    const last = pageOfClients(clients, { after: second.next }, 3);
    expect(last).toMatchObject({ offset: 6, previous: "Client 6", next: null });
    expect(pageOfClients(clients, { before: last.previous }, 3).clients.map((c) => c.name)).toEqual(["Client 3", "Client 4", "Client 5"]);
    // Back from near the start: the first page, whole.
    expect(pageOfClients(clients, { before: "Client 2" }, 3)).toMatchObject({ offset: 0, previous: null, next: "Client 2" });
  });

  it("start over at the first page when the key is gone", () => {
    expect(pageOfClients(clients, { after: "Someone who left" }, 3).offset).toBe(0);
    expect(pageOfClients([], {}, 3)).toEqual({ clients: [], total: 0, offset: 0, previous: null, next: null });
  });

  it("show every client once, paging forward from the first page", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 9 }), (count, size) => {
        const all = Array.from({ length: count }, (_, i) => client(`C${i}`));
        const seen: string[] = [];
        let page = pageOfClients(all, {}, size);
        seen.push(...page.clients.map((c) => c.seekerId));
        while (page.next) {
          page = pageOfClients(all, { after: page.next }, size);
          seen.push(...page.clients.map((c) => c.seekerId));
        }
        expect(seen).toEqual(all.map((c) => c.seekerId));
      }),
    );
  });
});
