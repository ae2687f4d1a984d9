import { requestHourCycle } from "@/lib/server/hour-cycle";
import { formatInstant } from "@/lib/format";
import { NoteForm } from "../../forms";

type NoteToClient = { id: string; body: string; createdAt: Date; dismissedAt: Date | null };

/** The coach's notes to the client (shown on their Today until dismissed), and a form for a new one. */
export async function NotesSection({
  seekerId,
  clientName,
  notes,
  timeZone,
}: {
  seekerId: string;
  clientName: string;
  notes: readonly NoteToClient[];
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
    </section>
  );
}
