import { queryCount, isCountingQueries, resetQueryCount } from "@/db/query-counter";
import { requireUser } from "@/lib/server/auth/session";

/**
 * For `npm run bench:today` only (404 unless CADENCE_COUNT_QUERIES=1): how many SQL statements
 * the app ran since the last call, which the bench makes right before and after one request.
 */
export async function GET(): Promise<Response> {
  if (!isCountingQueries()) return new Response("Not found", { status: 404 });
  const count = queryCount();
  await requireUser();
  // This request's own session check is not part of what was measured.
  resetQueryCount();
  return Response.json({ queries: count });
}
