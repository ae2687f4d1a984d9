import { db } from "@/db/client";
import { runPaceJob } from "@/db/queries/pace-job";
import { resolveSecret } from "@/lib/server/env";
import { hasBearerSecret } from "@/lib/server/cron-bearer";

export const dynamic = "force-dynamic";

/**
 * The scheduled pace job, for schedulers (GET for Vercel Cron, POST for most others). The caller is
 * authenticated by the shared CRON_SECRET as a bearer token, never by a cookie.
 */
async function handle(request: Request): Promise<Response> {
  if (!hasBearerSecret(request.headers.get("authorization"), resolveSecret("CRON_SECRET"))) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const run = await runPaceJob(db(), { now: new Date(), trigger: "route" });
  return Response.json(run, { status: run.status === "failed" ? 500 : 200, headers: { "Cache-Control": "no-store" } });
}

export const GET = handle;
export const POST = handle;
