"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions";
import { solveChallenge } from "@/lib/auth/proof-of-work";

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionResult>;

/**
 * A form action that pays a limit's proof of work (lib/auth/proof-of-work.ts): when the server
 * answers with a challenge, the browser solves it (about a second) and sends the same form once
 * more with the proof. The form stays pending meanwhile, and nothing typed is lost.
 */
export function withProofOfWork(action: FormAction): FormAction {
  return async (prev, formData) => {
    const result = await action(prev, formData);
    // A redirect answers nothing here: the router has moved on.
    if (!result || result.ok || !result.challenge) return result;
    formData.set("proof", await solveChallenge(result.challenge));
    return action(prev, formData);
  };
}

/**
 * The same for a plain form (sent by GET): solves the challenge into a hidden "proof" field, then
 * sends the form again, unless this answer already came to a proof (then the person sends it).
 */
export function ProofOfWorkField({ challenge, resend }: { challenge: string; resend: boolean }) {
  const field = useRef<HTMLInputElement>(null);
  const [proof, setProof] = useState("");
  useEffect(() => {
    let cancelled = false;
    void solveChallenge(challenge).then((solved) => {
      if (!cancelled) setProof(solved);
    });
    return () => {
      cancelled = true;
    };
  }, [challenge]);
  useEffect(() => {
    if (proof && resend) field.current?.form?.requestSubmit();
  }, [proof, resend]);
  return <input ref={field} type="hidden" name="proof" value={proof} />;
}
