import { and, eq, sql } from "drizzle-orm";
import { isTooSoon, type Channel, type Direction, type Outcome } from "@/lib/domain";
import type { Db } from "../client";
import { leads, materials, touches } from "../schema";
import { inTransaction, lockSeeker } from "../transaction";
import { replanCampaign } from "./campaign";

/** A touch as a timeline shows it: the seeker's own on a lead's page, a client's to their coach. */
export const timelineTouchColumns = {
  id: touches.id,
  at: touches.at,
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
  | { status: "duplicate"; company: string }
  /** Outbound, less than 3 days after the previous outbound one, and not confirmed: nothing written. */
  | { status: "too_soon"; company: string }
  | { status: "lead_not_found" }
  | { status: "material_not_found" };

/**
 * Records one touch on one of the seeker's leads, in one transaction: checks the lead and the
 * material are the seeker's, refuses an unconfirmed too-soon outbound touch, inserts (a repeated
 * idempotency key records nothing), revives a cold lead, and re-plans the campaign when this is
 * the lead's first touch.
 */
export async function logTouch(
  db: Db,
  {
    userId,
    timeZone,
    now,
    touch,
    confirmTooSoon,
  }: { userId: string; timeZone: string; now: Date; touch: NewTouch; confirmTooSoon: boolean },
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
      if (earlier) return { status: "duplicate", company: lead.company };
    }

    if (touch.materialId !== null) {
      const [material] = await tx
        .select({ id: materials.id })
        .from(materials)
        .where(and(eq(materials.id, touch.materialId), eq(materials.userId, userId)));
      if (!material) return { status: "material_not_found" };
    }

    const history = await tx
      .select({ at: touches.at, channel: touches.channel, direction: touches.direction })
      .from(touches)
      .where(and(eq(touches.userId, userId), eq(touches.leadId, lead.id)));
    const tooSoon = isTooSoon(history, touch, timeZone);
    if (tooSoon && !confirmTooSoon) return { status: "too_soon", company: lead.company };

    const [inserted] = await tx
      .insert(touches)
      .values({ ...touch, userId, tooSoon })
      .onConflictDoNothing({ target: [touches.userId, touches.idempotencyKey] })
      .returning({ id: touches.id });
    if (!inserted) return { status: "duplicate", company: lead.company };

    await tx
      .update(leads)
      .set({ coldSince: null, updatedAt: sql`now()` })
      .where(and(eq(leads.id, lead.id), eq(leads.userId, userId)));
    // A first contact takes the lead out of the plan: the leads after it move up.
    if (history.length === 0) await replanCampaign(tx, { userId, now });

    return { status: "logged", touchId: inserted.id, company: lead.company, tooSoon };
  });
}
