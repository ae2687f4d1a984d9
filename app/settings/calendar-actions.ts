"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { db } from "@/db/client";
import { deleteCalendarFeed, renewCalendarFeed } from "@/db/queries/calendar-feed";
import type { ActionResult } from "@/lib/actions";
import { feedPath } from "@/lib/calendar/feed-address";
import { requireUser } from "@/lib/server/auth/session";
import { requestOrigin } from "@/lib/server/request";

/** The new address travels back with the answer, once: only the hash of its secret is kept. */
export type CalendarFeedRenewed = ActionResult & { feed?: { url: string; createdAt: string } };

// The forms send nothing: the feed is the seeker's own.

/** Turns the seeker's calendar feed on, or gives it a new address: the old one stops working at once. */
export async function renewCalendarFeedAction(): Promise<CalendarFeedRenewed> {
  const user = await requireUser();
  const now = new Date();
  const { token } = await renewCalendarFeed(db(), { userId: user.id, now });
  revalidatePath("/settings");
  return {
    ok: true,
    message: "Your calendar feed address is ready. Copy it now; for your privacy it is shown only once.",
    feed: { url: new URL(feedPath(token), requestOrigin(await headers())).toString(), createdAt: now.toISOString() },
  };
}

/** Turns the seeker's calendar feed off: its address answers nothing from now on. */
export async function turnOffCalendarFeedAction(): Promise<ActionResult> {
  const user = await requireUser();
  await deleteCalendarFeed(db(), { userId: user.id });
  revalidatePath("/settings");
  return { ok: true, message: "The calendar feed is off. Calendars subscribed to it get nothing new." };
}
