import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import { getToken, type JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db/client";
import { createSession, forgetExpiredSessions, getSessionUser, type SignedInUser } from "@/db/queries/sessions";
import { deviceLabel } from "@/lib/auth/device";
import { resolveSecret } from "@/lib/server/env";
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

// Lazy: the secret is resolved at the first request, not while `next build` collects pages; then
// kept (Auth.js asks for its configuration on every request, and the embedded default reads a file).
let authSecret: string | undefined;
const secret = () => (authSecret ??= resolveSecret("AUTH_SECRET"));

/** The session cookie's name: Auth.js sets the `__Secure-` one over HTTPS, which browsers keep only from HTTPS. */
const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * The claims of the request's session token (decrypted and checked unexpired by Auth.js's own JWT
 * code), or null: no cookie, or one that is not ours. Pages and actions read the session through
 * this rather than `auth()`, which for each call builds a request to Auth.js's session endpoint,
 * runs it, and encrypts a refreshed token into a cookie that is then thrown away.
 * Only the cookie counts: an `Authorization: Bearer` header (which getToken also reads) is ignored.
 */
export async function readSessionToken(requestHeaders: Headers): Promise<JWT | null> {
  const cookie = requestHeaders.get("cookie") ?? "";
  const secureCookie = cookie.includes(SECURE_SESSION_COOKIE);
  return getToken({ req: { headers: { cookie } }, secret: secret(), secureCookie, salt: secureCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE });
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
