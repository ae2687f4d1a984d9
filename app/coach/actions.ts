"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/db/client";
import { endConnection } from "@/db/queries/coach-connections";
import { createCoachInvitation } from "@/db/queries/coach-invitations";
import { createCoachNote } from "@/db/queries/coach-notes";
import { formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { coachNoteSchema, endClientConnectionSchema } from "@/lib/coach/schemas";
import { requireUser } from "@/lib/server/auth/session";

/** The new invitation's link and code travel back with the answer: only their hashes and the code are kept. */
export type InvitationCreated = ActionResult & { invitation?: { url: string; code: string; expiresAt: string } };

// The form sends nothing: the invitation is the coach's own, for whoever answers it.
export async function createInvitationAction(): Promise<InvitationCreated> {
  const user = await requireUser();
  const created = await createCoachInvitation(db(), { coachId: user.id, now: new Date() });
  revalidatePath("/coach");
  return {
    ok: true,
    message: "Invitation created. Send your client the link, or give them the code.",
    invitation: {
      url: new URL(`/invitations/${created.token}`, await requestOrigin()).toString(),
      code: created.code,
      expiresAt: created.expiresAt.toISOString(),
    },
  };
}

/** The address the coach reached the app at, so the link works for the client the same way. */
async function requestOrigin(): Promise<string> {
  const list = await headers();
  const origin = list.get("origin");
  if (origin) return origin;
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  return `${list.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/** A note for a live client, shown on their Today until they dismiss it. */
export async function leaveNoteAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["seekerId", "body"] as const);
  const parsed = coachNoteSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const note = await createCoachNote(db(), { coachId: user.id, ...parsed.data, now: new Date() });
  if (!note) notFound();
  revalidatePath(`/coach/clients/${parsed.data.seekerId}`);
  return { ok: true, message: "Note left. Your client sees it on Today until they dismiss it." };
}

/** The coach ends the connection: the client's data is out of reach from the next request. */
export async function endClientConnectionAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = endClientConnectionSchema.safeParse(formValues(formData, ["seekerId"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const ended = await endConnection(db(), {
    coachId: user.id,
    seekerId: parsed.data.seekerId,
    endedBy: user.id,
    now: new Date(),
  });
  if (!ended) notFound();
  revalidatePath("/coach");
  redirect("/coach?ended=1");
}
