import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { dateOf, isTooSoonAfter, tooSoonFlags, type Channel, type Direction, type Outcome } from "@/lib/domain";
import { isUuid } from "@/lib/ids";
import type { Db } from "../client";
import { leads, materials, touches, users } from "../schema";
import { inTransaction, lockSeeker } from "../transaction";
import { replanCampaign } from "./campaign";

/**
 * The calendar day of `at` in the owner's zone as it is now: what a touch written without its
 * zone at hand (sample data, fixtures, scripts) stores as its local date.
 */
export function localDateInOwnersZone(userId: string, at: Date) {
  return sql<string>`(${at.toISOString()}::timestamptz at time zone (select ${users.timeZone} from ${users} where ${users.id} = ${userId}))::date`;
}

/** A touch as a timeline shows it: the seeker's own on a lead's page, a client's to their coach. */
export const timelineTouchColumns = {
  id: touches.id,
  at: touches.at,
  localDate: touches.localDate,
  channel: touches.channel,
  direction: touches.direction,
  outcome: touches.outcome,
  note: touches.note,
  tooSoon: touches.tooSoon,
};

export type NewTouch = {
  leadId: string;
  at: Date;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  materialId: string | null;
  /** One per rendered form: a double-submitted form records one touch. */
  idempotencyKey: string | null;
};

export type LogTouchResult =
  | { status: "logged"; touchId: string; company: string; tooSoon: boolean }
  /** The same form was already recorded (double tap, retry): nothing new was written. */
  | { status: "duplicate"; touchId: string | null; company: string }
  /** Outbound, less than 3 days after the previous outbound one, and not confirmed: nothing written. */
  | { status: "too_soon"; company: string }
  | { status: "lead_not_found" }
  | { status: "material_not_found" }
  /** The material went to this lead already, and sending it again was not confirmed: nothing written. */
  | { status: "material_already_sent"; company: string; title: string };

/**
 * Records one touch on one of the seeker's leads, in one transaction: checks the lead and the
 * material are the seeker's, refuses a material the lead already got and an outbound touch too
 * soon unless each was confirmed, inserts (a repeated idempotency key records nothing), judges the
 * too-soon flags of the lead's history again (a backdated touch changes the later ones), revives a
 * cold lead, and re-plans the campaign when this is the lead's first touch.
 */
export async function logTouch(
  db: Db,
  {
    userId,
    timeZone,
    now,
    touch,
    confirmTooSoon,
    confirmMaterialAgain = false,
  }: {
    userId: string;
    timeZone: string;
    now: Date;
    touch: NewTouch;
    confirmTooSoon: boolean;
    /** The seeker saw that the lead already got this material and sends it again. */
    confirmMaterialAgain?: boolean;
  },
): Promise<LogTouchResult> {
  return inTransaction(db, async (tx) => {
    // The same lock as every change to the seeker's list, taken first, so a touch and a list change
    // (which both re-plan) run in turn, and two taps on one lead are judged one after the other.
    await lockSeeker(tx, userId);
    const [lead] = await tx
      .select({ id: leads.id, company: leads.company })
      .from(leads)
      .where(and(eq(leads.id, touch.leadId), eq(leads.userId, userId)));
    if (!lead) return { status: "lead_not_found" };

    if (touch.idempotencyKey !== null) {
      const [earlier] = await tx
        .select({ id: touches.id })
        .from(touches)
        .where(and(eq(touches.userId, userId), eq(touches.idempotencyKey, touch.idempotencyKey)));
      if (earlier) return { status: "duplicate", touchId: earlier.id, company: lead.company };
    }

    if (touch.materialId !== null) {
      const check = await materialCheck(tx, { userId, leadId: lead.id, materialId: touch.materialId, exceptTouchId: null });
      if (check === null) return { status: "material_not_found" };
      if (check.alreadySent && !confirmMaterialAgain) return { status: "material_already_sent", company: lead.company, title: check.title };
    }

    const history = await tx
      .select({ at: touches.at, localDate: touches.localDate, channel: touches.channel, direction: touches.direction, outcome: touches.outcome })
      .from(touches)
      .where(and(eq(touches.userId, userId), eq(touches.leadId, lead.id)));
    // The day it happened in the seeker's zone at this moment (a backdated touch: the day picked).
    const localDate = dateOf(touch.at, timeZone);
    // The warning judges as the stored flag will (reflagTooSoon): local days, an answer resets it.
    const tooSoon = isTooSoonAfter(history, { ...touch, localDate });
    if (tooSoon && !confirmTooSoon) return { status: "too_soon", company: lead.company };

    const [inserted] = await tx
      .insert(touches)
      .values({ ...touch, userId, tooSoon, localDate })
      .onConflictDoNothing({ target: [touches.userId, touches.idempotencyKey] })
      .returning({ id: touches.id });
    // The same key was recorded meanwhile (a second server): that touch is the one this form logged.
    if (!inserted) return { status: "duplicate", touchId: null, company: lead.company };
    await reflagTooSoon(tx, { userId, leadId: lead.id });

    await tx
      .update(leads)
      .set({ coldSince: null, updatedAt: sql`now()` })
      .where(and(eq(leads.id, lead.id), eq(leads.userId, userId)));
    // A first contact takes the lead out of the plan: the leads after it move up.
    if (history.length === 0) await replanCampaign(tx, { userId, now });

    return { status: "logged", touchId: inserted.id, company: lead.company, tooSoon };
  });
}

/**
 * Judges "too soon" again over the lead's whole history as it stands (lib/domain tooSoonFlags) and
 * stores every flag that changed, in two statements whatever the history's length. Run it in the
 * transaction of any write that adds, moves, edits or removes a touch: a backdated touch slipped
 * between two others changes the later one's flag, an undone one frees the next.
 */
export async function reflagTooSoon(tx: Db, { userId, leadId }: { userId: string; leadId: string }): Promise<void> {
  const history = await tx
    .select({
      id: touches.id,
      at: touches.at,
      localDate: touches.localDate,
      channel: touches.channel,
      direction: touches.direction,
      outcome: touches.outcome,
      tooSoon: touches.tooSoon,
    })
    .from(touches)
    .where(and(eq(touches.userId, userId), eq(touches.leadId, leadId)))
    // Two touches at the same instant (a time typed to the minute) are judged in the order they were
    // logged, as the warning before saving judged the second: the sort in tooSoonFlags keeps this order.
    .orderBy(asc(touches.localDate), asc(touches.at), asc(touches.createdAt), asc(touches.id));
  const flags = tooSoonFlags(history);
  if (history.every((touch, index) => touch.tooSoon === flags[index])) return;
  const flagged = history.filter((_, index) => flags[index]).map((touch) => touch.id);
  const isFlagged = flagged.length === 0 ? sql`false` : inArray(touches.id, flagged);
  await tx
    .update(touches)
    .set({ tooSoon: sql`${isFlagged}` })
    .where(and(eq(touches.userId, userId), eq(touches.leadId, leadId), sql`${touches.tooSoon} is distinct from ${isFlagged}`));
}

/** What a correction of a touch may change (the lead stays). */
export type TouchCorrection = {
  at: Date;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  materialId: string | null;
};

export type TouchWriteResult =
  | { status: "saved"; leadId: string; company: string }
  | { status: "touch_not_found" }
  | { status: "material_not_found" }
  /** The material chosen went to this lead with another touch already, and that was not confirmed. */
  | { status: "material_already_sent"; leadId: string; company: string; title: string };

/** The seeker's touch with its lead's company, locked for the correction; null when not theirs. */
async function ownTouch(tx: Db, { userId, touchId }: { userId: string; touchId: string }) {
  if (!isUuid(touchId)) return null;
  const [row] = await tx
    .select({ id: touches.id, leadId: touches.leadId, materialId: touches.materialId, company: leads.company })
    .from(touches)
    .innerJoin(leads, and(eq(leads.id, touches.leadId), eq(leads.userId, userId)))
    .where(and(eq(touches.id, touchId), eq(touches.userId, userId)));
  return row ?? null;
}

/**
 * Corrects one of the seeker's touches (date and time, channel, direction, outcome, note, material)
 * in one transaction: the day it counts on follows the new date, the too-soon flags of the lead's
 * whole history are judged again, and the campaign plan follows (a first contact may have moved).
 * A material this lead already got with another touch needs `confirmMaterialAgain`.
 */
export async function updateTouch(
  db: Db,
  {
    userId,
    touchId,
    touch,
    confirmMaterialAgain,
    now,
    timeZone,
  }: {
    userId: string;
    touchId: string;
    touch: TouchCorrection;
    confirmMaterialAgain: boolean;
    now: Date;
    /** The seeker's zone: the corrected date and time is read there, and the touch counts on that day. */
    timeZone: string;
  },
): Promise<TouchWriteResult> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    const found = await ownTouch(tx, { userId, touchId });
    if (!found) return { status: "touch_not_found" };
    if (touch.materialId !== null && touch.materialId !== found.materialId) {
      const check = await materialCheck(tx, { userId, leadId: found.leadId, materialId: touch.materialId, exceptTouchId: touchId });
      if (check === null) return { status: "material_not_found" };
      if (check.alreadySent && !confirmMaterialAgain) {
        return { status: "material_already_sent", leadId: found.leadId, company: found.company, title: check.title };
      }
    }
    await tx
      .update(touches)
      // The day it counts on follows the corrected date, read in the seeker's zone.
      .set({ ...touch, localDate: dateOf(touch.at, timeZone) })
      .where(and(eq(touches.id, touchId), eq(touches.userId, userId)));
    await afterHistoryChange(tx, { userId, leadId: found.leadId, now });
    return { status: "saved", leadId: found.leadId, company: found.company };
  });
}

/** Deletes one of the seeker's touches; every flag and the plan follow, in the same transaction. */
export async function deleteTouch(
  db: Db,
  { userId, touchId, now }: { userId: string; touchId: string; now: Date },
): Promise<{ status: "deleted"; leadId: string; company: string } | { status: "touch_not_found" }> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    const found = await ownTouch(tx, { userId, touchId });
    if (!found) return { status: "touch_not_found" };
    await tx.delete(touches).where(and(eq(touches.id, touchId), eq(touches.userId, userId)));
    await afterHistoryChange(tx, { userId, leadId: found.leadId, now });
    return { status: "deleted", leadId: found.leadId, company: found.company };
  });
}

/** A lead's history changed: flags judged again, the plan redone (the lead may be uncontacted again). */
async function afterHistoryChange(tx: Db, { userId, leadId, now }: { userId: string; leadId: string; now: Date }) {
  await reflagTooSoon(tx, { userId, leadId });
  await tx
    .update(leads)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(leads.id, leadId), eq(leads.userId, userId)));
  await replanCampaign(tx, { userId, now });
}

/**
 * Whether the material is the seeker's (null when not) and whether this lead already got it with a
 * touch other than `exceptTouchId`: one statement.
 */
async function materialCheck(
  tx: Db,
  { userId, leadId, materialId, exceptTouchId }: { userId: string; leadId: string; materialId: string; exceptTouchId: string | null },
): Promise<{ title: string; alreadySent: boolean } | null> {
  const [material] = await tx
    .select({
      title: materials.title,
      // Spelled out: in a one-table select Drizzle leaves column names unqualified.
      alreadySent: sql<boolean>`exists (
        select 1 from touches t
        where t.user_id = ${userId} and t.lead_id = ${leadId} and t.material_id = "materials"."id"
        ${exceptTouchId === null ? sql`` : sql`and t.id <> ${exceptTouchId}`}
      )`,
    })
    .from(materials)
    .where(and(eq(materials.id, materialId), eq(materials.userId, userId)));
  return material ?? null;
}
