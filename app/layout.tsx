import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { THEME_COLOR } from "@/lib/brand";
import { currentUser } from "@/lib/server/auth/session";
import { dailyScreens, homePath } from "@/lib/settings/uses";
import { AppNav } from "./components/app-nav";
import { VerifyEmailBanner } from "./components/verify-email-banner";
import { signOutAction } from "./settings/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cadence", template: "%s · Cadence" },
  description: "Keep your job-search follow-ups on pace, and let your coach see how it goes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOR };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <Link href={user ? homePath(user) : "/"} className="mr-auto text-lg font-bold text-brand-700">
              Cadence
            </Link>
            {user ? (
              // Only the screens of what they use Cadence for (Settings › What you use Cadence for).
              <AppNav screens={dailyScreens(user)} signOut={signOutAction} />
            ) : (
              <>
                <Link href="/sign-in" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
                  Sign in
                </Link>
                <Link href="/sign-up" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                  Sign up
                </Link>
              </>
            )}
          </nav>
        </header>
        {user && !user.emailVerified ? (
          <div className="mx-auto max-w-5xl px-4 pt-6">
            <VerifyEmailBanner email={user.email} />
          </div>
        ) : null}
        {/* On a phone the signed-in tab bar covers the bottom: the page ends above it. */}
        <main id="main" className={`mx-auto max-w-5xl px-4 py-6 ${user ? "pb-24 sm:pb-6" : ""}`}>
          {children}
        </main>
      </body>
    </html>
  );
}
