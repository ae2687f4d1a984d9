import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { db } from "@/db/client";
import { findInvitation, type InvitationView } from "@/db/queries/coach-invitations";
import type { SessionUser } from "@/db/queries/users";
import { requireUser } from "@/lib/server/auth/session";
import { clientAddress } from "@/lib/server/request";
import { CODE_LENGTH, isWellFormedCode, normalizeCode } from "@/lib/coach/invitations";
import { ProofOfWorkField } from "@/app/components/proof-of-work";
import { CHALLENGE_MESSAGE } from "@/lib/auth/proof-of-work";
import { formatWait } from "@/lib/format";
import { withCodeThrottle } from "@/lib/server/code-throttle";
import { InvitationConsent } from "./invitation-consent";
import { INVITATION_PROBLEMS } from "./messages";
import { buttonClass } from "@/app/components/button";

export const metadata: Metadata = { title: "Invitation code" };

export default async function InvitationCodePage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[]; proof?: string | string[] }>;
}) {
  const user = await requireUser();
  const { code, proof } = await searchParams;
  const typed = typeof code === "string" ? code.slice(0, 40) : "";
  const sentProof = typeof proof === "string" && proof.length <= 200 ? proof : undefined;
  const lookup = typed ? await lookUpCode(user, typed, sentProof) : null;

  if (lookup?.invitation) {
    return (
      <div className="max-w-2xl space-y-6">
        <h1 className="text-2xl font-bold">Invitation from {lookup.invitation.inviter.name}</h1>
        <InvitationConsent invitation={lookup.invitation} reference={{ code: normalizeCode(typed) }} timeZone={user.timeZone} />
      </div>
    );
  }

  const error = lookup?.error;
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Invitation code</h1>
      <p className="text-stone-700">
        Did your coach give you a code? Type it here to see who is asking and what they would see, before you decide.
      </p>
      <form action="/invitations" method="get" className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor="field-code" className="field-label">
            Invitation code
          </label>
          <input
            id="field-code"
            name="code"
            defaultValue={typed}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "field-code-hint field-code-error" : "field-code-hint"}
            className="input font-mono uppercase tracking-widest"
          />
          <p id="field-code-hint" className="text-sm text-stone-600">
            {CODE_LENGTH} letters and digits, like ABCD-2345. Upper or lower case, with or without the dash.
          </p>
          {error ? (
            <p id="field-code-error" className="text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
        </div>
        {lookup?.challenge ? <ProofOfWorkField challenge={lookup.challenge} resend={!sentProof} /> : null}
        <button
          type="submit"
          className={buttonClass("primary")}
        >
          Find invitation
        </button>
      </form>
      <p className="text-sm text-stone-700">
        Want your coach to follow your progress? Invite them by e-mail in{" "}
        <Link href="/settings#coaches" className="font-medium text-brand-700 underline">
          Settings
        </Link>
        . Are you a coach? Invite clients from the{" "}
        <Link href="/coach" className="font-medium text-brand-700 underline">
          Coach
        </Link>{" "}
        page.
      </p>
    </div>
  );
}

async function lookUpCode(
  user: SessionUser,
  typed: string,
  proof: string | undefined,
): Promise<{ invitation?: InvitationView; error?: string; challenge?: string }> {
  // A malformed code cannot match anything, so it is not counted as a guess.
  if (!isWellFormedCode(normalizeCode(typed))) {
    return { error: `Enter the code of ${CODE_LENGTH} letters and digits, like ABCD-2345.` };
  }
  const now = new Date();
  const attempt = await withCodeThrottle(
    db(),
    { userId: user.id, address: clientAddress(await headers()), now, proof },
    () => findInvitation(db(), { ref: { code: typed }, viewer: { id: user.id, email: user.email }, now }),
    (invitation) => invitation !== null,
  );
  if (attempt.throttled) {
    if (attempt.challenge !== undefined) return { error: CHALLENGE_MESSAGE, challenge: attempt.challenge };
    return { error: `Too many wrong codes. Try again in ${formatWait(attempt.retryAfterSeconds)}.` };
  }
  return attempt.result ? { invitation: attempt.result } : { error: INVITATION_PROBLEMS.not_found };
}
