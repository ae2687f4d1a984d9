"use client";

import { Fragment, useActionState, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/app/components/button";
import type { ActionState } from "@/lib/actions";
import { keepInPlace } from "@/lib/today/held-rows";
import { undoTouchAction } from "@/app/touches/actions";
import { TouchLoggedContext, type TouchLogging } from "@/app/touches/touch-logged-context";
import type { LeadCardData } from "@/lib/today/lead-card";
import { LeadCard } from "./lead-card";

/** One item of Today's lists: a heading or a note drawn by the server, or a lead's row as data. */
export type TodayItem = { key: string; heading?: boolean } & ({ node: React.ReactNode; card?: never } | { card: LeadCardData; node?: never });
type RowItem = TodayItem & { card: LeadCardData };

/** How long a logged row stays in place offering "Undo" (longer while Undo has the focus), and how long Undo ignores taps once shown. */
const HOLD_MS = 5000;
const GUARD_MS = 600;
/** After "Undo", how long its answer stays before the row is let go. */
const UNDONE_MS = 1500;

type Hold = {
  item: TodayItem;
  before: TodayItem[];
  /** The row's height when it was tapped: the held row keeps it, so nothing below moves. */
  height: number;
  logged: { message: string; touchId: string | null } | null;
  /** When this row may be let go (performance.now()), and whether its Undo is on its way. */
  until: number;
  undoing: boolean;
};

/**
 * Today's lists (the day's work, the cold ones, the next 7 days) with the rows being logged held
 * in place: from the tap until a few seconds after "Logged … · Undo" shows, the row stays where it
 * was and keeps its height, whatever the server's new lists say (lib/today/held-rows.ts). Held rows
 * are let go together, once the last one's time is up and no Undo is under way or focused: a row
 * let go never shifts another that is still held.
 */
export function TodayList({ items, timeZone }: { items: TodayItem[]; timeZone: string }) {
  const [holds, setHolds] = useState<Hold[]>([]);
  const shown = useRef<TodayItem[]>(items);
  const current = useRef<Hold[]>(holds);
  /** Where the focus goes once a held row that had it is let go: the row again, else the next one. */
  const refocus = useRef<{ key: string; next: string | null } | null>(null);

  const display = keepInPlace(
    items,
    holds.map((hold) => ({ item: items.find((item) => item.key === hold.item.key) ?? hold.item, before: hold.before })),
  );
  useLayoutEffect(() => {
    shown.current = display;
    current.current = holds;
  });

  const update = useCallback((key: string, change: (hold: Hold) => Hold | null) => {
    setHolds((all) => all.flatMap((hold) => (hold.item.key === key ? (change(hold) ?? []) : [hold])));
  }, []);
  const begin = useCallback((item: TodayItem, height: number) => {
    setHolds((all) => {
      const index = shown.current.findIndex((entry) => entry.key === item.key);
      const hold = { item, before: shown.current.slice(0, Math.max(index, 0)), height, logged: null, until: Infinity, undoing: false };
      return [...all.filter((entry) => entry.item.key !== item.key), hold];
    });
  }, []);
  const end = useCallback(
    (key: string, result: ActionState) =>
      update(key, (hold) =>
        result?.ok ? { ...hold, logged: { message: result.message ?? "Logged.", touchId: result.id ?? null }, until: performance.now() + HOLD_MS } : null,
      ),
    [update],
  );

  useEffect(() => {
    const logged = holds.filter((hold) => hold.logged);
    if (logged.length === 0) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const all = current.current;
      const busy =
        all.some((hold) => !hold.logged || hold.undoing || hold.until > performance.now()) ||
        document.activeElement?.matches("[data-undo]") === true;
      if (busy) {
        timer = setTimeout(tick, 250);
        return;
      }
      const focused = document.activeElement?.closest("[data-row]")?.getAttribute("data-row");
      if (focused && all.some((hold) => hold.item.key === focused)) {
        const rows = shown.current.filter((entry) => entry.card);
        const index = rows.findIndex((entry) => entry.key === focused);
        refocus.current = { key: focused, next: rows[index + 1]?.key ?? null };
      }
      setHolds([]);
    };
    timer = setTimeout(tick, Math.max(0, Math.max(...logged.map((hold) => hold.until)) - performance.now()));
    return () => clearTimeout(timer);
  }, [holds]);

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const firstControl = (key: string | null) =>
      key ? document.querySelector<HTMLElement>(`[data-row="${key}"] :is(a[href], button:not([disabled]), summary)`) : null;
    // Never the page body: the row itself, else the row after it. No scrolling: a finger may be near.
    (firstControl(target.key) ?? firstControl(target.next))?.focus({ preventScroll: true });
  }, [holds]);

  return (
    <div className="space-y-3">
      {display.map((item) => {
        if (!item.card) return <Fragment key={item.key}>{item.node}</Fragment>;
        const hold = holds.find((entry) => entry.item.key === item.key) ?? null;
        return <RowFrame key={item.key} item={item} timeZone={timeZone} hold={hold} begin={begin} end={end} update={update} />;
      })}
    </div>
  );
}

function RowFrame({
  item,
  timeZone,
  hold,
  begin,
  end,
  update,
}: {
  item: RowItem;
  timeZone: string;
  hold: Hold | null;
  begin: (item: TodayItem, height: number) => void;
  end: (key: string, result: ActionState) => void;
  update: (key: string, change: (hold: Hold) => Hold | null) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const logging = useMemo<TouchLogging>(
    () => ({ begin: () => begin(item, frame.current?.offsetHeight ?? 0), end: (result) => end(item.key, result) }),
    [item, begin, end],
  );
  return (
    <div ref={frame} data-row={item.key}>
      {hold?.logged ? (
        <LoggedRow
          rowKey={item.key}
          company={item.card.company}
          height={hold.height}
          logged={hold.logged}
          onUndoing={(undoing) =>
            update(item.key, (held) => ({ ...held, undoing, until: undoing ? held.until : performance.now() + UNDONE_MS }))
          }
        />
      ) : (
        <TouchLoggedContext.Provider value={logging}>
          <LeadCard card={item.card} timeZone={timeZone} />
        </TouchLoggedContext.Provider>
      )}
    </div>
  );
}

/**
 * The row just logged, in place and at its height: "Logged: Phone with Meridian Bank." and Undo, at
 * the top of the row, away from the channel buttons below; Undo answers no tap for its first
 * moments, so the second tap of a double tap does nothing. The message takes the focus and is
 * announced, and keeps it through taps on the row's blank space.
 */
function LoggedRow({
  rowKey,
  company,
  height,
  logged,
  onUndoing,
}: {
  rowKey: string;
  company: string;
  height: number;
  logged: { message: string; touchId: string | null };
  onUndoing: (undoing: boolean) => void;
}) {
  const [undone, undo] = useActionState(async (previous: ActionState, formData: FormData) => {
    try {
      return await undoTouchAction(previous, formData);
    } finally {
      onUndoing(false);
    }
  }, null);
  const message = useRef<HTMLParagraphElement>(null);
  const [settled, setSettled] = useState(false);

  useEffect(() => {
    // No scrolling: the page must not move under the finger.
    message.current?.focus({ preventScroll: true });
  }, [undone]);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), GUARD_MS);
    return () => clearTimeout(timer);
  }, []);

  return (
    <article
      aria-labelledby={`${rowKey}-logged-name`}
      style={{ minHeight: height }}
      // The second tap of a double tap lands here, however late it comes: a tap anywhere but on
      // Undo leaves the focus on the message (a tap on blank space would give it to the page's body).
      onMouseDown={(event) => {
        if (!settled || !(event.target instanceof Element && event.target.closest("button"))) event.preventDefault();
      }}
      className="rounded-lg border border-brand-100 bg-brand-50 p-4 shadow-sm"
    >
      <h3 id={`${rowKey}-logged-name`} className="text-base font-semibold text-stone-900">
        {company}
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
        <p ref={message} tabIndex={-1} role="status" className="text-sm font-medium text-brand-800">
          {undone?.message ?? logged.message}
        </p>
        {logged.touchId && !undone?.ok ? (
          // Marked as it is sent (not inside the action, whose updates wait for its end): no letting go meanwhile.
          <form action={undo} onSubmit={() => onUndoing(true)}>
            <input type="hidden" name="touchId" value={logged.touchId} />
            <UndoButton settled={settled} company={company} />
          </form>
        ) : null}
      </div>
    </article>
  );
}

/** "Undo": unavailable (but focusable) for its first moments, so the second tap of a double tap never hits it. */
function UndoButton({ settled, company }: { settled: boolean; company: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      data-undo
      disabled={pending}
      aria-disabled={!settled || undefined}
      onClick={(event) => {
        if (!settled) event.preventDefault();
      }}
      className={buttonClass("secondary", "compact")}
    >
      {pending ? "Undoing…" : "Undo"}
      <span className="sr-only"> the touch with {company}</span>
    </button>
  );
}
