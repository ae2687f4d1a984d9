/** Exactly what a coach sees of a client: the coach's pages show this and nothing more. */
export function WhatCoachSees({ coachName }: { coachName: string }) {
  return (
    <div className="space-y-3 text-sm text-stone-800">
      <p className="font-medium">{coachName} will see, read only:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>Your progress:</strong> the share of your leads on pace, campaign week, leads contacted, first contacts
          this week against your plan, your daily-call streak, overdue, cold, quiet and too-soon counts, your share of phone
          calls, your last activity and your touches per week.
        </li>
        <li>
          <strong>Your leads:</strong> each company, the contact&apos;s name and job title, and its pace (due, overdue, cold,
          paused or closed, and when it is next due).
        </li>
        <li>
          <strong>Your touches:</strong> when, with which lead, by which channel, in which direction, the outcome and your
          note.
        </li>
        <li>
          <strong>Your time zone:</strong> the dates on their pages are in it, as on yours.
        </li>
      </ul>
      <p>
        Not shown: your contacts&apos; e-mail addresses, phone numbers and LinkedIn pages, your notes and personal details
        about them, your materials and your settings.
      </p>
      <p>
        {coachName} can never change anything of yours. They can leave you a note, which you see on Today until you dismiss
        it. You can end the connection at any time in Settings, and their access ends at once.
      </p>
    </div>
  );
}
