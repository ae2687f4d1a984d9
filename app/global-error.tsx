"use client";

import { ErrorNotice } from "./components/error-notice";
import "./globals.css";

/** The root layout itself failed (it reads the signed-in user): the page has to bring its own frame. */
export default function GlobalError({ retry }: { retry: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Cadence</title>
      </head>
      <body className="min-h-screen font-sans">
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          <ErrorNotice retry={retry} />
        </main>
      </body>
    </html>
  );
}
