import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db/client";
import { createSession, forgetExpiredSessions, getSessionUser, type SignedInUser } from "@/db/queries/sessions";
import { deviceLabel } from "@/lib/auth/device";
import { authSecret as secret } from "./session-token";
import { signInSchema } from "@/lib/auth/schemas";
import { clientAddress } from "@/lib/server/request";
import { attemptSignIn } from "./sign-in";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    /** The user and session as the database has them now (absent when the session was ended). */
    signedIn?: SignedInUser;
    /** The session's row could not be read (the database is down): an error, not a sign-out. */
    unavailable?: boolean;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The session row's id (db/queries/sessions.ts). */
    sid?: string;
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

export class SignInThrottled extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** The account-wide limit tripped: this attempt needs a proof of work for `challenge`. */
export class SignInChallenge extends CredentialsSignin {
  override code = "challenge";
  constructor(readonly challenge: string) {
    super();
  }
}


export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: secret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome, answered on the form: not a server error to log.
    error(error: Error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, proof: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const proof = typeof credentials.proof === "string" && credentials.proof.length <= 200 ? credentials.proof : undefined;
        const address = clientAddress(request.headers);
        const now = new Date();
        const outcome = await attemptSignIn(db(), { ...parsed.data, address, now, proof });
        if (outcome.ok) {
          await forgetExpiredSessions(db(), { userId: outcome.userId, unusedSince: new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000) });
          const device = deviceLabel(request.headers.get("user-agent"));
          return { id: outcome.userId, sessionId: await createSession(db(), { userId: outcome.userId, device, address, now }) };
        }
        if (outcome.reason === "throttled") throw new SignInThrottled(outcome.retryAfterSeconds);
        if (outcome.reason === "challenge") throw new SignInChallenge(outcome.challenge);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    // auth() and GET /api/auth/session (pages and actions use currentUser()): one read of the session's row. An ended session
    // (signed out, or signed out everywhere) names no user, even with a token that is still valid.
    async session({ session, token }) {
      let signedIn: SignedInUser | null = null;
      try {
        signedIn = token.sub && token.sid ? await getSessionUser(db(), { sessionId: token.sid, userId: token.sub }) : null;
      } catch {
        // Auth.js would swallow the error and answer "signed out": say so, so pages fail instead.
        return { expires: session.expires, unavailable: true } as typeof session;
      }
      if (!signedIn) return { expires: session.expires } as typeof session;
      session.user = { ...session.user, id: signedIn.id, name: signedIn.name, email: signedIn.email };
      session.signedIn = signedIn;
      return session;
    },
  },
}));
