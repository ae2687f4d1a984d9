import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { LEAD_TEXT_LIMITS } from "@/lib/leads/schemas";
import { LeadForm } from "../lead-form";

export const metadata: Metadata = { title: "Add a lead" };

/** `?notes=`: where the lead came from (Today's "Add … as a lead" after a referral). */
export default async function NewLeadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const { notes } = await searchParams;
  const prefill = typeof notes === "string" ? { notes: notes.slice(0, LEAD_TEXT_LIMITS.notes) } : {};
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/leads" className="text-sm font-medium text-brand-700 underline">
          ← Leads
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Add a lead</h1>
      <p className="text-stone-600">It joins the end of your list; the campaign plans its first contact.</p>
      <LeadForm prefill={prefill} />
    </div>
  );
}
