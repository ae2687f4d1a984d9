import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { getSessionUser, type SessionUser } from "@/db/queries/users";
import { signInPath } from "@/lib/auth/return-path";
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
