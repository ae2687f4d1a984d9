import { currentUser } from "@/lib/server/auth/session";
import { isSameOrigin, readBodyCapped } from "@/lib/server/request";
import { failure } from "@/lib/actions";
import { IMPORT_CONFIRM_MAX_BYTES } from "@/lib/csv/limits";
import { confirmRows, NOT_FROM_THIS_SITE, SIGN_IN_AGAIN } from "../steps";

/**
 * The previewed rows to write, as a URL-encoded form (`rows`, `includeDuplicates`): the session is
 * checked before the body is read, and it is read only up to its limit. Answers where to go next.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json(SIGN_IN_AGAIN, { status: 401 });
  if (!isSameOrigin(request)) return Response.json(NOT_FROM_THIS_SITE, { status: 403 });
  const bytes = await readBodyCapped(request, IMPORT_CONFIRM_MAX_BYTES);
  if (!bytes) return Response.json(failure("Too many rows to import at once. Split the file and import the parts."), { status: 413 });
  const result = await confirmRows({ userId: user.id, timeZone: user.timeZone, form: new URLSearchParams(new TextDecoder().decode(bytes)) });
  return Response.json(result, { status: result.ok ? 200 : 422 });
}
