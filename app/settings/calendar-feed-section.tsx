import { db } from "@/db/client";
import { getCalendarFeed } from "@/db/queries/calendar-feed";
import { formatDate } from "@/lib/format";
import { requireUser } from "@/lib/server/auth/session";
import { CalendarFeedForm } from "./calendar-feed-form";

/** Settings › Calendar feed: the private address calendar apps subscribe to (docs/product.md). */
export async function CalendarFeedSection() {
  const user = await requireUser();
  const feed = await getCalendarFeed(db(), { userId: user.id });
  return (
    <section id="calendar" aria-labelledby="calendar-heading" className="scroll-mt-4 space-y-4">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        Calendar feed
      </h2>
      <p className="text-sm text-stone-700">
        See your follow-ups and planned first contacts of the next 14 days in your own calendar app, as all-day events
        with the suggested channel. Your calendar app fetches them from a private address, about once an hour or as often
        as it chooses.
      </p>
      <CalendarFeedForm
        feedCreatedAt={feed ? feed.createdAt.toISOString() : null}
        createdText={feed ? formatDate(feed.createdAt, user.timeZone) : null}
      />
    </section>
  );
}
