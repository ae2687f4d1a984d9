"use client";

import { useOptimistic } from "react";
import { TouchLoggedContext } from "@/app/touches/touch-logged-context";
import { SECTION_TITLES, TODAY_SECTIONS, type TodaySection } from "@/lib/today/group";

export type BoardRow = { leadId: string; section: TodaySection; content: React.ReactNode };

const DUE_SECTIONS: readonly TodaySection[] = ["first_contacts", "due_today", "overdue", "cold"];

/**
 * Today's rows, section by section. A row whose touch is being saved moves to "Done today" at
 * once (useOptimistic); if the touch is not saved (too soon, an error) it moves back by itself.
 * Every row and heading is a keyed child of one list, so a moving row keeps its form and state.
 */
export function TodayBoard({ rows, nothingDue }: { rows: BoardRow[]; nothingDue: React.ReactNode }) {
  const [loggingIds, markLogging] = useOptimistic<readonly string[], string>([], (ids, leadId) => [...ids, leadId]);

  const placed = rows.map((row) => ({
    ...row,
    pending: loggingIds.includes(row.leadId) && row.section !== "done_today",
    section: loggingIds.includes(row.leadId) ? ("done_today" as const) : row.section,
  }));
  const order = (section: TodaySection) => TODAY_SECTIONS.indexOf(section);
  // Stable sort: rows keep the server's order within a section; a row just logged goes first in "Done today".
  placed.sort((a, b) => order(a.section) - order(b.section) || Number(b.pending) - Number(a.pending));

  const items: React.ReactNode[] = [];
  let current: TodaySection | null = null;
  if (!placed.some((row) => DUE_SECTIONS.includes(row.section))) items.push(<div key="nothing-due">{nothingDue}</div>);
  for (const row of placed) {
    if (row.section !== current) {
      current = row.section;
      items.push(
        <h2 key={`heading-${row.section}`} id={`section-${row.section}`} className="pt-4 text-lg font-semibold first:pt-0">
          {SECTION_TITLES[row.section]}
        </h2>,
      );
    }
    items.push(
      <article
        key={row.leadId}
        aria-labelledby={`lead-${row.leadId}-name`}
        aria-describedby={`section-${row.section}`}
        className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      >
        {row.pending ? (
          <p role="status" className="mb-2 text-sm font-medium text-brand-700">
            Saving…
          </p>
        ) : null}
        {row.content}
      </article>,
    );
  }

  return (
    <TouchLoggedContext value={markLogging}>
      <div className="space-y-3">{items}</div>
    </TouchLoggedContext>
  );
}
