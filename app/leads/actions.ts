"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/db/client";
import {
  closeLeads,
  createLead,
  deleteMatchingLeads,
  dropMatchingLeads,
  LeadLimitReached,
  moveLeadToPosition,
  pauseLeads,
  pauseMatchingLeads,
  reopenLead,
  resumeLead,
  setNextDueOverride,
  updateLead,
  type LeadSelection,
} from "@/db/queries/leads";
import { clearSampleData, loadSampleData } from "@/db/queries/sample-data";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { todayIn } from "@/lib/domain";
import { formatDay, plural } from "@/lib/format";
import { isUuid } from "@/lib/ids";
import { leadLimitMessage } from "@/lib/leads/page";
import { matchingFilterSchema } from "@/lib/leads/page-query";
import { leadLimits } from "./import/steps";
import {
  bulkPauseFormSchema,
  closeLeadSchema,
  moveToPositionSchema,
  LEAD_FORM_FIELDS,
  leadFormSchema,
  nextDueFormSchema,
  pauseLeadFormSchema,
  sampleDataSchema,
} from "@/lib/leads/schemas";

/** Leads show on Today, the list, their page and Materials: every change refreshes them all. */
function refresh() {
  revalidatePath("/", "layout");
}

/** The lead id of a form; one that is not an id cannot be the seeker's lead: 404. */
function leadIdOf(formData: FormData): string {
  const leadId = formData.get("leadId");
  if (!isUuid(leadId)) notFound();
  return leadId;
}

const MAX_SELECTED = 500;

/** The ticked leads of a bulk form, or what to say when none is. */
function selectedLeadIds(formData: FormData): { ids: string[] } | { error: string } {
  const ids = formData.getAll("leadId");
  if (ids.length === 0) return { error: "Select at least one lead first." };
  if (ids.length > MAX_SELECTED) return { error: `Select at most ${MAX_SELECTED} leads at a time, or select all the leads matching the filter.` };
  if (!ids.every(isUuid)) notFound();
  return { ids: [...new Set(ids)] };
}

/**
 * A bulk form's leads: the ticked ones, or with `scope=matching` every lead matching the filter it
 * carries (`state`, `q`), which the query reads again inside the change's transaction.
 */
function selectionOf(formData: FormData, timeZone: string): { selection: LeadSelection; count: number | null } | { error: string } {
  if (formData.get("scope") === "matching") {
    const { state, q } = formValues(formData, ["state", "q"] as const);
    const parsed = matchingFilterSchema.safeParse({ state, search: q });
    if (!parsed.success) return { error: "This filter cannot be used: filter the list again, then select." };
    return { selection: { matching: parsed.data, timeZone }, count: null };
  }
  const selected = selectedLeadIds(formData);
  if ("error" in selected) return selected;
  return { selection: { leadIds: selected.ids }, count: selected.ids.length };
}

/** A change of a selection: a count, or 404 when a ticked lead is not the seeker's. */
function changedOr404(changed: number | null): number {
  if (changed === null) notFound();
  return changed;
}

/** A change refused because a lead is not the seeker's answers 404, as if it did not exist. */
function foundOr404(found: boolean) {
  if (!found) notFound();
}

export async function createLeadAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, LEAD_FORM_FIELDS);
  const parsed = leadFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  let id: string;
  try {
    ({ id } = await createLead(db(), { userId: user.id, lead: parsed.data, now: new Date(), limits: leadLimits() }));
  } catch (error) {
    if (error instanceof LeadLimitReached) return failure(leadLimitMessage(error.maxLeads), {}, values);
    throw error;
  }
  refresh();
  redirect(`/leads/${id}?saved=added`);
}

export async function updateLeadAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  const values = formValues(formData, LEAD_FORM_FIELDS);
  const parsed = leadFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  foundOr404(await updateLead(db(), { userId: user.id, leadId, lead: parsed.data }));
  refresh();
  redirect(`/leads/${leadId}?saved=updated`);
}

export async function pauseLeadAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  const values = formValues(formData, ["pausedUntil"] as const);
  const now = new Date();
  const parsed = pauseLeadFormSchema(todayIn(now, user.timeZone)).safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  foundOr404(await pauseLeads(db(), { userId: user.id, leadIds: [leadId], until: parsed.data.pausedUntil, now }));
  refresh();
  return { ok: true, message: `Paused until ${formatDay(parsed.data.pausedUntil)}.` };
}

export async function resumeLeadAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  foundOr404(await resumeLead(db(), { userId: user.id, leadId, now: new Date() }));
  refresh();
  return { ok: true, message: "Resumed." };
}

export async function closeLeadAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  const values = formValues(formData, ["closedAs", "closedReason"] as const);
  const parsed = closeLeadSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { closedAs, closedReason } = parsed.data;
  foundOr404(await closeLeads(db(), { userId: user.id, leadIds: [leadId], closedAs, reason: closedReason, now: new Date() }));
  refresh();
  return { ok: true, message: closedAs === "won" ? "Closed as won. Well done!" : "Closed as dropped." };
}

export async function reopenLeadAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  foundOr404(await reopenLead(db(), { userId: user.id, leadId, now: new Date() }));
  refresh();
  return { ok: true, message: "Reopened." };
}

/** Moves a lead to a place in the campaign order (1 is first): the number field, and drag and drop. */
export async function moveLeadToAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  const values = formValues(formData, ["position"] as const);
  const parsed = moveToPositionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  foundOr404(await moveLeadToPosition(db(), { userId: user.id, leadId, position: parsed.data.position, now: new Date() }));
  refresh();
  return { ok: true, message: `Moved to position ${parsed.data.position}.` };
}

export async function setNextDueAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  const values = formValues(formData, ["nextDue"] as const);
  const now = new Date();
  const parsed = nextDueFormSchema(todayIn(now, user.timeZone)).safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  foundOr404(await setNextDueOverride(db(), { userId: user.id, leadId, date: parsed.data.nextDue, now }));
  refresh();
  return { ok: true, message: `Next due set to ${parsed.data.nextDue}.` };
}

export async function clearNextDueAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const leadId = leadIdOf(formData);
  foundOr404(await setNextDueOverride(db(), { userId: user.id, leadId, date: null, now: new Date() }));
  refresh();
  return { ok: true, message: "The date set by hand is cleared." };
}

/** Deletes the leads the confirmation page listed (or every lead its filter matches); then back to the list. */
export async function deleteLeadsAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const selected = selectionOf(formData, user.timeZone);
  if ("error" in selected) return failure(selected.error);
  const deleted = changedOr404(await deleteMatchingLeads(db(), { userId: user.id, selection: selected.selection, now: new Date() }));
  refresh();
  redirect(`/leads?deleted=${deleted}`);
}

export async function bulkPauseAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["bulkPausedUntil"] as const);
  const now = new Date();
  const parsed = bulkPauseFormSchema(todayIn(now, user.timeZone)).safeParse(values);
  const selected = selectionOf(formData, user.timeZone);
  if ("error" in selected) return failure(selected.error, {}, values);
  if (!parsed.success) return invalid(parsed.error, values);
  const until = parsed.data.bulkPausedUntil;
  const paused = changedOr404(await pauseMatchingLeads(db(), { userId: user.id, selection: selected.selection, until, now }));
  refresh();
  return { ok: true, message: `Paused ${plural(paused, "lead")} until ${formatDay(until)}.` };
}

export async function bulkDropAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["bulkReason"] as const);
  const selected = selectionOf(formData, user.timeZone);
  if ("error" in selected) return failure(selected.error, {}, values);
  const parsed = closeLeadSchema.safeParse({ closedAs: "dropped", closedReason: values.bulkReason });
  if (!parsed.success) {
    const reasonErrors = parsed.error.issues.map((issue) => issue.message);
    return failure("Please correct the highlighted fields.", { bulkReason: reasonErrors }, values);
  }
  const reason = parsed.data.closedReason;
  const dropped = changedOr404(await dropMatchingLeads(db(), { userId: user.id, selection: selected.selection, reason, now: new Date() }));
  refresh();
  return { ok: true, message: `Closed ${plural(dropped, "lead")} as dropped.` };
}

/** Bulk delete goes through the confirmation page first (which, for a filter, counts what it matches). */
export async function bulkDeleteAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const selected = selectionOf(formData, user.timeZone);
  if ("error" in selected) return failure(selected.error);
  const { selection } = selected;
  if ("matching" in selection) {
    const params = new URLSearchParams({ scope: "matching", state: selection.matching.state, q: selection.matching.search });
    redirect(`/leads/delete?${params}`);
  }
  redirect(`/leads/delete?${new URLSearchParams(selection.leadIds.map((id) => ["id", id]))}`);
}

/**
 * One tap fills an empty list (from Today or Leads); the screen it came from then says what was
 * loaded (app/leads/sample-notice.tsx: the answer takes the focus). The form holds only where to go back.
 */
export async function loadSampleDataAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const { returnTo } = sampleDataSchema.parse(formData instanceof FormData ? formValues(formData, ["returnTo"] as const) : {});
  const loaded = await loadSampleData(db(), { userId: user.id, now: new Date() });
  if (!loaded) return failure("Sample data can only fill an empty list, and you already have leads.");
  refresh();
  redirect(`/${returnTo}?sample=loaded`);
}

/** Removes the sample leads (and only them, with their touches), even among the seeker's own. */
export async function clearSampleDataAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const { returnTo } = sampleDataSchema.parse(formData instanceof FormData ? formValues(formData, ["returnTo"] as const) : {});
  const removed = await clearSampleData(db(), { userId: user.id, now: new Date() });
  if (removed === 0) return failure("There is no sample data to clear.");
  refresh();
  redirect(`/${returnTo}?sample=cleared&removed=${removed}`);
}
