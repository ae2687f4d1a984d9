import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { getSessionUser, type SessionUser } from "@/db/queries/users";
import { auth } from "./index";

/** The signed-in user, checked against the database once per request (a revoked session is no one). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || !session.epoch) return null;
  return getSessionUser(db(), { userId, sessionEpoch: session.epoch });
});

/** Every page, action and route handler that needs a user calls this; proxy.ts is only a shortcut. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-cadence-path");
    redirect(signInPath(path));
  }
  return user;
}

/**
 * Only a same-site path may be a return address. Browsers drop tabs and line breaks from a URL and
 * read "\\" as "/" ("/<tab>/evil.test" leads to evil.test), so no control character or backslash either.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = "/today"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || /[\u0000-\u001F\u007F\\]/.test(candidate)) {
    return fallback;
  }
  return candidate;
}

export function signInPath(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo, "");
  return path && path !== "/" ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in";
}
