import { db } from "@/db/client";
import { resolveSecret } from "@/lib/server/env";
import { hasBearerSecret } from "@/lib/server/cron-bearer";
import { runDigestJob } from "@/lib/server/digest-schedule";

export const dynamic = "force-dynamic";

/**
 * Queues the morning digests that are due (GET for Vercel Cron, POST for most others), for
 * schedulers authenticated by the shared CRON_SECRET as a bearer token, like /api/cron/pace.
 * Running it often, or on several servers at once, sends each seeker at most one digest a day.
 */
async function handle(request: Request): Promise<Response> {
  if (!hasBearerSecret(request.headers.get("authorization"), resolveSecret("CRON_SECRET"))) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const run = await runDigestJob({ db: db() }, new Date());
  return Response.json(run, { headers: { "Cache-Control": "no-store" } });
}

export const GET = handle;
export const POST = handle;
