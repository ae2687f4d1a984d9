import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the app does not have: the app's own page (inside its layout and menu), with a way on. */
export default function NotFound() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-stone-800">
        There is nothing at this address. It may have been mistyped, or what it showed was deleted or is no longer shared
        with you.
      </p>
      <p>
        <Link href="/" className="font-medium text-brand-700 underline">
          Go to your home screen
        </Link>
      </p>
    </div>
  );
}
