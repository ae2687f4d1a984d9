// Test set-up shared by the coach query tests: plain inserts, no rules.
import { count } from "drizzle-orm";
import type { Channel, Direction } from "@/lib/domain";
import type { Db } from "../client";
import { coachInvitations, coachLinks, coachNotes, leads, touches, users } from "../schema";

export type Person = { id: string; name: string; email: string };

export const viewer = (p: Person) => ({ id: p.id, email: p.email });

/** The helpers, on the test file's database (`handle.db` exists only inside tests). */
export function coachFixtures(handle: { readonly db: Db }) {
  async function person(name: string, timeZone = "UTC", settings: Partial<typeof users.$inferInsert> = {}): Promise<Person> {
    const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.com`;
    const [row] = await handle.db
      .insert(users)
      .values({ name, email, passwordHash: "x", timeZone, ...settings })
      .returning({ id: users.id, name: users.name, email: users.email });
    return row!;
  }

  let position = 0;
  async function lead(seekerId: string, values: Partial<typeof leads.$inferInsert> = {}): Promise<string> {
    const [row] = await handle.db
      .insert(leads)
      .values({ userId: seekerId, company: `Company ${position}`, position: position++, ...values })
      .returning({ id: leads.id });
    return row!.id;
  }

  async function touch(
    seekerId: string,
    leadId: string,
    at: string,
    channel: Channel,
    direction: Direction,
    extra: Partial<typeof touches.$inferInsert> = {},
  ): Promise<void> {
    await handle.db.insert(touches).values({ userId: seekerId, leadId, at: new Date(at), channel, direction, ...extra });
  }

  async function connect(coach: Person, seeker: Person): Promise<void> {
    await handle.db.insert(coachLinks).values({ coachId: coach.id, seekerId: seeker.id });
  }

  async function rowCount(table: typeof coachNotes | typeof coachLinks | typeof coachInvitations | typeof leads | typeof touches) {
    const [row] = await handle.db.select({ n: count() }).from(table);
    return row!.n;
  }

  return { person, lead, touch, connect, rowCount };
}
