import Link from "next/link";
import type { InvitationView } from "@/db/queries/coach-invitations";
import { formatDate } from "@/lib/format";
import { ButtonForm } from "@/app/components/button-form";
import { answerInvitationAction } from "./actions";
import { INVITATION_PROBLEMS } from "./messages";

/** A seeker's invitation, e-mailed to a coach's address, as the coach answering its link sees it. */
export function CoachConsent({
  invitation,
  token,
  timeZone,
  emailVerified,
}: {
  invitation: InvitationView;
  token: string;
  timeZone: string;
  emailVerified: boolean;
}) {
  const seeker = invitation.inviter;
  if (invitation.state === "used" && invitation.connected) {
    return (
      <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-brand-800">
        {seeker.name} is your client. See their progress on the{" "}
        <Link href="/coach" className="font-medium underline">
          Coach
        </Link>{" "}
        page.
      </p>
    );
  }
  if (invitation.state !== "open") return <p role="status" className="rounded-lg border border-stone-200 bg-white p-4">{INVITATION_PROBLEMS[invitation.state]}</p>;
  const fields = { token, code: "", invitationId: "" };
  return (
    <div className="space-y-6">
      <p className="text-lg">
        <strong>{seeker.name}</strong> ({seeker.email}) asks you to follow their job search as their coach: their leads and touches, read
        only.
      </p>
      <p className="text-sm text-stone-600">This invitation can be answered until {formatDate(invitation.expiresAt, timeZone)}.</p>
      {emailVerified ? null : (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          {INVITATION_PROBLEMS.unverified}
        </p>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <ButtonForm action={answerInvitationAction} fields={{ ...fields, answer: "accept" }} variant="primary" pendingText="Connecting…">
          Accept {seeker.name} as a client
        </ButtonForm>
        <ButtonForm action={answerInvitationAction} fields={{ ...fields, answer: "decline" }} pendingText="Declining…">
          Decline
        </ButtonForm>
      </div>
    </div>
  );
}
