import { ButtonForm } from "@/app/components/button-form";
import type { OpenInvitation } from "@/db/queries/coach-invitations";
import { formatCode } from "@/lib/coach/invitations";
import { formatDate } from "@/lib/format";
import { withdrawInvitationAction } from "./actions";

/**
 * The invitations a person sent that nobody answered yet, each with Withdraw. A coach's are codes,
 * a seeker's are addresses: `name` says which one a row shows.
 */
export function OpenInvitations({
  heading,
  invitations,
  timeZone,
  name,
}: {
  heading: string;
  invitations: readonly OpenInvitation[];
  timeZone: string;
  name: "code" | "email";
}) {
  if (invitations.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{heading}</h3>
      <ul className="space-y-2">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white p-3">
            {name === "code" ? (
              <span className="text-sm">
                Code <span className="font-mono font-semibold tracking-widest">{formatCode(invitation.code)}</span>, until{" "}
                {formatDate(invitation.expiresAt, timeZone)}
              </span>
            ) : (
              <span className="break-all text-sm">
                {invitation.inviteeEmail}, until {formatDate(invitation.expiresAt, timeZone)}
              </span>
            )}
            <ButtonForm action={withdrawInvitationAction} fields={{ invitationId: invitation.id }} pendingText="Withdrawing…">
              {name === "code" ? `Withdraw ${formatCode(invitation.code)}` : `Withdraw invitation to ${invitation.inviteeEmail}`}
            </ButtonForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
