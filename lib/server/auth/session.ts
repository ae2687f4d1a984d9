import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { getSessionUser, type SignedInUser } from "@/db/queries/sessions";
import { signInPath } from "@/lib/auth/return-path";
import { readSessionToken } from "./session-token";

/**
 * The signed-in user and their session, checked against the database once per request: the session
 * token names the session's row (lib/server/auth/index.ts), so an ended session is no one.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const token = await readSessionToken(await headers());
  if (!token?.sub || !token.sid) return null;
  try {
    return await getSessionUser(db(), { sessionId: token.sid, userId: token.sub });
  } catch (error) {
    // A database outage is an error page (and 503 from /api/health), never a trip to sign-in.
    throw new Error("The session could not be checked: the database is unavailable.", { cause: error });
  }
});

/** Every page, action and route handler that needs a user calls this; proxy.ts is only a shortcut. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-cadence-path");
    redirect(signInPath(path));
  }
  return user;
}
