import { currentUser } from "@/lib/server/auth/session";
import { isSameOrigin, readBodyCapped } from "@/lib/server/request";
import { CSV_MAX_BYTES } from "@/lib/csv/limits";
import { FILE_TOO_BIG, NOT_FROM_THIS_SITE, previewUpload, SIGN_IN_AGAIN } from "../steps";

/**
 * The CSV file as the request body: the session is checked before a byte of it is read, and it is
 * read only up to the file limit. Answers the preview (JSON); writes nothing.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json(SIGN_IN_AGAIN, { status: 401 });
  if (!isSameOrigin(request)) return Response.json(NOT_FROM_THIS_SITE, { status: 403 });
  const bytes = await readBodyCapped(request, CSV_MAX_BYTES);
  if (!bytes) return Response.json(FILE_TOO_BIG, { status: 413 });
  const result = await previewUpload({ userId: user.id, timeZone: user.timeZone, bytes });
  return Response.json(result, { status: result.ok ? 200 : 422 });
}
