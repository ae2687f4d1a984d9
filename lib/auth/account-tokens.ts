/**
 * The single-use links sent by e-mail to an account's owner (docs/product.md, "Reaching the seeker
 * outside the app"). Each has one purpose, expires, is stored only as its sha-256 hash and works once.
 */
export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "reset_password", "change_email"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

const HOUR_MS = 60 * 60 * 1000;

/** How long each kind of link works: a reset link only an hour (it signs in without the password). */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 72 * HOUR_MS,
  reset_password: 1 * HOUR_MS,
  change_email: 24 * HOUR_MS,
};

export function accountTokenExpiry(purpose: AccountTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[purpose]);
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes in base64url: anything else is forged and needs no database look-up. */
export function isWellFormedAccountToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * What a link's row says, for the person who opened it: "open" is the only state that may change
 * anything. "other_account": someone else is signed in in this browser (the link is not theirs).
 */
export type AccountTokenState = "open" | "not_found" | "expired" | "used" | "other_account" | "stale";

export function accountTokenState(
  token: { userId: string; expiresAt: Date; usedAt: Date | null; email: string; currentEmail: string } | null,
  { now, signedInUserId, purpose }: { now: Date; signedInUserId: string | null; purpose: AccountTokenPurpose },
): AccountTokenState {
  if (!token) return "not_found";
  if (signedInUserId && signedInUserId !== token.userId) return "other_account";
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  // A verification or reset link names the address it was sent to: once the account's address
  // changed, it proves nothing about the new one.
  if (purpose !== "change_email" && token.email !== token.currentEmail) return "stale";
  return "open";
}

/** The sentence each page answers for a link that cannot be used. */
export const ACCOUNT_TOKEN_PROBLEMS: Record<Exclude<AccountTokenState, "open">, string> = {
  not_found: "This link is not valid. Check that you copied the whole link from the e-mail.",
  expired: "This link has expired. Ask for a new one.",
  used: "This link was already used. Each link works once.",
  other_account: "This link belongs to another account. Sign out first, then open the link again.",
  stale: "This link was sent to an address the account no longer uses.",
};
