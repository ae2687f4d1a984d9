import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/csp";

// An optimistic check only: pages, actions and route handlers verify the session themselves.
const PUBLIC_PATHS = ["/", "/sign-in", "/sign-up", "/forgot-password", "/account-deleted"];
// /calendar/<secret>.ics: calendar apps have no session; the secret in the address is the key.
// The e-mailed links work signed out too (a reset link is for someone who cannot sign in); an
// invitation link tells a signed-out visitor whose it is and offers an account.
const PUBLIC_PREFIXES = ["/api/", "/calendar/", "/verify-email/", "/reset-password/", "/invitations/", "/change-email/", "/digest/"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.includes(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!isPublic && !hasSession) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", pathname + search);
    return withSecurityHeaders(request, NextResponse.redirect(signIn), newNonce());
  }

  const nonce = newNonce();
  const requestHeaders = new Headers(request.headers);
  // Pass the path on, so requireUser() can send a visitor back here after signing in.
  requestHeaders.set("x-cadence-path", pathname + search);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, isDev()));
  requestHeaders.set("x-nonce", nonce);
  return withSecurityHeaders(request, NextResponse.next({ request: { headers: requestHeaders } }), nonce);
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, nonce: string): NextResponse {
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(nonce, isDev()));
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

function isDev(): boolean {
  return process.env.NODE_ENV !== "production";
}

// Static files skip the proxy: the manifest and the icons must load for a signed-out visitor too
// (a browser fetches them without cookies, and installing starts on the public pages).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|icons/).*)"],
};
