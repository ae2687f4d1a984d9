import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { listClientFacts } from "@/db/queries/coach-clients";
import { listInvitationsToCoach, listOpenInvitationsBy } from "@/db/queries/coach-invitations";
import { requireUser } from "@/lib/auth/session";
import { formatCode } from "@/lib/coach/invitations";
import { clientMetrics } from "@/lib/coach/metrics";
import { parseSort, sortClients } from "@/lib/coach/risk";
import { ActionButtonForm } from "@/app/invitations/action-button-form";
import { answerInvitationAction, withdrawInvitationAction } from "@/app/invitations/actions";
import { ClientsTable } from "./clients-table";
import { dateText } from "./format";
import { CreateInvitationForm } from "./forms";

export const metadata: Metadata = { title: "Clients" };

/** The coach's clients, most at risk first. Four statements whatever the number of clients. */
export default async function CoachPage({
  searchParams,
}: {
  searchParams: Promise<{ sort?: string | string[]; dir?: string | string[]; ended?: string }>;
}) {
  const user = await requireUser();
  const { sort: sortParam, dir, ended } = await searchParams;
  const now = new Date();
  const [facts, invitationsToMe, openInvitations] = await Promise.all([
    listClientFacts(db(), { coachId: user.id, now }),
    listInvitationsToCoach(db(), { coachId: user.id, email: user.email, now }),
    listOpenInvitationsBy(db(), { userId: user.id, role: "coach", now }),
  ]);
  const sort = parseSort(sortParam, dir);
  const clients = sortClients(facts.map(clientMetrics), sort);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Clients</h1>
        <p className="text-stone-700">
          The job seekers who let you follow their progress, most at risk first: cold leads, then the furthest behind their
          weekly goal, then overdue leads, then the longest without a touch.
        </p>
        {ended ? (
          <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
            Connection ended. You no longer see that client&apos;s progress.
          </p>
        ) : null}
      </div>

      {invitationsToMe.length > 0 ? (
        <section aria-labelledby="asked-heading" className="space-y-4">
          <h2 id="asked-heading" className="text-lg font-semibold">
            Asking you to be their coach
          </h2>
          <ul className="space-y-4">
            {invitationsToMe.map((invitation) => (
              <li key={invitation.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
                <p>
                  <strong>{invitation.seeker.name}</strong> <span className="break-all">({invitation.seeker.email})</span> invites you
                  to follow their job search, until {dateText(invitation.expiresAt, user.timeZone)}.
                </p>
                <p className="text-sm text-stone-700">
                  If you accept, you see their progress, leads and touches, read only, and can leave them notes, until one of
                  you ends the connection.
                </p>
                <div className="flex flex-wrap items-start gap-3">
                  <ActionButtonForm
                    action={answerInvitationAction}
                    fields={{ invitationId: invitation.id, answer: "accept", token: "", code: "" }}
                    variant="primary"
                    pendingText="Accepting…"
                  >
                    Accept {invitation.seeker.name}
                  </ActionButtonForm>
                  <ActionButtonForm
                    action={answerInvitationAction}
                    fields={{ invitationId: invitation.id, answer: "decline", token: "", code: "" }}
                    pendingText="Declining…"
                  >
                    Decline {invitation.seeker.name}
                  </ActionButtonForm>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="clients-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="clients-heading" className="text-lg font-semibold">
            {clients.length === 1 ? "1 client" : `${clients.length} clients`}
          </h2>
          {sort.key !== "risk" && clients.length > 0 ? (
            <Link href="/coach" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
              Most at risk first
            </Link>
          ) : null}
        </div>
        {clients.length === 0 ? (
          <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
            <p className="font-semibold text-stone-900">No clients yet.</p>
            <p className="mt-2">
              Create an invitation below and send it to a job seeker: they open the link (or type the code on their Invitation
              code page), see exactly what you will see, and accept. Or ask them to invite you from their Settings with your
              e-mail, {user.email}.
            </p>
          </div>
        ) : (
          <ClientsTable clients={clients} sort={sort} />
        )}
      </section>

      <section aria-labelledby="invite-heading" className="max-w-2xl space-y-4">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite a client
        </h2>
        <p className="text-sm text-stone-700">
          Each invitation connects one client, once, within 14 days. The client sees your name and e-mail, and what you will
          see, before accepting.
        </p>
        <CreateInvitationForm />
        {openInvitations.length > 0 ? (
          <div className="space-y-2">
            <h3 className="font-semibold">Not answered yet</h3>
            <ul className="space-y-2">
              {openInvitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white p-3">
                  <span className="text-sm">
                    Code <span className="font-mono font-semibold tracking-widest">{formatCode(invitation.code)}</span>, until{" "}
                    {dateText(invitation.expiresAt, user.timeZone)}
                  </span>
                  <ActionButtonForm action={withdrawInvitationAction} fields={{ invitationId: invitation.id }} pendingText="Withdrawing…">
                    Withdraw {formatCode(invitation.code)}
                  </ActionButtonForm>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
  );
}
