import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { getLeadsByIds } from "@/db/queries/leads";
import { requireUser } from "@/lib/server/auth/session";
import { DeleteLeadsForm } from "./delete-leads-form";

export const metadata: Metadata = { title: "Delete leads" };

/** The confirmation step before deleting one lead (?id=…) or several (?id=…&id=…). */
export default async function DeleteLeadsPage({ searchParams }: { searchParams: Promise<{ id?: string | string[] }> }) {
  const user = await requireUser();
  const { id } = await searchParams;
  const ids = Array.isArray(id) ? id : id ? [id] : [];
  const leads = await getLeadsByIds(db(), { userId: user.id, leadIds: ids });
  if (!leads) notFound();
  const single = leads.length === 1 ? leads[0]! : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold break-words">{single ? `Delete ${single.company}?` : `Delete ${leads.length} leads?`}</h1>
      <p className="text-stone-700">
        {single ? "The lead and its whole touch timeline" : "These leads and their whole touch timelines"} will be deleted for
        good. Your materials stay. This cannot be undone.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {leads.map((lead) => (
          <li key={lead.id} className="break-words">
            {lead.company}
            {lead.contactName ? ` (${lead.contactName})` : ""}
          </li>
        ))}
      </ul>
      <DeleteLeadsForm leadIds={leads.map((lead) => lead.id)} count={leads.length} cancelHref={single ? `/leads/${single.id}` : "/leads"} />
    </div>
  );
}
