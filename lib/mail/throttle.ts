/*
 * Requests that make Cadence send mail to an address (a reset link, another verification link, the
 * note to an address someone tried to sign up with) are limited per hour, so nobody can use Cadence
 * to flood a mailbox or probe many addresses. The answer never changes with the limit where it could
 * tell whether an address has an account: over the limit, nothing is sent, and the page says the same.
 */
export const MAIL_REQUEST_WINDOW_MS = 60 * 60 * 1000;

export const MAIL_REQUEST_LIMITS = {
  /** Per e-mail address typed (whether or not it has an account). */
  address: 3,
  /** Per account (its own address may change). */
  account: 5,
  /** Per client network address: a little more, for people behind one router. */
  client: 20,
} as const;

export type MailRequestScope = keyof typeof MAIL_REQUEST_LIMITS;

export function mailRequestKey(scope: MailRequestScope, value: string): string {
  return `${scope}:${value}`;
}

/** True when one more request would pass every limit, given the requests counted per key in the window. */
export function mailRequestAllowed(counts: { scope: MailRequestScope; count: number }[]): boolean {
  return counts.every(({ scope, count }) => count < MAIL_REQUEST_LIMITS[scope]);
}
