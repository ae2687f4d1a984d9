import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/app/components/button";
import { db } from "@/db/client";
import { findOpenInvitationInviter } from "@/db/queries/coach-invitations";

/**
 * An invitation link opened by someone not signed in: whose it is (the inviter's name, nothing else)
 * and an account first, since most who get a link have none; either way they come back to this link,
 * where the consent screen shows what would be shared.
 */
export async function SignedOutInvitation({ token }: { token: string }) {
  const invitation = await findOpenInvitationInviter(db(), { token, now: new Date() });
  if (!invitation) notFound();
  const back = `/invitations/${token}`;
  const fromCoach = invitation.creatorRole === "coach";
  const signUp = `/sign-up?next=${encodeURIComponent(back)}${fromCoach ? "" : "&uses=coaching"}`;
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Invitation from {invitation.inviterName}</h1>
      <p className="text-stone-800">
        {fromCoach
          ? `${invitation.inviterName} invites you to let them follow your job search on Cadence, as your coach.`
          : `${invitation.inviterName} invites you to follow their job search on Cadence, as their coach.`}{" "}
        Create a free account, or sign in, to see exactly what would be shared before you decide.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href={signUp} className={buttonClass("primary")}>
          Create an account
        </Link>
        <Link href={`/sign-in?next=${encodeURIComponent(back)}`} className={buttonClass("secondary")}>
          Sign in
        </Link>
      </div>
    </div>
  );
}
