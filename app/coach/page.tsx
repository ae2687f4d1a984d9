import type { Metadata } from "next";
import { db } from "@/db/client";
import { listClientFacts } from "@/db/queries/coach-clients";
import { listInvitationsToCoach, listOpenInvitationsBy } from "@/db/queries/coach-invitations";
import { requireUser } from "@/lib/server/auth/session";
import { clientMetrics } from "@/lib/coach/metrics";
import { pageOfClients, parseSort, sortClients } from "@/lib/coach/risk";
import { ClientsSection } from "./clients-table";
import { InviteSection, InvitationsToMeSection } from "./coach-invitations";

export const metadata: Metadata = { title: "Clients" };

/**
 * The coach's clients, most at risk first, 50 at a time (the place in the address, by key). Four
 * statements whatever the number of clients: the figures of every client are one statement that
 * reads no touch (coach-clients.ts), sorted here, and only the page is rendered.
 */
export default async function CoachPage({
  searchParams,
}: {
  searchParams: Promise<{ sort?: string | string[]; dir?: string | string[]; ended?: string; after?: string | string[]; before?: string | string[] }>;
}) {
  const user = await requireUser();
  const { sort: sortParam, dir, ended, after, before } = await searchParams;
  const now = new Date();
  const [facts, invitationsToMe, openInvitations] = await Promise.all([
    listClientFacts(db(), { coachId: user.id, now }),
    listInvitationsToCoach(db(), { coachId: user.id, email: user.email, now }),
    listOpenInvitationsBy(db(), { userId: user.id, role: "coach", now }),
  ]);
  const sort = parseSort(sortParam, dir);
  const page = pageOfClients(sortClients(facts.map(clientMetrics), sort), { after: first(after), before: first(before) });

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Clients</h1>
        <p className="text-stone-700">
          The job seekers who let you follow their progress, most at risk first: the smallest share of leads on pace (in a
          weekly dialogue), then cold leads, then the furthest behind this week&apos;s first contacts, then overdue leads, then
          the longest without a touch.
        </p>
        {ended ? (
          <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
            Connection ended. You no longer see that client&apos;s progress.
          </p>
        ) : null}
      </div>

      <InvitationsToMeSection invitations={invitationsToMe} timeZone={user.timeZone} />
      <ClientsSection page={page} sort={sort} coachEmail={user.email} />
      <InviteSection openInvitations={openInvitations} timeZone={user.timeZone} />
    </div>
  );
}

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
