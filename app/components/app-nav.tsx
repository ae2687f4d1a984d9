"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Screen = { href: string; label: string };

const linkClass = "rounded px-2 py-2 text-sm font-medium hover:bg-stone-100 aria-[current=page]:text-brand-700 aria-[current=page]:underline";

function current(pathname: string, href: string): "page" | undefined {
  return pathname === href || pathname.startsWith(`${href}/`) ? "page" : undefined;
}

/**
 * The signed-in menu. From the sm breakpoint up: the top bar holds every screen, Settings and Sign
 * out. On a phone: a tab bar at the bottom for the daily screens (in reach of a thumb, one row), and
 * Settings and Sign out behind "More" in the top bar.
 */
export function AppNav({ screens, signOut }: { screens: Screen[]; signOut: () => Promise<void> }) {
  const pathname = usePathname();
  return (
    <>
      <div className="hidden items-center gap-x-4 sm:flex">
        {[...screens, { href: "/settings", label: "Settings" }].map(({ href, label }) => (
          <Link key={href} href={href} aria-current={current(pathname, href)} className={linkClass}>
            {label}
          </Link>
        ))}
        <form action={signOut}>
          <button type="submit" className="rounded px-2 py-2 text-sm font-medium hover:bg-stone-100">
            Sign out
          </button>
        </form>
      </div>
      <MoreMenu pathname={pathname} signOut={signOut} />
      <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white pb-[env(safe-area-inset-bottom)] sm:hidden">
        <ul className="mx-auto flex max-w-5xl">
          {screens.map(({ href, label }) => (
            <li key={href} className="flex-1">
              <Link
                href={href}
                aria-current={current(pathname, href)}
                className="flex min-h-14 items-center justify-center px-1 text-sm font-medium text-stone-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

/** Phone only: Settings and Sign out behind a button; closes on a choice, on Escape and on leaving the page. */
function MoreMenu({ pathname, signOut }: { pathname: string; signOut: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  // A new page closes the menu (state adjusted while rendering, as React recommends over an effect).
  if (open && openedAt !== pathname) {
    setOpen(false);
    setOpenedAt(pathname);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="relative sm:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="more-menu"
        onClick={() => {
          setOpen(!open);
          setOpenedAt(pathname);
        }}
        className="min-h-11 rounded px-3 py-2 text-sm font-medium hover:bg-stone-100"
      >
        More
      </button>
      {open ? (
        <ul id="more-menu" className="absolute right-0 z-30 mt-1 w-48 space-y-1 rounded-md border border-stone-200 bg-white p-2 shadow-lg">
          <li>
            <Link href="/settings" aria-current={current(pathname, "/settings")} className={`block min-h-11 ${linkClass}`} onClick={() => setOpen(false)}>
              Settings
            </Link>
          </li>
          <li>
            <form action={signOut}>
              <button type="submit" className="block min-h-11 w-full rounded px-2 py-2 text-left text-sm font-medium hover:bg-stone-100">
                Sign out
              </button>
            </form>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
