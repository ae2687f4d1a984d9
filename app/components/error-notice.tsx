"use client";

/** What a page says when the server could not serve it (the database is down, say): no details, a way back. */
export function ErrorNotice({ retry }: { retry: () => void }) {
  return (
    <div role="alert" className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-stone-800">
        Cadence could not load this page just now. What you saved before is kept. Please try again in a moment.
      </p>
      <button
        type="button"
        onClick={retry}
        className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </div>
  );
}
