import "server-only";
import { makeZip } from "client-zip";
import type { Db } from "@/db/client";
import {
  EXPORT_PAGE_SIZE,
  exportFields,
  getAccountForExport,
  readCoachNotePages,
  readConnectionPages,
  readLeadPages,
  readMaterialPages,
  readTouchPages,
} from "@/db/queries/account-export";
import { ARCHIVE_README, csvFile, jsonFile, settingsCsv } from "@/lib/account/export";

/**
 * The user's archive for "Download all my data", as a stream: each file is written while its rows
 * are read in pages (db/queries/account-export.ts), and the zip (client-zip, stored, not compressed)
 * is sent while it is written, so memory stays one page whatever the account's size. The stream pulls:
 * a slow download reads the database no faster than it sends. Null when there is no such user.
 */
export async function accountArchive(
  db: Db,
  { userId, now, pageSize = EXPORT_PAGE_SIZE }: { userId: string; now: Date; pageSize?: number },
): Promise<ReadableStream<Uint8Array> | null> {
  const account = await getAccountForExport(db, { userId });
  if (!account) return null;
  const settings = { ...account.profile, calendarFeedSince: account.calendarFeed?.createdAt ?? null };
  const deviceFields = ["device", "address", "createdAt", "lastSeenAt"];
  const single = <T>(rows: T[]) => (async function* () {
    yield rows;
  })();
  const paged = [
    { name: "leads", fields: exportFields("leads"), read: () => readLeadPages(db, { userId, pageSize }) },
    { name: "touches", fields: exportFields("touches"), read: () => readTouchPages(db, { userId, pageSize }) },
    { name: "materials", fields: exportFields("materials"), read: () => readMaterialPages(db, { userId, pageSize }) },
    { name: "coach-notes", fields: exportFields("coachNotes"), read: () => readCoachNotePages(db, { userId, pageSize }) },
    { name: "connections", fields: exportFields("connections"), read: () => readConnectionPages(db, { userId, pageSize }) },
  ];
  // A generator: each file (and its first page) is read only when the zip reaches it.
  function* files() {
    yield { name: "README.txt", lastModified: now, input: ARCHIVE_README };
    yield { name: "account.csv", lastModified: now, input: settingsCsv(settings) };
    yield { name: "account.json", lastModified: now, input: `${JSON.stringify({ ...settings, devices: account!.devices }, null, 2)}\n` };
    yield { name: "devices.csv", lastModified: now, input: csvFile(deviceFields, single(account!.devices)) };
    yield { name: "devices.json", lastModified: now, input: jsonFile(deviceFields, single(account!.devices)) };
    for (const file of paged) {
      yield { name: `${file.name}.csv`, lastModified: now, input: csvFile(file.fields, file.read()) };
      yield { name: `${file.name}.json`, lastModified: now, input: jsonFile(file.fields, file.read()) };
    }
  }
  return makeZip(files());
}
