import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { getClientFacts, listClientLeads, listClientTouches } from "@/db/queries/coach-clients";
import { listNotesToClient } from "@/db/queries/coach-notes";
import { isUuid } from "@/lib/ids";
import { requireUser } from "@/lib/server/auth/session";
import { clientMetrics } from "@/lib/coach/metrics";
import { LeadsSection } from "./client-leads";
import { NotesSection } from "./client-notes";
import { ProgressSection } from "./client-progress";
import { EndConnectionSection, TouchesSection } from "./client-touches";

export const metadata: Metadata = { title: "Client" };

/** The timeline shows this many touches, newest first. */
const TIMELINE_LIMIT = 200;

/** One client, read only: the Clients figures, their leads with pace, their touches; notes; ending it. */
export default async function ClientPage({ params }: { params: Promise<{ seekerId: string }> }) {
  const user = await requireUser();
  const { seekerId } = await params;
  if (!isUuid(seekerId)) notFound();
  const now = new Date();
  const facts = await getClientFacts(db(), { coachId: user.id, seekerId, now });
  if (!facts) notFound();
  const scope = { coachId: user.id, seekerId };
  const [leads, timeline, notes] = await Promise.all([
    listClientLeads(db(), scope),
    listClientTouches(db(), { ...scope, limit: TIMELINE_LIMIT }),
    listNotesToClient(db(), scope),
  ]);
  const client = clientMetrics(facts);
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
      <NotesSection seekerId={seekerId} clientName={client.name} notes={notes} timeZone={user.timeZone} />
      <LeadsSection leads={leads} now={now} timeZone={zone} />
      <TouchesSection timeline={timeline} timeZone={zone} />
      <EndConnectionSection seekerId={seekerId} clientName={client.name} />
    </div>
  );
}
