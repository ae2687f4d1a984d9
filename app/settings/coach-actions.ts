"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { endConnection } from "@/db/queries/coach-connections";
import { inviteCoachByEmail } from "@/db/queries/coach-invitations";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { wakeMailSender } from "@/lib/server/mail/wake";
import { INVITATION_TTL_DAYS } from "@/lib/coach/invitations";
import { coachInviteSchema, endCoachConnectionSchema } from "@/lib/settings/schemas";

/** The seeker invites a coach by e-mail; the coach answers on their Coach page. */
export async function inviteCoachAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["email"] as const);
  const parsed = coachInviteSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const outcome = await inviteCoachByEmail(db(), { seekerId: user.id, coachEmail: parsed.data.email, now: new Date() });
  if (!outcome.ok) {
    const problem =
      outcome.reason === "own_email" ? "That is your own e-mail address." : "You are already connected with this coach.";
    return failure("Please correct the highlighted fields.", { email: [problem] }, values);
  }
  if (outcome.mailed) wakeMailSender();
  revalidatePath("/settings");
  return {
    ok: true,
    message: outcome.mailed
      ? `We e-mailed your invitation to ${parsed.data.email}. Your coach can accept it for ${INVITATION_TTL_DAYS} days, signed in with that address once it is confirmed.`
      : `Your invitation to ${parsed.data.email} is ready: we e-mail it as soon as you confirm your own address (see the link we sent you).`,
  };
}

/** The seeker ends a coach's access, at once. */
export async function endCoachConnectionAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = endCoachConnectionSchema.safeParse(formValues(formData, ["coachId"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const ended = await endConnection(db(), {
    coachId: parsed.data.coachId,
    seekerId: user.id,
    endedBy: user.id,
    now: new Date(),
  });
  if (!ended) notFound();
  revalidatePath("/settings");
  return { ok: true, message: "Connection ended. Your coach no longer sees your progress." };
}
