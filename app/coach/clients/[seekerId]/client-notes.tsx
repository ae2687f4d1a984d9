import { requestHourCycle } from "@/lib/server/hour-cycle";
import { formatInstant } from "@/lib/format";
import Link from "next/link";
import type { NoteToClient } from "@/db/queries/coach-notes";
import { NoteForm } from "../../forms";

/** The coach's notes to the client (shown on their Today until dismissed), and a form for a new one. */
export async function NotesSection({
  seekerId,
  clientName,
  notes,
  newestHref,
  olderHref,
  timeZone,
}: {
  seekerId: string;
  clientName: string;
  notes: readonly NoteToClient[];
  /** Set when showing older notes: back to the newest. */
  newestHref: string | null;
  /** Set when older notes than these exist. */
  olderHref: string | null;
  timeZone: string;
}) {
  const hourCycle = await requestHourCycle();
  return (
    <section aria-labelledby="note-heading" className="max-w-2xl space-y-4">
      <h2 id="note-heading" className="text-lg font-semibold">
        Notes to {clientName}
      </h2>
      <NoteForm seekerId={seekerId} clientName={clientName} />
      {notes.length > 0 ? (
        <ul className="space-y-2">
          {notes.map((note) => (
            <li key={note.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="whitespace-pre-line break-words">{note.body}</p>
              <p className="mt-1 text-sm text-stone-600">
                {formatInstant(note.createdAt, timeZone, hourCycle)} ·{" "}
                {note.dismissedAt ? `dismissed ${formatInstant(note.dismissedAt, timeZone, hourCycle)}` : "showing on their Today"}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {newestHref || olderHref ? (
        <nav aria-label="Older and newer notes" className="flex flex-wrap gap-x-6 text-sm">
          {newestHref ? (
            <Link href={newestHref} className="link link-tap">
              Newest notes
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className="link link-tap">
              Older notes
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
