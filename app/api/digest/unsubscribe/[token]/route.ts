import { db } from "@/db/client";
import { unsubscribeWithLink } from "@/db/queries/digest";
import { MAIL_PATHS } from "@/lib/mail/links";

export const dynamic = "force-dynamic";

/**
 * The digest's List-Unsubscribe address (RFC 8058). A POST (the mail app's one-click button sends
 * "List-Unsubscribe=One-Click", with no cookie) turns the digest off; a GET changes nothing and is
 * sent on to the page with the button, because mail scanners open links.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const state = await unsubscribeWithLink(db(), { token, now: new Date() });
  const ok = state === "open";
  return new Response(ok ? "Unsubscribed: no more morning digests.\n" : "This unsubscribe link is not valid.\n", {
    status: ok ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return new Response(null, {
    status: 303,
    // A relative address: right behind any proxy, whatever host the request names.
    headers: { Location: MAIL_PATHS.digestUnsubscribe(encodeURIComponent(token)), "Cache-Control": "no-store" },
  });
}
