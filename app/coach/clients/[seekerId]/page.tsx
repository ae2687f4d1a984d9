import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { getClientFacts } from "@/db/queries/coach-clients";
import { listClientTouchesPage, listLeadsPage } from "@/db/queries/leads-page";
import { listNotesToClient } from "@/db/queries/coach-notes";
import { isUuid } from "@/lib/ids";
import { encodeCursor } from "@/lib/leads/page";
import { decodeCursor } from "@/lib/leads/page-query";
import { requireUser } from "@/lib/server/auth/session";
import { clientMetrics } from "@/lib/coach/metrics";
import { LeadsSection } from "./client-leads";
import { NotesSection } from "./client-notes";
import { ProgressSection } from "./client-progress";
import { EndConnectionSection, TouchesSection } from "./client-touches";

export const metadata: Metadata = { title: "Client" };

type SearchParams = { leadsAfter?: string | string[]; leadsBefore?: string | string[]; olderThan?: string | string[]; notesOlderThan?: string | string[] };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * One client, read only: the Clients figures, their leads with pace and their touches (each 50 at
 * a time, paged by keyset, the place in the address); notes (20 at a time, the same way); ending it.
 */
export default async function ClientPage({ params, searchParams }: { params: Promise<{ seekerId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { seekerId } = await params;
  const search = await searchParams;
  if (!isUuid(seekerId)) notFound();
  const now = new Date();
  const facts = await getClientFacts(db(), { coachId: user.id, seekerId, now });
  if (!facts) notFound();
  const scope = { coachId: user.id, seekerId };
  const leadsAfter = decodeCursor(first(search.leadsAfter));
  const leadsQuery = {
    state: "all" as const,
    search: "",
    sort: "order" as const,
    dir: "asc" as const,
    after: leadsAfter,
    before: leadsAfter ? null : decodeCursor(first(search.leadsBefore)),
  };
  const olderThan = isUuid(first(search.olderThan)) ? first(search.olderThan) : null;
  const notesOlderThan = isUuid(first(search.notesOlderThan)) ? first(search.notesOlderThan) : null;
  const [leads, timeline, notes] = await Promise.all([
    listLeadsPage(db(), { userId: seekerId, coachId: user.id, now, timeZone: facts.timeZone, query: leadsQuery }),
    listClientTouchesPage(db(), { ...scope, olderThan }),
    listNotesToClient(db(), { ...scope, olderThan: notesOlderThan }),
  ]);
  const client = clientMetrics(facts);
  // Each section's links keep the other section where it is.
  const leadsAt = { leadsAfter: first(search.leadsAfter) || null, leadsBefore: first(search.leadsBefore) || null, notesOlderThan };
  const here = (place: { leadsAfter?: string | null; leadsBefore?: string | null; olderThan: string | null; notesOlderThan?: string | null }) => {
    const query = new URLSearchParams(Object.entries(place).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return query.size > 0 ? `/coach/clients/${seekerId}?${query}` : `/coach/clients/${seekerId}`;
  };
  const zone = facts.timeZone;

  return (
    <div className="space-y-10">
      <div className="space-y-1">
        <p>
          <Link href="/coach" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
            ← All clients
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{client.name}</h1>
        <p className="text-sm text-stone-600">
          Read only. Dates are in {client.name}&apos;s time zone, {zone.replaceAll("_", " ")}.
        </p>
      </div>
      <ProgressSection client={client} />
      <NotesSection
        seekerId={seekerId}
        clientName={client.name}
        notes={notes.notes}
        newestHref={notesOlderThan ? here({ ...leadsAt, olderThan, notesOlderThan: null }) : null}
        olderHref={notes.more ? here({ ...leadsAt, olderThan, notesOlderThan: notes.notes.at(-1)!.id }) : null}
        timeZone={user.timeZone}
      />
      <LeadsSection
        page={leads}
        previousHref={leads.previous ? here({ leadsBefore: encodeCursor(leads.previous), olderThan, notesOlderThan }) : null}
        nextHref={leads.next ? here({ leadsAfter: encodeCursor(leads.next), olderThan, notesOlderThan }) : null}
        timeZone={zone}
      />
      <TouchesSection
        timeline={timeline}
        newestHref={olderThan ? here({ ...leadsAt, olderThan: null }) : null}
        olderHref={timeline.more ? here({ ...leadsAt, olderThan: timeline.touches.at(-1)!.id }) : null}
        timeZone={zone}
      />
      <EndConnectionSection seekerId={seekerId} clientName={client.name} />
    </div>
  );
}
