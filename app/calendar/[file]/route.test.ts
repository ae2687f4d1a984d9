import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renewCalendarFeed } from "@/db/queries/calendar-feed";
import { addLeads, addSeeker, addTouch } from "@/test/fixtures/today";
import { getTodayData } from "@/db/queries/today";
import { setUpTestDb } from "@/test/db";
import { addDays, todayIn } from "@/lib/domain";
import { todayView } from "@/lib/today/today-view";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import { GET } from "./route";

const handle = setUpTestDb({ asAppDb: true });
// 08:00 on Wednesday 5 March 2025 in Paris. Only Date is faked: the database's timers run as usual.
const now = new Date("2025-03-05T07:00:00Z");
const timeZone = "Europe/Paris";
const days = (n: number) => addDays(todayIn(now, timeZone), n);

beforeAll(() => vi.useFakeTimers({ toFake: ["Date"], now }));
afterAll(() => vi.useRealTimers());

function get(file: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://cadence.test/calendar/${file}`, { headers: { host: "cadence.test", ...headers } });
  return GET(request, { params: Promise.resolve({ file }) });
}

async function seed() {
  const userId = await addSeeker(handle.db, { timeZone });
  const ids = await addLeads(handle.db, { userId, companies: ["Due today", "Overdue", "This week", "Next week", "Far", "Planned", "Closed"] });
  const [dueToday, overdue, thisWeek, nextWeek, far, planned, closed] = ids as [string, string, string, string, string, string, string];
  const { leads } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const set = (id: string, values: Partial<typeof leads.$inferInsert>) => handle.db.update(leads).set(values).where(eq(leads.id, id));
  // Every lead reachable by phone and e-mail, so the suggested channel is compared for each.
  for (const id of ids) await set(id, { phone: "+1 202 555 0100", email: "someone@example.com" });
  await set(dueToday, { contactName: "Dana Due" });
  await addTouch(handle.db, { userId, leadId: dueToday, at: new Date("2025-02-26T10:00:00Z"), channel: "email" });
  await addTouch(handle.db, { userId, leadId: overdue, at: new Date("2025-02-20T10:00:00Z"), channel: "phone" });
  await addTouch(handle.db, { userId, leadId: thisWeek, at: new Date("2025-02-28T10:00:00Z"), channel: "linkedin" });
  // Due on Monday 10 March: in Today's next 7 days and the feed's 14.
  await addTouch(handle.db, { userId, leadId: nextWeek, at: new Date("2025-03-03T10:00:00Z"), channel: "phone" });
  await addTouch(handle.db, { userId, leadId: far, at: new Date("2025-03-04T10:00:00Z"), channel: "email" });
  await set(far, { cadenceDays: 21 });
  await set(planned, { plannedFirstContact: days(2) });
  await set(closed, { plannedFirstContact: days(1), closedAt: now });
  return { userId, ids: { dueToday, overdue, thisWeek, nextWeek, far, planned, closed } };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

describe("GET /calendar/<secret>.ics", () => {
  it("answers the Today work of the next 14 days as all-day events, as an independent parser reads them", async () => {
    const { userId, ids } = await seed();
    const { token } = await renewCalendarFeed(handle.db, { userId, now });
    const response = await get(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=3600");
    const events = parse(await response.text());

    // Against Today: every lead it shows as the day's work, cold or in the next 7 days has its event,
    // on today when late, with the same suggested channel; a lead due after the 14 days has none;
    // nothing else (not the closed lead).
    const data = (await getTodayData(handle.db, { userId }))!;
    const view = todayView({ ...data, campaign: null, contactDays: data.settings.contactDays, now, timeZone });
    const expected = [...view.work.filter((row) => !row.done), ...view.cold, ...view.coming].map((row) => ({
      company: row.lead.company,
      date: row.pace.state === "overdue" || row.pace.state === "cold" ? days(0) : row.pace.nextDue!,
      channel: row.suggestedChannel ? CHANNEL_LABELS[row.suggestedChannel] : "",
    }));
    // Today's next 7 days end before the far one; the feed's 14 days too.
    expected.push({ company: "Far", date: days(20), channel: "Phone" });
    const inWindow = expected.filter((item) => item.date <= days(13)).sort((a, b) => a.date.localeCompare(b.date));
    expect(inWindow.map((item) => item.company).sort()).toEqual(["Due today", "Next week", "Overdue", "Planned", "This week"]);
    expect(
      events.map((event) => ({
        company: event.summary.replace(/^(First contact|Follow up): /, "").replace(/ \(.*\)$/, ""),
        date: event.startDate.toString(),
        channel: /Suggested channel: (.*)/.exec(event.description)![1],
      })),
    ).toEqual(inWindow);
    const dueToday = events.find((event) => event.summary.includes("Due today"))!;
    expect(dueToday.summary).toBe("Follow up: Due today (Dana Due)");
    expect(dueToday.uid).toBe(`${days(0)}-${ids.dueToday}@cadence`);
    expect(dueToday.description).toContain("Log it on Today: http://cadence.test/today");
    expect(dueToday.endDate.toString()).toBe(days(1));
  });

  it("answers 304 to a calendar app that has this version already", async () => {
    const { userId } = await seed();
    const { token } = await renewCalendarFeed(handle.db, { userId, now });
    const first = await get(`${token}.ics`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(`${token}.ics`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get(`${token}.ics`, { "if-none-match": '"something else"' })).status).toBe(200);
  });

  it("answers the same bare 404 to anything but a live secret, reads no cookie, and logs no secret", async () => {
    const { userId } = await seed();
    const { token: old } = await renewCalendarFeed(handle.db, { userId, now });
    const { token } = await renewCalendarFeed(handle.db, { userId, now });
    const logged = [vi.spyOn(console, "log"), vi.spyOn(console, "error"), vi.spyOn(console, "warn"), vi.spyOn(console, "info")];
    const files = [`${old}.ics`, old, `${token}.ICS`, `${token}.ics.ics`, `${"x".repeat(43)}.ics`, "nothing.ics", `${token.slice(1)}.ics`, "%00.ics"];
    for (const file of files) {
      const response = await get(file, { cookie: "authjs.session-token=whatever" });
      expect(response.status, file).toBe(404);
      expect(await response.text()).toBe("");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    expect((await get(`${token}.ics`)).status).toBe(200);
    const lines = logged.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" ")));
    for (const secret of [old, token]) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    for (const spy of logged) spy.mockRestore();
  });
});
