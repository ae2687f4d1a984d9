import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { getLead } from "@/db/queries/leads";
import { requireUser } from "@/lib/server/auth/session";
import { LeadForm } from "../../lead-form";

export const metadata: Metadata = { title: "Edit lead" };

export default async function EditLeadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const lead = await getLead(db(), { userId: user.id, leadId: id });
  if (!lead) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href={`/leads/${lead.id}`} className="text-sm font-medium text-brand-700 underline">
          ← {lead.company}
        </Link>
      </p>
      <h1 className="text-2xl font-bold break-words">Edit {lead.company}</h1>
      <LeadForm lead={lead} />
    </div>
  );
}
