/** A message the SMTP server refused or could not take is tried again later, this many times in all. */
export const MAIL_MAX_ATTEMPTS = 10;

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 2 * 60 * 60 * 1000;

/** The wait before the next attempt after `attempts` failed ones: 30 s, doubling, at most 2 hours (about 6 hours in all). */
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/** How long a sender holds a claimed message: past it, the sender is taken for dead and another sends it. */
export const MAIL_LEASE_MS = 2 * 60 * 1000;
