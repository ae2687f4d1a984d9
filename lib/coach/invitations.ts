import { retryAfterSeconds, type FailureRecord } from "@/lib/auth/throttle";

/** An invitation to connect is good for two weeks. */
export const INVITATION_TTL_DAYS = 14;

/** No 0/O or 1/I, so a code read aloud or copied by hand comes out right. 32 symbols: 40 bits in 8. */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
}

/** A link token has this exact shape; anything else is forged and needs no database look-up. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** What a person typed, as stored: upper case, without the spaces and dashes people add. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]+/g, "").toUpperCase();
}

export function isWellFormedCode(normalized: string): boolean {
  return normalized.length === CODE_LENGTH && [...normalized].every((symbol) => CODE_ALPHABET.includes(symbol));
}

/** "ABCD-EFGH": easier to read out and copy than eight letters in a row. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type InvitationState = "open" | "expired" | "used" | "declined";

export function invitationState(
  invitation: { expiresAt: Date; usedAt: Date | null; declinedAt: Date | null },
  now: Date,
): InvitationState {
  if (invitation.usedAt) return "used";
  if (invitation.declinedAt) return "declined";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

/**
 * Typed codes can be guessed, so wrong ones are counted like failed sign-ins (in the same table,
 * under keys of their own) and slowed down with the sign-in policies: per person as hard as one
 * account from one address (5 free, then 30 s doubling to 15 min; meanwhile each try needs a proof
 * of work instead, lib/server/code-throttle.ts), per address as loosely (refused outright).
 */
export function codeThrottleKeys(userId: string, address: string) {
  return { pair: `code:${userId}`, address: `code-address:${address}` } as const;
}

export function codeRetryAfterSeconds(
  records: readonly { key: string; failures: number; lastFailureAt: Date }[],
  keys: ReturnType<typeof codeThrottleKeys>,
  now: Date,
): number {
  const kinds = records.flatMap((record): FailureRecord[] => {
    if (record.key === keys.pair) return [{ ...record, kind: "pair" }];
    if (record.key === keys.address) return [{ ...record, kind: "address" }];
    return [];
  });
  return retryAfterSeconds(kinds, now);
}
