import { ButtonForm } from "@/app/components/button-form";
import { answerInvitationAction } from "@/app/invitations/actions";
import type { OpenInvitation } from "@/db/queries/coach-invitations";
import { formatDate } from "@/lib/format";
import { OpenInvitations } from "@/app/invitations/open-invitations";
import { CreateInvitationForm } from "./forms";

type InvitationToCoach = { id: string; seeker: { name: string; email: string }; expiresAt: Date };

/** Seekers who invited this coach by e-mail: accept or decline each. Nothing shows when there are none. */
export function InvitationsToMeSection({ invitations, timeZone }: { invitations: readonly InvitationToCoach[]; timeZone: string }) {
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="asked-heading" className="space-y-4">
      <h2 id="asked-heading" className="text-lg font-semibold">
        Asking you to be their coach
      </h2>
      <ul className="space-y-4">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <p>
              <strong>{invitation.seeker.name}</strong> <span className="break-all">({invitation.seeker.email})</span> invites you
              to follow their job search, until {formatDate(invitation.expiresAt, timeZone)}.
            </p>
            <p className="text-sm text-stone-700">
              If you accept, you see their progress, leads and touches, read only, and can leave them notes, until one of
              you ends the connection.
            </p>
            <div className="flex flex-wrap items-start gap-3">
              <ButtonForm
                action={answerInvitationAction}
                fields={{ invitationId: invitation.id, answer: "accept", token: "", code: "" }}
                variant="primary"
                pendingText="Accepting…"
              >
                Accept {invitation.seeker.name}
              </ButtonForm>
              <ButtonForm
                action={answerInvitationAction}
                fields={{ invitationId: invitation.id, answer: "decline", token: "", code: "" }}
                pendingText="Declining…"
              >
                Decline {invitation.seeker.name}
              </ButtonForm>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A new invitation (link and code), and the coach's invitations not answered yet, each withdrawable. */
export function InviteSection({ openInvitations, timeZone }: { openInvitations: readonly OpenInvitation[]; timeZone: string }) {
  return (
    <section aria-labelledby="invite-heading" className="max-w-2xl space-y-4">
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite a client
      </h2>
      <p className="text-sm text-stone-700">
        Each invitation connects one client, once, within 14 days. The client sees your name and e-mail, and what you will
        see, before accepting.
      </p>
      <CreateInvitationForm />
      <OpenInvitations heading="Not answered yet" invitations={openInvitations} timeZone={timeZone} name="code" />
    </section>
  );
}
