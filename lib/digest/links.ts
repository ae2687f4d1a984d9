import { TZDate } from "@date-fns/tz";
import { addDays, todayIn, type CalendarDate } from "@/lib/domain/dates";

/*
 * The links in a morning digest (docs/product.md, "Reaching the seeker outside the app"). Each has
 * one purpose and is stored only as its SHA-256: "done" logs one touch on one lead and works until
 * the end of the local day it was sent for; "unsubscribe" turns the digest off, for a while longer
 * (a message read a few days late still unsubscribes).
 */
export const DIGEST_LINK_PURPOSES = ["done", "unsubscribe"] as const;
export type DigestLinkPurpose = (typeof DIGEST_LINK_PURPOSES)[number];

export const UNSUBSCRIBE_LINK_DAYS = 60;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes in base64url: anything else is forged and needs no database look-up. */
export function isWellFormedDigestToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The instant the local day `date` ends in `timeZone`: midnight starting the next day there. */
export function endOfLocalDay(date: CalendarDate, timeZone: string): Date {
  const [year, month, day] = addDays(date, 1).split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, timeZone).getTime());
}

/** A "done" link sent at `now` works until the end of that day in the seeker's zone. */
export function doneLinkExpiry(localDate: CalendarDate, timeZone: string): Date {
  return endOfLocalDay(localDate, timeZone);
}

export function unsubscribeLinkExpiry(now: Date, timeZone: string): Date {
  return endOfLocalDay(addDays(todayIn(now, timeZone), UNSUBSCRIBE_LINK_DAYS), timeZone);
}

/** What a link's page may do: only "open" changes anything. */
export type DigestLinkState = "open" | "not_found" | "expired" | "used" | "other_account";

export function digestLinkState(
  link: { userId: string; expiresAt: Date; usedAt: Date | null } | null,
  { now, signedInUserId, reusable = false }: { now: Date; signedInUserId: string | null; reusable?: boolean },
): DigestLinkState {
  if (!link) return "not_found";
  // Someone else is signed in in this browser: the link is not theirs to use.
  if (signedInUserId && signedInUserId !== link.userId) return "other_account";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.usedAt && !reusable) return "used";
  return "open";
}

export const DIGEST_LINK_PROBLEMS: Record<Exclude<DigestLinkState, "open">, string> = {
  not_found: "This link is not valid. Check that you opened the whole link from the e-mail. Nothing was changed.",
  expired: "This link has expired: a digest's links work on the day they were sent for. Nothing was changed; log the touch on Today.",
  used: "This link was already used: the touch is logged. Nothing more was changed.",
  other_account: "This link belongs to another account. Sign out first, then open the link again. Nothing was changed.",
};
