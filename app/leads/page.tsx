import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import { db } from "@/db/client";
import { listLeadsPage } from "@/db/queries/leads-page";
import { requireUser } from "@/lib/server/auth/session";
import { addDays, todayIn } from "@/lib/domain";
import { describeWhen, formatDay, plural } from "@/lib/format";
import { requestHourCycle } from "@/lib/server/hour-cycle";

import { leadListHref, type LeadListQuery } from "@/lib/leads/page";
import { parseLeadListQuery } from "@/lib/leads/page-query";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { LeadFilter } from "./lead-filter";
import { LeadsTable, type LeadTableRow } from "./lead-list";
import { ExportSection } from "./leads-export";
import { NoLeadsSection, SampleLeadsNotice, StatusBanner } from "./leads-notices";
import { SampleDataNotice } from "./sample-notice";

export const metadata: Metadata = { title: "Leads" };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The Leads list, 50 at a time: filter, search, sort and page are all in the address. */
export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const hourCycle = await requestHourCycle();
  const params = await searchParams;
  const now = new Date();
  const today = todayIn(now, user.timeZone);
  const query = parseLeadListQuery(params);
  const page = await listLeadsPage(db(), { userId: user.id, now, timeZone: user.timeZone, query });

  const rows: LeadTableRow[] = page.rows.map((lead) => ({
    id: lead.id,
    company: lead.company,
    person: [lead.contactName, lead.title].filter(Boolean).join(", "),
    rank: lead.rank,
    state: lead.state,
    daysOverdue: lead.daysOverdue,
    pausedUntil: lead.pausedUntil,
    nextDue: lead.nextDue ? formatDay(lead.nextDue) : "—",
    lastTouch: lead.lastTouch
      ? [
          describeWhen(lead.lastTouch.at, now, user.timeZone, hourCycle),
          CHANNEL_LABELS[lead.lastTouch.channel],
          lead.lastTouch.outcome ? OUTCOME_LABELS[lead.lastTouch.outcome] : null,
        ]
          .filter(Boolean)
          .join(" · ")
      : "None yet",
  }));
  const filter = { state: query.state, search: query.search, sort: query.sort, dir: query.dir };
  const filtered = query.state !== "all" || query.search !== "";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Leads</h1>
          <p className="text-stone-600">{plural(page.total, "lead")}, in your campaign order: first contacts follow it.</p>
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
      <SampleDataNotice />
      <StatusBanner params={{ imported: first(params.imported), skipped: first(params.skipped), deleted: first(params.deleted) }} />
      {page.total === 0 ? (
        <NoLeadsSection />
      ) : (
        <>
          {page.sampleCount > 0 ? <SampleLeadsNotice sampleCount={page.sampleCount} total={page.total} /> : null}
          <LeadFilter filter={filter} />
          <p className="text-sm text-stone-600" role="status">
            {showing(page, rows.length, filtered)}
          </p>
          {/* Keyed by the filter: a new filter starts a new selection; paging keeps it. */}
          <LeadsTable key={JSON.stringify(filter)} rows={rows} matching={page.matching} filter={filter} tomorrow={addDays(today, 1)} />
          <Pagination query={query} previous={page.previous} next={page.next} />
          <ExportSection />
        </>
      )}
    </div>
  );
}

function showing(page: { matching: number; total: number; offset: number }, shown: number, filtered: boolean): string {
  if (shown === 0) return filtered ? `No lead of ${page.total} matches.` : "Nothing on this page.";
  const of = filtered ? `${page.matching.toLocaleString("en-US")} matching (of ${page.total.toLocaleString("en-US")})` : page.total.toLocaleString("en-US");
  if (shown === page.matching) return filtered ? `Showing ${of}.` : `Showing all ${of}.`;
  return `Showing ${(page.offset + 1).toLocaleString("en-US")}–${(page.offset + shown).toLocaleString("en-US")} of ${of}.`;
}

function Pagination({
  query,
  previous,
  next,
}: {
  query: LeadListQuery;
  previous: LeadListQuery["after"];
  next: LeadListQuery["after"];
}) {
  if (!previous && !next) return null;
  const base = { state: query.state, search: query.search, sort: query.sort, dir: query.dir };
  const linkClass = buttonClass("secondary", "compact");
  return (
    <nav aria-label="Pages of leads" className="flex flex-wrap items-center gap-2">
      {previous ? (
        <>
          <Link href={leadListHref(base)} className={linkClass}>
            First page
          </Link>
          <Link href={leadListHref({ ...base, before: previous })} className={linkClass} rel="prev">
            ← Previous 50
          </Link>
        </>
      ) : null}
      {next ? (
        <Link href={leadListHref({ ...base, after: next })} className={linkClass} rel="next">
          Next 50 →
        </Link>
      ) : null}
    </nav>
  );
}
