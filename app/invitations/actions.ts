"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { answerInvitation, withdrawInvitation, type InvitationRef } from "@/db/queries/coach-invitations";
import { challenged, failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { answerInvitationSchema, withdrawInvitationSchema } from "@/lib/invitations/schemas";
import { requireUser } from "@/lib/server/auth/session";
import { clientAddress } from "@/lib/server/request";
import { CHALLENGE_MESSAGE } from "@/lib/auth/proof-of-work";
import { formatWait } from "@/lib/format";
import { withCodeThrottle } from "@/lib/server/code-throttle";
import { INVITATION_PROBLEMS } from "./messages";

/**
 * Accepts or declines an invitation named by its link token or typed code (a seeker answering a
 * coach), or by its id (a coach answering a seeker's invitation sent to their e-mail).
 */
export async function answerInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["answer", "token", "code", "invitationId", "proof"] as const);
  const parsed = answerInvitationSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  const { answer, token, code, invitationId } = parsed.data;
  const ref: InvitationRef = token ? { token } : code ? { code } : { id: invitationId };
  const viewer = { id: user.id, email: user.email, emailVerified: user.emailVerified };
  const now = new Date();
  const run = () => answerInvitation(db(), { ref, viewer, answer, now });

  let outcome;
  if ("code" in ref) {
    // Codes are typed, so answering by code is under the same guessing limit as looking one up.
    const attempt = await withCodeThrottle(
      db(),
      { userId: user.id, address: clientAddress(await headers()), now, proof: values.proof || undefined },
      run,
      (result) => result.ok || result.reason !== "not_found",
    );
    if (attempt.throttled) {
      if (attempt.challenge !== undefined) return challenged(CHALLENGE_MESSAGE, attempt.challenge);
      return failure(`Too many wrong codes. Try again in ${formatWait(attempt.retryAfterSeconds)}.`);
    }
    outcome = attempt.result;
  } else {
    outcome = await run();
  }

  if (!outcome.ok) {
    // An id names a seeker's invitation to one coach: for anyone else it does not exist.
    if ("id" in ref && outcome.reason === "not_found") notFound();
    return failure(INVITATION_PROBLEMS[outcome.reason]);
  }
  revalidatePath("/invitations", "layout");
  revalidatePath("/coach");
  revalidatePath("/settings");
  if (answer === "decline") return { ok: true, message: `You declined ${outcome.inviterName}'s invitation.` };
  return {
    ok: true,
    message:
      outcome.seekerId === user.id
        ? `You are connected with ${outcome.inviterName}, who can now see your progress. You can end this at any time in Settings.`
        : `${outcome.inviterName} is now your client.`,
  };
}

/** Withdraws an invitation the user made that nobody has answered yet. */
export async function withdrawInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = withdrawInvitationSchema.safeParse(formValues(formData, ["invitationId"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const withdrawn = await withdrawInvitation(db(), { userId: user.id, invitationId: parsed.data.invitationId });
  if (!withdrawn) notFound();
  revalidatePath("/coach");
  revalidatePath("/settings");
  return { ok: true, message: "Invitation withdrawn." };
}
