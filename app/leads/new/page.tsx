import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { LeadForm } from "../lead-form";

export const metadata: Metadata = { title: "Add a lead" };

export default async function NewLeadPage() {
  await requireUser();
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/leads" className="text-sm font-medium text-brand-700 underline">
          ← Leads
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Add a lead</h1>
      <p className="text-stone-600">It joins the end of your list; the campaign plans its first contact.</p>
      <LeadForm />
    </div>
  );
}
