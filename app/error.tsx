"use client";

import { ErrorNotice } from "./components/error-notice";

/** A page that failed on the server, under the app's own header. */
export default function PageError({ retry }: { retry: () => void }) {
  return <ErrorNotice retry={retry} />;
}
