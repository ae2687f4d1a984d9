import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { listLeads } from "@/db/queries/leads";
import { requireUser } from "@/lib/auth/session";
import { addDays, todayIn } from "@/lib/domain";
import { filterLeads, LEAD_STATE_FILTERS, parseStateFilter, type LeadStateFilter } from "@/lib/leads/filter";
import { PACE_STATE_LABELS } from "@/lib/leads/labels";
import { withPace } from "@/lib/leads/list";
import { isSampleEmail } from "@/lib/leads/sample";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { describeWhen, formatDay, plural } from "@/lib/format";
import { clearSampleDataAction, loadSampleDataAction } from "./actions";
import { ButtonForm } from "@/app/components/button-form";
import { BulkActions, MoveButtons } from "./lead-action-forms";
import { PaceBadge } from "./pace-badge";
import { buttonClass } from "@/app/components/button";

export const metadata: Metadata = { title: "Leads" };

const BULK_FORM_ID = "bulk-leads";

const FILTER_LABELS: Record<LeadStateFilter, string> = { all: "All leads", ...PACE_STATE_LABELS };

type SearchParams = { state?: string | string[]; q?: string | string[]; imported?: string; skipped?: string; deleted?: string };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function countOf(value: string | undefined): number | null {
  return value && /^\d{1,5}$/.test(value) ? Number(value) : null;
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
          <p className="text-stone-600">
            {plural(leads.length, "lead")}, in your campaign order: first contacts follow it.
          </p>
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
        <section aria-labelledby="empty-heading" className="space-y-3 rounded-lg border border-dashed border-stone-300 bg-white p-6">
          <h2 id="empty-heading" className="text-lg font-semibold">
            No leads yet
          </h2>
          <p className="text-stone-700">
            Make a list of about 50 prospective employers: add them one by one, import a CSV file, or try Cadence
            first with a sample campaign you can clear afterwards.
          </p>
          <ButtonForm action={loadSampleDataAction} pendingText="Loading the sample…">Try with sample data</ButtonForm>
        </section>
      ) : (
        <>
          {onlySample ? (
            <section aria-labelledby="sample-heading" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-4">
              <h2 id="sample-heading" className="font-semibold text-brand-800">
                These are sample leads
              </h2>
              <p className="text-sm text-stone-700">
                Their contacts have e-mails at sample.example.com. Clear them when you are ready to add your own.
              </p>
              <ButtonForm action={clearSampleDataAction} pendingText="Clearing…" variant="danger">Clear sample data</ButtonForm>
            </section>
          ) : null}

          <form method="get" role="search" aria-label="Filter leads" className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor="filter-state" className="block text-sm font-medium text-stone-800">
                Show
              </label>
              <select
                id="filter-state"
                name="state"
                defaultValue={state}
                className="block min-h-11 rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
              >
                {LEAD_STATE_FILTERS.map((value) => (
                  <option key={value} value={value}>
                    {FILTER_LABELS[value]}
                  </option>
                ))}
              </select>
            </div>
            <div className="min-w-0 flex-1 space-y-1">
              <label htmlFor="filter-q" className="block text-sm font-medium text-stone-800">
                Search company or person
              </label>
              <input
                id="filter-q"
                name="q"
                type="search"
                defaultValue={search}
                maxLength={200}
                className="block w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
              />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Filter
            </button>
            {state !== "all" || search ? (
              <Link href="/leads" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline">
                Clear filter
              </Link>
            ) : null}
          </form>

          <p className="text-sm text-stone-600" role="status">
            {shown.length === leads.length ? `Showing all ${leads.length}.` : `Showing ${shown.length} of ${leads.length}.`}
          </p>

          {shown.length > 0 ? (
            <ol aria-label="Leads" className="space-y-3">
              {shown.map((lead) => {
                const index = indexOf.get(lead.id)!;
                return (
                  <li key={lead.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                    <div className="flex gap-2">
                      <label className="-m-2 inline-flex size-11 shrink-0 items-center justify-center">
                        <input type="checkbox" name="leadId" value={lead.id} form={BULK_FORM_ID} className="size-5" />
                        <span className="sr-only">Select {lead.company}</span>
                      </label>
                      <div className="min-w-0 flex-1 space-y-2">
                        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                          <h2 className="text-base font-semibold break-words">
                            <Link href={`/leads/${lead.id}`} className="text-brand-700 underline">
                              {lead.company}
                            </Link>
                          </h2>
                          <PaceBadge pace={lead.pace} />
                        </div>
                        {lead.contactName || lead.title ? (
                          <p className="text-sm break-words text-stone-700">
                            {[lead.contactName, lead.title].filter(Boolean).join(", ")}
                          </p>
                        ) : null}
                        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                          <Fact term="Next due">{lead.pace.nextDue ? formatDay(lead.pace.nextDue) : "—"}</Fact>
                          <Fact term="Planned first contact">
                            {lead.plannedFirstContact ? formatDay(lead.plannedFirstContact) : "—"}
                          </Fact>
                          <Fact term="Last touch">
                            {lead.lastTouch
                              ? [
                                  describeWhen(lead.lastTouch.at, now, user.timeZone),
                                  CHANNEL_LABELS[lead.lastTouch.channel],
                                  lead.lastTouch.outcome ? OUTCOME_LABELS[lead.lastTouch.outcome] : null,
                                ]
                                  .filter(Boolean)
                                  .join(" · ")
                              : "None yet"}
                          </Fact>
                        </dl>
                        <MoveButtons
                          leadId={lead.id}
                          company={lead.company}
                          canMoveUp={index > 0}
                          canMoveDown={index < leads.length - 1}
                        />
                      </div>
                    </div>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">No lead matches this filter.</p>
          )}

          <BulkActions formId={BULK_FORM_ID} tomorrow={addDays(today, 1)} />

          <section aria-labelledby="export-heading" className="space-y-2">
            <h2 id="export-heading" className="text-base font-semibold">
              Export
            </h2>
            <div className="flex flex-wrap gap-2">
              <a href="/leads/export" download className={buttonClass("secondary")}>
                Export leads (CSV)
              </a>
              <a href="/leads/export-touches" download className={buttonClass("secondary")}>
                Export touch log (CSV)
              </a>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-stone-600">{term}</dt>
      <dd className="font-medium break-words text-stone-900">{children}</dd>
    </div>
  );
}

function StatusBanner({ params }: { params: SearchParams }) {
  const imported = countOf(params.imported);
  const skipped = countOf(params.skipped);
  const deleted = countOf(params.deleted);
  const messages = [
    imported !== null
      ? `Imported ${plural(imported, "lead")}${skipped ? ` (${plural(skipped, "duplicate")} skipped)` : ""}.`
      : null,
    deleted !== null ? `Deleted ${plural(deleted, "lead")}.` : null,
  ].filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {messages.join(" ")}
    </p>
  );
}
