import Link from "next/link";
import type { InvitationView } from "@/db/queries/coach-invitations";
import { formatDate } from "@/lib/format";
import { ButtonForm } from "@/app/components/button-form";
import { answerInvitationAction } from "./actions";
import { INVITATION_PROBLEMS } from "./messages";
import { WhatCoachSees } from "./what-coach-sees";

/** A coach's invitation as the seeker answering it sees it: who asks, what they will see, and the answer. */
export function InvitationConsent({
  invitation,
  reference,
  timeZone,
}: {
  invitation: InvitationView;
  /** How the answer names the invitation again: the link's token or the typed code. */
  reference: { token: string } | { code: string };
  timeZone: string;
}) {
  const coach = invitation.inviter;
  if (invitation.own) {
    return (
      <Notice>
        This is your own invitation. Send the link or the code to your client; it can be used until{" "}
        {formatDate(invitation.expiresAt, timeZone)}.
      </Notice>
    );
  }
  if (invitation.state === "used" && invitation.connected) {
    return (
      <div role="status" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-4 text-brand-800">
        <p className="font-semibold">You are connected with {coach.name}.</p>
        <p>
          {coach.name} can now see your progress, read only. You can end the connection at any time in{" "}
          <Link href="/settings#coaches" className="font-medium underline">
            Settings
          </Link>
          .
        </p>
      </div>
    );
  }
  if (invitation.state !== "open") return <Notice>{INVITATION_PROBLEMS[invitation.state]}</Notice>;

  const fields = "token" in reference ? { token: reference.token, code: "" } : { token: "", code: reference.code };
  return (
    <div className="space-y-6">
      <p className="text-lg">
        <strong>{coach.name}</strong> ({coach.email}) asks to follow your job search as your coach.
      </p>
      {invitation.connected ? <p className="text-stone-700">You are already connected with {coach.name}.</p> : null}
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <WhatCoachSees coachName={coach.name} />
      </div>
      <p className="text-sm text-stone-600">This invitation can be answered until {formatDate(invitation.expiresAt, timeZone)}.</p>
      <div className="flex flex-wrap items-start gap-3">
        <ButtonForm action={answerInvitationAction} fields={{ ...fields, answer: "accept", invitationId: "" }} variant="primary" pendingText="Connecting…">
          Accept and connect
        </ButtonForm>
        <ButtonForm action={answerInvitationAction} fields={{ ...fields, answer: "decline", invitationId: "" }} pendingText="Declining…">
          Decline
        </ButtonForm>
      </div>
    </div>
  );
}

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="rounded-lg border border-stone-200 bg-white p-4 text-stone-800">
      {children}
    </p>
  );
}
