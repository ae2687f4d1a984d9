import "server-only";
import type { Db } from "@/db/client";
import { listSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { signUpPolicy, signUpThrottleKey, waitSeconds } from "@/lib/auth/throttle";
import { readEnv } from "@/lib/server/env";

/** Seconds this address must wait before signing up again (0: go ahead). */
export async function signUpWait(db: Db, { address, now }: { address: string; now: Date }): Promise<number> {
  const [record] = await listSignInFailures(db, { keys: [signUpThrottleKey(address)] });
  return record ? waitSeconds(record, signUpPolicy(readEnv().CADENCE_SIGN_UPS_PER_ADDRESS), now) : 0;
}

/** Counts a sign-up attempt (past validation) from this address, in the sign-in throttle's table. */
export async function recordSignUp(db: Db, { address, now }: { address: string; now: Date }): Promise<void> {
  await recordSignInFailure(db, { keys: [signUpThrottleKey(address)], now });
}

/**
 * Runs slow work one at a time in this process, with a few callers waiting their turn; past that it
 * answers null at once. Sign-up hashes with argon2id (19 MiB, slow on purpose): sixteen at once
 * would take every core from everyone else's requests.
 */
export class OneAtATime {
  private queue: (() => void)[] = [];
  private running = false;

  constructor(private readonly maxWaiting: number) {}

  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.running) {
      if (this.queue.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.running = true;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running = false;
    }
  }
}

/** The sign-up hashes of this server process: one at a time, four waiting. */
export const signUpHashing = new OneAtATime(4);
