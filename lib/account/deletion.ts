import { throttleKeys } from "@/lib/auth/throttle";
import { codeThrottleKeys } from "@/lib/coach/invitations";
import { mailRequestKey } from "@/lib/mail/throttle";

/**
 * The throttle rows that name an account (its e-mail address or its id), so deleting the account
 * leaves none of them: the sign-in counters for its address (the per-pair ones hold the client's
 * address after it, hence prefixes), the invitation-code counter for its id, and the mail-request
 * counters for its address and its id. Keys built by the same functions the throttles use.
 */
export function accountThrottleKeys({ userId, email }: { userId: string; email: string }): {
  exact: string[];
  prefixes: string[];
} {
  const signIn = throttleKeys(email, "");
  return {
    exact: [signIn.account, codeThrottleKeys(userId, "").pair, mailRequestKey("address", email), mailRequestKey("account", userId)],
    prefixes: [signIn.pair],
  };
}
