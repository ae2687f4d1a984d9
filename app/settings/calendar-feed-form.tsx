"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/components/copy-field";
import { FormMessage, SubmitButton } from "@/app/components/form";
import { renewCalendarFeedAction, turnOffCalendarFeedAction } from "./calendar-actions";

/**
 * Settings › Calendar feed. The address holds a secret of which only a hash is kept, so it can be
 * shown only in the answer that made it; after that the section says the feed is on, and a new
 * address can replace it.
 */
export function CalendarFeedForm({ feedCreatedAt, createdText }: { feedCreatedAt: string | null; createdText: string | null }) {
  const [renewed, renew] = useActionState(renewCalendarFeedAction, null);
  const [turnedOff, turnOff] = useActionState(turnOffCalendarFeedAction, null);
  // The address just made, while it is still the live one (not since turned off or replaced elsewhere).
  const fresh = renewed?.ok && renewed.feed && renewed.feed.createdAt === feedCreatedAt ? renewed.feed : null;

  if (feedCreatedAt === null) {
    return (
      <div className="space-y-3">
        <FormMessage state={turnedOff} />
        <form action={renew}>
          <SubmitButton pendingText="Creating…">Create a calendar feed address</SubmitButton>
        </form>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {fresh ? (
        <div className="space-y-3 rounded-lg border border-brand-100 bg-white p-4">
          <FormMessage state={renewed} />
          <FeedAddress url={fresh.url} />
          <p className="text-sm text-stone-600">
            In your calendar app, add a calendar &ldquo;from URL&rdquo; (Google Calendar: Other calendars, From URL; Apple
            Calendar: File, New Calendar Subscription; Outlook: Add calendar, Subscribe from web) and paste it. Anyone with
            the address sees the companies and people you plan to contact: keep it to yourself.
          </p>
        </div>
      ) : (
        <p className="text-sm text-stone-700">
          Your calendar feed is on since {createdText}. Its address was shown once, when it was made; if you no longer
          have it, make a new one.
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <form action={renew}>
          <SubmitButton variant="secondary" pendingText="Making…">
            Make a new address
          </SubmitButton>
        </form>
        <form action={turnOff}>
          <SubmitButton variant="danger" pendingText="Turning off…">
            Turn off the feed
          </SubmitButton>
        </form>
      </div>
      <p className="text-sm text-stone-600">A new address ends the old one at once: calendars subscribed to it get nothing new.</p>
    </div>
  );
}

function FeedAddress({ url }: { url: string }) {
  return <CopyField id="calendar-feed-url" label="Calendar feed" value={url} buttonText="Copy address" />;
}
