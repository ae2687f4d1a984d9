import { sql } from "drizzle-orm";
import { db } from "@/db/client";

export const dynamic = "force-dynamic";

/** Public liveness check: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const started = performance.now();
  try {
    await withTimeout(db().execute(sql`select 1`), 3_000);
    return Response.json(
      { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "error", database: "down" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database timeout")), ms)),
  ]);
}
