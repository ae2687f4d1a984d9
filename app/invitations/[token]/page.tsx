import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { findInvitation } from "@/db/queries/coach-invitations";
import { currentUser } from "@/lib/server/auth/session";
import { SignedOutInvitation } from "../signed-out-invitation";
import { CoachConsent } from "../coach-consent";
import { InvitationConsent } from "../invitation-consent";

export const metadata: Metadata = { title: "Invitation" };

/**
 * An invitation link: a coach's (any seeker signed in may open it), or a seeker's e-mailed to a
 * coach's address (only an account with that address finds it). Forged or withdrawn links are not found.
 * Signed out: whose invitation it is, and a way to create an account or sign in that comes back here.
 */
export default async function InvitationLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const user = await currentUser();
  const { token } = await params;
  if (!user) return <SignedOutInvitation token={token} />;
  const invitation = await findInvitation(db(), {
    ref: { token },
    viewer: { id: user.id, email: user.email },
    now: new Date(),
  });
  if (!invitation) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Invitation from {invitation.inviter.name}</h1>
      {invitation.creatorRole === "seeker" ? (
        <CoachConsent invitation={invitation} token={token} timeZone={user.timeZone} emailVerified={user.emailVerified} />
      ) : (
        <InvitationConsent invitation={invitation} reference={{ token }} timeZone={user.timeZone} />
      )}
    </div>
  );
}
