import { unzipSync } from "fflate";
import Papa from "papaparse";
import { asc, eq, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachLinks, coachNotes, leads, materials, touches, users } from "@/db/schema";
import { unescapeCsvFormula } from "@/lib/csv/escape";
import { csvCell } from "@/lib/account/export";
import { setUpTestDb } from "@/test/db";
import { coachFixtures } from "@/test/fixtures/coach";
import { renewCalendarFeed } from "@/db/queries/calendar-feed";
import { createSession } from "@/db/queries/sessions";
import { accountArchive } from "./account-export";

const handle = setUpTestDb();
const { person, lead, touch, connect } = coachFixtures(handle);
const NOW = new Date("2026-03-04T10:00:00Z");
// ignoreBOM: keep the byte-order mark, to check it is there.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

// Text a spreadsheet or a parser could take for something else.
const AWKWARD = ["=HYPERLINK(\"http://x\")", "+1 555 0100", "-dash", "@at", "comma, and \"quotes\"", "two\nlines", "Zoë 😀", "'=already"];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A CSV file of the archive as objects, with the formula guard undone (as a spreadsheet shows it). */
function csvRows(files: Record<string, Uint8Array>, name: string): Record<string, string>[] {
  const text = decoder.decode(files[name]!);
  expect(text.startsWith("\uFEFF"), `${name} starts with a byte-order mark`).toBe(true);
  expect(text.endsWith("\r\n"), `${name} ends with a line break`).toBe(true);
  // Every line a row: no blank line anywhere (a spreadsheet would show it as an empty row).
  const parsed = Papa.parse<string[]>(text.slice(1, -2), { newline: "\r\n" });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(rows.every((row) => row.length === header!.length), `${name}: every row has every field`).toBe(true);
  return rows.map((row) => Object.fromEntries(header!.map((field, i) => [field, unescapeCsvFormula(row[i]!)])));
}

/** What a database row looks like in the JSON file (times as ISO text) and the CSV file (cells as text). */
const asJson = (row: Record<string, unknown>) => JSON.parse(JSON.stringify(row));
const asCsv = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, csvCell(value)]));

const withoutOwner = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== "userId"));

async function seed() {
  const me = await person("Sam Seeker");
  const coach = await person("Cora Coach");
  const client = await person("Cliff Client");
  const other = await person("Olga Other");
  const leadIds: string[] = [];
  for (let i = 0; i < 23; i++) {
    leadIds.push(await lead(me.id, { company: `${AWKWARD[i % AWKWARD.length]} ${i}`, contactName: AWKWARD[(i + 3) % AWKWARD.length]!, personalNotes: AWKWARD[(i + 5) % AWKWARD.length]! }));
  }
  const [material] = await handle.db.insert(materials).values({ userId: me.id, title: "=cmd|' /C calc'!A0", url: "https://example.com/p" }).returning({ id: materials.id });
  for (let i = 0; i < 31; i++) {
    // Same instant for some, so the (time, id) pages must break ties by id.
    await touch(me.id, leadIds[i % leadIds.length]!, `2026-02-${String(1 + (i % 9)).padStart(2, "0")}T09:00:00.123456Z`, "email", "outbound", {
      note: AWKWARD[i % AWKWARD.length]!,
      materialId: i % 4 === 0 ? material!.id : null,
    });
  }
  await connect(coach, me);
  await connect(me, client);
  await handle.db.insert(coachNotes).values([
    { coachId: coach.id, seekerId: me.id, body: "Keep going" },
    { coachId: me.id, seekerId: client.id, body: "=1+1" },
  ]);
  await renewCalendarFeed(handle.db, { userId: me.id, now: NOW });
  await createSession(handle.db, { userId: me.id, device: "Firefox on Linux", address: "203.0.113.9", now: NOW });
  // Someone else's data, which must not be in Sam's archive.
  const otherLead = await lead(other.id, { company: "Olga's secret lead" });
  await touch(other.id, otherLead, "2026-02-02T09:00:00Z", "phone", "outbound", { note: "Olga's note" });
  await handle.db.insert(coachNotes).values({ coachId: coach.id, seekerId: other.id, body: "Olga's coach note" });
  return { me, other };
}

describe("accountArchive", () => {
  it("holds every lead, touch, material, note, setting and connection of the user, the same in CSV and JSON, and nothing of anyone else", async () => {
    const { me } = await seed();
    const archive = await accountArchive(handle.db, { userId: me.id, now: NOW, pageSize: 5 });
    const files = unzipSync(await readAll(archive!));
    expect(Object.keys(files).sort()).toEqual(
      ["README.txt", "account.csv", "account.json", ...["devices", "leads", "touches", "materials", "coach-notes", "connections"].flatMap((n) => [`${n}.csv`, `${n}.json`])].sort(),
    );
    const json = (name: string) => JSON.parse(decoder.decode(files[name]!));

    const dbLeads = (await handle.db.select().from(leads).where(eq(leads.userId, me.id)).orderBy(asc(leads.position), asc(leads.id))).map(withoutOwner);
    expect(dbLeads).toHaveLength(23);
    expect(json("leads.json")).toEqual(dbLeads.map(asJson));
    expect(csvRows(files, "leads.csv")).toEqual(dbLeads.map(asCsv));

    const dbTouches = await handle.db
      .select({ id: touches.id, note: touches.note, at: touches.at, leadId: touches.leadId, materialTitle: materials.title })
      .from(touches)
      .leftJoin(materials, eq(materials.id, touches.materialId))
      .where(eq(touches.userId, me.id))
      .orderBy(asc(touches.at), asc(touches.id));
    expect(dbTouches).toHaveLength(31);
    const touchJson = json("touches.json") as Record<string, unknown>[];
    expect(touchJson.map(({ id, note, at, leadId, materialTitle }) => ({ id, note, at, leadId, materialTitle }))).toEqual(dbTouches.map(asJson));
    expect(csvRows(files, "touches.csv").map(({ id, note }) => ({ id, note }))).toEqual(dbTouches.map(({ id, note }) => ({ id, note })));
    expect(touchJson[0]).toMatchObject({ company: expect.any(String), channel: "email", direction: "outbound" });

    const dbMaterials = (await handle.db.select().from(materials).where(eq(materials.userId, me.id))).map(withoutOwner);
    expect(json("materials.json")).toEqual(dbMaterials.map(asJson));
    // The formula guard: a cell a spreadsheet would run starts with a quote in the file.
    expect(decoder.decode(files["materials.csv"]!)).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(csvRows(files, "materials.csv")).toEqual(dbMaterials.map(asCsv));

    const notes = json("coach-notes.json") as Record<string, unknown>[];
    expect(notes.map((note) => [note.coachName, note.clientName, note.body]).sort()).toEqual(
      [["Cora Coach", "Sam Seeker", "Keep going"], ["Sam Seeker", "Cliff Client", "=1+1"]].sort(),
    );
    expect(csvRows(files, "coach-notes.csv").map((note) => note.body).sort()).toEqual(["=1+1", "Keep going"]);
    const links = await handle.db.select({ id: coachLinks.id }).from(coachLinks).where(or(eq(coachLinks.coachId, me.id), eq(coachLinks.seekerId, me.id)));
    expect((json("connections.json") as { id: string }[]).map((link) => link.id).sort()).toEqual(links.map((link) => link.id).sort());
    expect(csvRows(files, "connections.csv").map((link) => `${link.coachName} → ${link.clientName}`).sort()).toEqual(["Cora Coach → Sam Seeker", "Sam Seeker → Cliff Client"]);

    const [profile] = await handle.db.select().from(users).where(eq(users.id, me.id));
    const account = json("account.json");
    const settings = Object.fromEntries(Object.entries(profile!).filter(([key]) => key !== "passwordHash"));
    expect(account).toMatchObject(asJson(settings));
    expect(account.calendarFeedSince).toBe(NOW.toISOString());
    expect(account.devices).toMatchObject([{ device: "Firefox on Linux", address: "203.0.113.9" }]);
    expect(JSON.stringify(account)).not.toContain("password");
    const settingsCsv = Object.fromEntries(csvRows(files, "account.csv").map((row) => [row.setting, row.value]));
    expect(settingsCsv).toMatchObject({ email: me.email, timeZone: "UTC", firstContactsPerWeek: "5" });

    // Nothing of Olga's anywhere.
    const everything = Object.values(files).map((bytes) => decoder.decode(bytes)).join("\n");
    expect(everything).not.toContain("Olga");
  });

  it("writes an empty account's files with their headers", async () => {
    const me = await person("Nell New");
    const files = unzipSync(await readAll((await accountArchive(handle.db, { userId: me.id, now: NOW }))!));
    expect(JSON.parse(decoder.decode(files["leads.json"]!))).toEqual([]);
    expect(decoder.decode(files["leads.csv"]!).split("\r\n")[0]).toContain('"company"');
    expect(csvRows(files, "touches.csv")).toEqual([]);
  });

  it("is null for no such user", async () => {
    expect(await accountArchive(handle.db, { userId: "00000000-0000-4000-8000-000000000000", now: NOW })).toBeNull();
  });

  it("streams: the first bytes go out before the rows are read, which are read a page at a time as the download pulls", async () => {
    const me = await person("Sam Seeker");
    for (let i = 0; i < 60; i++) await lead(me.id, { company: `Lead ${i}` });
    const reader = (await accountArchive(handle.db, { userId: me.id, now: NOW, pageSize: 10 }))!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // A zip's first bytes: the local file header's signature.
    expect([...first.value!.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    // Written now, after the download began: an archive read whole at the start would not have it.
    await lead(me.id, { company: "Added while downloading", position: 1000 });
    const rest: Uint8Array[] = [first.value!];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest.push(value);
    }
    const files = unzipSync(concat(rest));
    const companies = csvRows(files, "leads.csv").map((row) => row.company);
    expect(companies).toHaveLength(61);
    expect(companies.at(-1)).toBe("Added while downloading");
  });
});
