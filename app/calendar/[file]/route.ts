import { createHash } from "node:crypto";
import { db } from "@/db/client";
import { getCalendarFeedData } from "@/db/queries/calendar-feed";
import { FEED_REFRESH_SECONDS, feedCalendarText, feedEvents } from "@/lib/calendar/feed";
import { tokenOfFeedFile } from "@/lib/calendar/feed-address";
import { todayIn } from "@/lib/domain";
import { requestOrigin } from "@/lib/server/request";

export const dynamic = "force-dynamic";

/**
 * A seeker's calendar feed, /calendar/<secret>.ics, for calendar apps to subscribe to. The secret
 * is the only key: no cookie is read, and anything but a live feed's secret answers the same bare
 * 404. The secret is hashed for the look-up and never logged (docs/reliability.md).
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const token = tokenOfFeedFile((await params).file);
  const data = token ? await getCalendarFeedData(db(), { token }) : null;
  if (!data) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });

  const now = new Date();
  const todayUrl = new URL("/today", requestOrigin(request.headers)).toString();
  const events = feedEvents({
    leads: data.leads,
    touches: data.recentTouches,
    contactDays: data.contactDays,
    now,
    timeZone: data.timeZone,
    todayUrl,
  });
  const body = feedCalendarText({ events, today: todayIn(now, data.timeZone), todayUrl });
  const headers = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": 'inline; filename="cadence.ics"',
    // The seeker's own calendar app may keep it as long as the feed asks to be refreshed; no shared cache may.
    "Cache-Control": `private, max-age=${FEED_REFRESH_SECONDS}`,
    ETag: `"${createHash("sha256").update(body).digest("base64url")}"`,
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
  };
  if (matchesEtag(request.headers.get("if-none-match"), headers.ETag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}
