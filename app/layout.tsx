import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { signOutAction } from "./settings/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cadence", template: "%s · Cadence" },
  description: "Keep your job-search follow-ups on pace, and let your coach see how it goes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

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
            <Link href={user ? "/today" : "/"} className="mr-auto text-lg font-bold text-brand-700">
              Cadence
            </Link>
            {user ? (
              <>
                <Link href="/today" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
                  Today
                </Link>
                <Link href="/leads" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
                  Leads
                </Link>
                <Link href="/materials" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
                  Materials
                </Link>
                <Link href="/coach" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
                  Coach
                </Link>
                <Link href="/settings" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
                  Settings
                </Link>
                <form action={signOutAction}>
                  <button type="submit" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
                    Sign out
                  </button>
                </form>
              </>
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
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
