import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { getLeadsByIds } from "@/db/queries/leads";
import { listMatchingLeadIds } from "@/db/queries/leads-page";
import { requireUser } from "@/lib/server/auth/session";
import { plural } from "@/lib/format";
import { leadListHref } from "@/lib/leads/page";
import { matchingFilterSchema, type MatchingFilter } from "@/lib/leads/page-query";
import { DeleteLeadsForm } from "./delete-leads-form";

export const metadata: Metadata = { title: "Delete leads" };

/** The names listed when every lead a filter matches is to go: the first few, and how many more. */
const NAMED = 20;

type SearchParams = { id?: string | string[]; scope?: string; state?: string; q?: string };

/**
 * The confirmation step before deleting one lead (?id=…), several (?id=…&id=…), or every lead a
 * filter of the list matches (?scope=matching&state=…&q=…).
 */
export default async function DeleteLeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  let matching: MatchingFilter | null = null;
  let ids: string[];
  if (params.scope === "matching") {
    const parsed = matchingFilterSchema.safeParse({ state: params.state ?? "all", search: params.q ?? "" });
    if (!parsed.success) notFound();
    matching = parsed.data;
    ids = await listMatchingLeadIds(db(), { userId: user.id, now: new Date(), timeZone: user.timeZone, filter: matching });
  } else {
    ids = Array.isArray(params.id) ? params.id : params.id ? [params.id] : [];
  }
  const leads = ids.length === 0 ? null : await getLeadsByIds(db(), { userId: user.id, leadIds: matching ? ids.slice(0, NAMED) : ids });
  if (!leads) {
    if (matching) return <NothingMatches filter={matching} />;
    notFound();
  }
  const count = ids.length;
  const single = count === 1 ? leads[0]! : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold break-words">{single ? `Delete ${single.company}?` : `Delete ${plural(count, "lead")}?`}</h1>
      <p className="text-stone-700">
        {matching ? "Every lead matching your filter, with its whole touch timeline, " : single ? "The lead and its whole touch timeline " : "These leads and their whole touch timelines "}
        will be deleted for good. Your materials stay. This cannot be undone.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {leads.map((lead) => (
          <li key={lead.id} className="break-words">
            {lead.company}
            {lead.contactName ? ` (${lead.contactName})` : ""}
          </li>
        ))}
        {count > leads.length ? <li>and {plural(count - leads.length, "more lead")}</li> : null}
      </ul>
      <DeleteLeadsForm
        selection={matching ? { matching } : { leadIds: leads.map((lead) => lead.id) }}
        count={count}
        cancelHref={single && !matching ? `/leads/${single.id}` : matching ? leadListHref(matching) : "/leads"}
      />
    </div>
  );
}

function NothingMatches({ filter }: { filter: MatchingFilter }) {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">No lead matches this filter now</h1>
      <p className="text-stone-700">Nothing will be deleted.</p>
      <a href={leadListHref(filter)} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
        Back to the leads
      </a>
    </div>
  );
}
