/**
 * The fuzz tests' stand-ins for Auth.js's cookie and JWT machinery, Next's request headers and
 * Next's cache; test/setup/fuzz.ts mocks `next-auth`, `next/headers` and `next/cache` with the
 * factories below for every fuzz test file.
 *
 * Only Auth.js's cookie and JWT machinery is replaced: `auth()` answers the session kept in
 * `session` below, and `signIn("credentials", …)` runs the app's own Credentials `authorize`
 * (lib/server/auth/index.ts: the real password check, throttle and error classes) and, when it
 * succeeds, "sets the cookie" by keeping the new session. lib/server/auth/session.ts (`requireUser`,
 * `currentUser`) stays real and checks the session against the database as on every request. Real
 * sessions, cookies and who may call what are covered by the browser tests' authorization matrix
 * (e2e/authorization-matrix.spec.ts).
 * `next/navigation` stays real: `notFound()` and `redirect()` throw Next's control-flow errors, which
 * `runAction` (test/fuzz/run.ts) turns into outcomes.
 */
import { redirect } from "next/navigation";

export type SessionState = { userId: string; sessionId: string };

/** The session cookie of the one browser the tests play: `null` is signed out. */
export const session: { current: SessionState | null } = { current: null };

/** The session now (a function, so that TypeScript does not narrow it across an action's call). */
export function currentSession(): SessionState | null {
  return session.current;
}

/** Signs the browser in as this user, on the session (device) given. */
export function actAs(user: { id: string; sessionId: string }): void {
  session.current = { userId: user.id, sessionId: user.sessionId };
}

const TOKEN_EXPIRY = Date.UTC(2100, 0, 1) / 1000;

/** `next-auth/jwt` as lib/server/auth/session-token.ts uses it: the session cookie's claims are the session kept above. */
export function fakeJwtModule() {
  return {
    // A real token always carries its expiry, which readSessionToken checks: far ahead here.
    getToken: async () => (session.current ? { sub: session.current.userId, sid: session.current.sessionId, exp: TOKEN_EXPIRY } : null),
  };
}

/** The request's headers as the mocked `next/headers` answers them. */
export const request = {
  headers: { host: "cadence.test", "x-forwarded-for": "203.0.113.7", "x-cadence-peer": "203.0.113.7", "x-cadence-path": "/today" } as Record<string, string>,
};

type Provider = { id?: string; options?: { authorize?: (credentials: unknown, request: Request) => Promise<unknown> } };
type SessionCallback = (params: { session: { user: object; expires: string }; token: { sub: string; sid: string } }) => Promise<unknown>;
type AuthConfig = () => { providers: Provider[]; callbacks: { session: SessionCallback } };

/** `next-auth` as lib/server/auth/index.ts uses it, with the app's own config and Credentials provider. */
export async function fakeNextAuthModule() {
  const errors = await import("@auth/core/errors");
  function NextAuth(config: AuthConfig) {
    const authorize = (credentials: unknown, req: Request) => {
      const provider = config().providers.find((candidate) => candidate.id === "credentials");
      if (!provider?.options?.authorize) throw new Error("no Credentials provider");
      return provider.options.authorize(credentials, req);
    };
    return {
      handlers: {},
      // The app's own session callback: it checks the session's row, as on every real request.
      auth: async () =>
        session.current
          ? config().callbacks.session({ session: { user: {}, expires: "" }, token: { sub: session.current.userId, sid: session.current.sessionId } })
          : null,
      signIn: async (providerId: string, options: Record<string, unknown> = {}) => {
        if (providerId !== "credentials") throw new Error(`unexpected provider ${providerId}`);
        const { redirect: shouldRedirect, redirectTo, ...credentials } = options;
        const req = new Request("http://cadence.test/api/auth/callback/credentials", {
          method: "POST",
          headers: request.headers,
        });
        // A CredentialsSignin thrown by authorize reaches the caller, as Auth.js rethrows it.
        const user = (await authorize(credentials, req)) as { id: string; sessionId: string } | null;
        if (!user) throw new errors.CredentialsSignin();
        session.current = { userId: user.id, sessionId: user.sessionId };
        if (shouldRedirect !== false) redirect(typeof redirectTo === "string" ? redirectTo : "/");
        return "/";
      },
      signOut: async (options: { redirectTo?: string; redirect?: boolean } = {}) => {
        session.current = null;
        if (options.redirect !== false) redirect(options.redirectTo ?? "/");
      },
    };
  }
  return { default: NextAuth, AuthError: errors.AuthError, CredentialsSignin: errors.CredentialsSignin };
}

export function fakeHeadersModule() {
  const cookieJar = new Map<string, string>();
  return {
    headers: async () => new Headers(request.headers),
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
      getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
      has: (name: string) => cookieJar.has(name),
      set: (name: string, value: string) => void cookieJar.set(name, value),
      delete: (name: string) => void cookieJar.delete(name),
    }),
    draftMode: async () => ({ isEnabled: false, enable: () => {}, disable: () => {} }),
  };
}

/** Revalidation needs a Next.js server: a no-op here (what pages show is the browser tests' part). */
export function fakeCacheModule() {
  const noop = () => {};
  return { revalidatePath: noop, revalidateTag: noop, updateTag: noop, refresh: noop };
}
