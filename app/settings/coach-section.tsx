import { db } from "@/db/client";
import { listCoachesOf } from "@/db/queries/coach-connections";
import { listOpenInvitationsBy } from "@/db/queries/coach-invitations";
import { requireUser } from "@/lib/server/auth/session";
import { formatDate } from "@/lib/format";
import { ButtonForm } from "@/app/components/button-form";
import { OpenInvitations } from "@/app/invitations/open-invitations";
import { InviteCoachForm } from "@/app/invitations/invite-coach-form";
import { CodeEntryForm } from "@/app/invitations/code-entry-form";
import { endCoachConnectionAction } from "./coach-actions";

/** Settings › Connected coaches: who sees the seeker's progress, ending it, and inviting a coach. */
export async function CoachSection() {
  const user = await requireUser();
  const now = new Date();
  const [coaches, invitations] = await Promise.all([
    listCoachesOf(db(), { seekerId: user.id }),
    listOpenInvitationsBy(db(), { userId: user.id, role: "seeker", now }),
  ]);
  return (
    <section id="coaches" aria-labelledby="coaches-heading" className="space-y-4">
      <h2 id="coaches-heading" className="text-lg font-semibold">
        Connected coaches
      </h2>
      {coaches.length === 0 ? (
        <p className="text-sm text-stone-700">No coach sees your progress.</p>
      ) : (
        <ul className="space-y-3">
          {coaches.map((coach) => (
            <li key={coach.coachId} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
              <p>
                <strong>{coach.name}</strong> <span className="break-all text-stone-600">({coach.email})</span>
              </p>
              <p className="text-sm text-stone-600">
                Sees your progress, leads and touches, read only, since {formatDate(coach.since, user.timeZone)}.
              </p>
              <ButtonForm
                action={endCoachConnectionAction}
                fields={{ coachId: coach.coachId }}
                variant="danger"
                pendingText="Ending…"
                confirm={{
                  question: `End the connection with ${coach.name}? They stop seeing your progress at once; to connect again, one of you sends a new invitation.`,
                  yes: `Yes, end it with ${coach.name}`,
                }}
              >
                End connection with {coach.name}
              </ButtonForm>
            </li>
          ))}
        </ul>
      )}

      <h3 className="pt-2 font-semibold">Have a code from your coach?</h3>
      <CodeEntryForm />

      <h3 className="pt-2 font-semibold">Invite a coach</h3>
      <p className="text-sm text-stone-700">Your coach sees your invitation on their Coach page and accepts or declines it.</p>
      <InviteCoachForm />
      <OpenInvitations heading="Waiting for an answer" invitations={invitations} timeZone={user.timeZone} name="email" />
    </section>
  );
}
