import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf, type Db } from "@/db/client";
import { coachLinks, coachNotes, leads, outboxMessages, users } from "@/db/schema";
import { throttleKeys } from "@/lib/auth/throttle";
import { codeThrottleKeys } from "@/lib/coach/invitations";
import { setUpTestDb } from "@/test/db";
import { coachFixtures, type Person } from "@/test/fixtures/coach";
import { issueAccountToken, requestPasswordReset } from "./account-tokens";
import { deleteAccount } from "./account";
import { renewCalendarFeed } from "./calendar-feed";
import { createCoachInvitation, inviteCoachByEmail } from "./coach-invitations";
import { createCoachNote } from "./coach-notes";
import { listClientFacts } from "./coach-clients";
import { takeMailRequest } from "./mail-requests";
import { createMaterial } from "./materials";
import { createSession, getSessionUser } from "./sessions";
import { recordSignInFailure } from "./sign-in-failures";

const handle = setUpTestDb();
const NOW = new Date("2026-03-04T10:00:00Z");
const { person, lead, touch, connect } = coachFixtures(handle);

/**
 * Every place in the schema that holds the user: each column of every table in the schema (read
 * from information_schema, so a table or column added later is searched too) whose type can hold
 * their id or address, and the number of rows in it that do.
 */
async function rowsNaming(db: Db, { id, email }: { id: string; email: string }): Promise<string[]> {
  const columns = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name, c.data_type
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('uuid', 'text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      order by c.table_name, c.column_name`),
  );
  expect(columns.length, "the schema has columns to search").toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    // As text, so one test serves every type: a uuid equal to the id, any text containing the id or the address.
    const value = sql`${sql.identifier(column)}::text`;
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)}
            where position(${id} in ${value}) > 0 or position(${email} in lower(${value})) > 0`,
      ),
    );
    if (row!.n > 0) found.push(`${table}.${column}: ${row!.n}`);
  }
  return found;
}

/** A user with something in every table that can hold them. */
async function fullAccount(name: string, { coach, otherSeeker }: { coach: Person; otherSeeker: Person }): Promise<Person> {
  const db = handle.db;
  const me = await person(name);
  await db.update(users).set({ emailVerifiedAt: NOW }).where(eq(users.id, me.id));
  const leadId = await lead(me.id, { contactName: "Dana", email: "dana@acme.example" });
  const material = await createMaterial(db, { userId: me.id, material: { title: "Portfolio", url: "https://example.com/p", topic: "" } });
  await touch(me.id, leadId, "2026-03-01T09:00:00Z", "email", "outbound", { materialId: material.id });
  // Connected both ways: a coach of theirs, and a client of their own.
  await connect(coach, me);
  await connect(me, otherSeeker);
  await createCoachNote(db, { coachId: coach.id, seekerId: me.id, body: "Keep going", now: NOW });
  await createCoachNote(db, { coachId: me.id, seekerId: otherSeeker.id, body: "Nice week", now: NOW });
  await createCoachInvitation(db, { coachId: me.id, now: NOW });
  expect(await inviteCoachByEmail(db, { seekerId: me.id, coachEmail: "new-coach@example.com", now: NOW })).toMatchObject({ ok: true });
  // Invited by someone else, at their address.
  const inviter = await person(`${name} Inviter`, "UTC", { emailVerifiedAt: NOW });
  expect(await inviteCoachByEmail(db, { seekerId: inviter.id, coachEmail: me.email, now: NOW })).toMatchObject({ ok: true });
  await createSession(db, { userId: me.id, device: "Firefox on Linux", address: "203.0.113.9", now: NOW });
  await issueAccountToken(db, { userId: me.id, purpose: "verify_email", email: me.email, now: NOW });
  await requestPasswordReset(db, { email: me.email, client: "203.0.113.9", now: NOW });
  await renewCalendarFeed(db, { userId: me.id, now: NOW });
  await recordSignInFailure(db, { keys: Object.values(throttleKeys(me.email, "203.0.113.9")), now: NOW });
  await recordSignInFailure(db, { keys: Object.values(codeThrottleKeys(me.id, "203.0.113.9")), now: NOW });
  await takeMailRequest(db, { keys: [{ scope: "address", value: me.email }, { scope: "account", value: me.id }], now: NOW });
  // Mail to their address that no account of theirs caused.
  await db.insert(outboxMessages).values({ kind: "sign_up_attempt", userId: null, toAddress: me.email, payload: { name: name } });
  return me;
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = rowsOf<{ tablename: string }>(await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`));
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(tablename)}`));
    counts[tablename] = row!.n;
  }
  return counts;
}

describe("deleteAccount", () => {
  it("leaves no row in any table that holds the user's id or address", async () => {
    const coach = await person("Cora Coach");
    const otherSeeker = await person("Omar Other");
    const me = await fullAccount("Sam Seeker", { coach, otherSeeker });
    const before = await rowsNaming(handle.db, me);
    // The search finds them where the seeding put them (so an empty result below means something).
    for (const place of ["users.id", "leads.user_id", "touches.user_id", "materials.user_id", "coach_links.coach_id", "coach_links.seeker_id",
      "coach_notes.seeker_id", "coach_notes.coach_id", "coach_invitations.created_by", "coach_invitations.invitee_email", "sessions.user_id",
      "account_tokens.user_id", "outbox_messages.to_address", "calendar_feeds.user_id", "sign_in_failures.key", "mail_requests.key"]) {
      expect(before.some((entry) => entry.startsWith(`${place}:`)), place).toBe(true);
    }

    expect(await deleteAccount(handle.db, { userId: me.id })).toBe(true);

    expect(await rowsNaming(handle.db, me)).toEqual([]);
  });

  it("removes nothing of anyone else: their leads, their other connections, the address throttle", async () => {
    const coach = await person("Cora Coach");
    const otherSeeker = await person("Omar Other");
    const bystander = await fullAccount("Bea Bystander", { coach, otherSeeker });
    const me = await fullAccount("Sam Seeker", { coach, otherSeeker });
    const counts = await tableCounts(handle.db);
    const bystanderBefore = await rowsNaming(handle.db, bystander);

    await deleteAccount(handle.db, { userId: me.id });

    expect(await rowsNaming(handle.db, bystander)).toEqual(bystanderBefore);
    const after = await tableCounts(handle.db);
    // Sam's own rows went, and nothing more: one user, one lead, one touch, one material, …
    expect(after.users).toBe(counts.users! - 1);
    expect(after.leads).toBe(counts.leads! - 1);
    expect(after.touches).toBe(counts.touches! - 1);
    expect(after.materials).toBe(counts.materials! - 1);
    expect(after.coach_links).toBe(counts.coach_links! - 2);
    expect(after.coach_notes).toBe(counts.coach_notes! - 2);
    expect(after.calendar_feeds).toBe(counts.calendar_feeds! - 1);
    // The client address's own counter is about the address, not the account: it stays.
    expect(rowsOf<{ key: string }>(await handle.db.execute(sql`select key from sign_in_failures where key = 'address:203.0.113.9'`))).toHaveLength(1);
  });

  it("ends a coach's view of a deleted seeker, and every client connection of a deleted coach", async () => {
    const coach = await person("Cora Coach");
    const seekerA = await person("Ann Seeker");
    const seekerB = await person("Ben Seeker");
    await connect(coach, seekerA);
    await connect(coach, seekerB);
    await lead(seekerB.id);
    expect((await listClientFacts(handle.db, { coachId: coach.id, now: NOW })).map((client) => client.seekerId).sort()).toEqual([seekerA.id, seekerB.id].sort());

    await deleteAccount(handle.db, { userId: seekerA.id });
    expect((await listClientFacts(handle.db, { coachId: coach.id, now: NOW })).map((client) => client.seekerId)).toEqual([seekerB.id]);

    await deleteAccount(handle.db, { userId: coach.id });
    expect(await handle.db.select().from(coachLinks)).toEqual([]);
    expect(await handle.db.select().from(coachNotes)).toEqual([]);
    // The seeker keeps their own data.
    expect(await handle.db.select({ id: leads.id }).from(leads)).toHaveLength(1);
  });

  it("signs every session out: the session's row no longer names anyone", async () => {
    const me = await person("Sam Seeker");
    const sessionId = await createSession(handle.db, { userId: me.id, device: "Chrome on Android", address: "198.51.100.1", now: NOW });
    expect(await getSessionUser(handle.db, { sessionId, userId: me.id })).not.toBeNull();
    await deleteAccount(handle.db, { userId: me.id });
    expect(await getSessionUser(handle.db, { sessionId, userId: me.id })).toBeNull();
  });

  it("answers false for no such user, and changes nothing", async () => {
    const me = await person("Sam Seeker");
    expect(await deleteAccount(handle.db, { userId: "00000000-0000-4000-8000-000000000000" })).toBe(false);
    expect(await handle.db.select({ id: users.id }).from(users)).toEqual([{ id: me.id }]);
  });

  it("is one transaction: a failure part-way leaves everything in place", async () => {
    const coach = await person("Cora Coach");
    const otherSeeker = await person("Omar Other");
    const me = await fullAccount("Sam Seeker", { coach, otherSeeker });
    const counts = await tableCounts(handle.db);
    // A trigger that refuses to delete the user: the statements before it must roll back.
    await handle.db.execute(sql.raw(`create function refuse_delete() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`));
    await handle.db.execute(sql.raw(`create trigger refuse_user_delete before delete on users for each row execute function refuse_delete()`));
    try {
      await expect(deleteAccount(handle.db, { userId: me.id })).rejects.toThrow();
      expect(await tableCounts(handle.db)).toEqual(counts);
    } finally {
      await handle.db.execute(sql.raw(`drop trigger refuse_user_delete on users`));
      await handle.db.execute(sql.raw(`drop function refuse_delete()`));
    }
  });
});
