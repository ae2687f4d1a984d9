import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db/client";
import { resolveSecret } from "@/lib/server/env";
import { signInSchema } from "@/lib/auth/schemas";
import { clientAddress } from "@/lib/server/request";
import { attemptSignIn } from "./sign-in";

declare module "next-auth" {
  interface User {
    sessionEpoch?: string;
  }
  interface Session {
    epoch?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    epoch?: string;
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

// Lazy: the secret is resolved at the first request, not while `next build` collects pages.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: resolveSecret("AUTH_SECRET"),
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
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const outcome = await attemptSignIn(db(), {
          ...parsed.data,
          address: clientAddress(request.headers),
          now: new Date(),
        });
        if (outcome.ok) return { id: outcome.userId, sessionEpoch: outcome.sessionEpoch };
        if (outcome.reason === "throttled") throw new SignInThrottled(outcome.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.epoch = user.sessionEpoch;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.epoch = token.epoch;
      return session;
    },
  },
}));
