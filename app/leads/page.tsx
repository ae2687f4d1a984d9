import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import { db } from "@/db/client";
import { listLeads } from "@/db/queries/leads";
import { requireUser } from "@/lib/server/auth/session";
import { addDays, todayIn } from "@/lib/domain";
import { plural } from "@/lib/format";
import { filterLeads, parseStateFilter } from "@/lib/leads/filter";
import { withPace } from "@/lib/leads/list";
import { isSampleEmail } from "@/lib/leads/sample";
import { BulkActions } from "./lead-action-forms";
import { LeadFilter } from "./lead-filter";
import { LeadList } from "./lead-list";
import { ExportSection } from "./leads-export";
import { NoLeadsSection, SampleLeadsNotice, StatusBanner } from "./leads-notices";

export const metadata: Metadata = { title: "Leads" };

const BULK_FORM_ID = "bulk-leads";

type SearchParams = { state?: string | string[]; q?: string | string[]; imported?: string; skipped?: string; deleted?: string };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const now = new Date();
  const today = todayIn(now, user.timeZone);
  const state = parseStateFilter(first(params.state));
  const search = first(params.q).slice(0, 200);

  const leads = withPace(await listLeads(db(), { userId: user.id }), now, user.timeZone);
  const shown = filterLeads(
    leads.map((lead) => ({ ...lead, state: lead.pace.state })),
    { state, search },
  );
  const onlySample = leads.length > 0 && leads.every((lead) => isSampleEmail(lead.email));
  const indexOf = new Map(leads.map((lead, index) => [lead.id, index]));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Leads</h1>
          <p className="text-stone-600">{plural(leads.length, "lead")}, in your campaign order: first contacts follow it.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/leads/new" className={buttonClass("primary")}>
            Add a lead
          </Link>
          <Link href="/leads/import" className={buttonClass("secondary")}>
            Import CSV
          </Link>
        </div>
      </div>
      <StatusBanner params={params} />
      {leads.length === 0 ? (
        <NoLeadsSection />
      ) : (
        <>
          {onlySample ? <SampleLeadsNotice /> : null}
          <LeadFilter state={state} search={search} />
          <p className="text-sm text-stone-600" role="status">
            {shown.length === leads.length ? `Showing all ${leads.length}.` : `Showing ${shown.length} of ${leads.length}.`}
          </p>
          <LeadList shown={shown} total={leads.length} indexOf={indexOf} bulkFormId={BULK_FORM_ID} now={now} timeZone={user.timeZone} />
          <BulkActions formId={BULK_FORM_ID} tomorrow={addDays(today, 1)} />
          <ExportSection />
        </>
      )}
    </div>
  );
}
