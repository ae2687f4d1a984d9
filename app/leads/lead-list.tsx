"use client";

import type { Announcements, DragEndEvent } from "@dnd-kit/core";
import Link from "next/link";
import { useCallback, useEffect, useId, useOptimistic, useRef, useState, useTransition, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from "react";
import type { CalendarDate, PaceState } from "@/lib/domain";
import { leadListHref, type LeadListQuery, type LeadSort } from "@/lib/leads/page";
import { moveLeadToAction } from "./actions";
import { BulkBar, MoveToPosition } from "./list-action-forms";
import type { RowDrag } from "./lead-drag";
import { PaceBadge } from "./pace-badge";

/** A row as the table shows it: formatted on the server, so the client gets only text. */
export type LeadTableRow = {
  id: string;
  company: string;
  /** "Ann Lee, Head of Data", or "". */
  person: string;
  /** 1-based place in the campaign order. */
  rank: number;
  state: PaceState;
  daysOverdue: number;
  /** Shown on the badge of a paused lead ("Paused until Wed 5 Mar"). */
  pausedUntil: CalendarDate | null;
  nextDue: string;
  lastTouch: string;
};

type Filter = Pick<LeadListQuery, "state" | "search" | "sort" | "dir">;

type DragModule = typeof import("./lead-drag");

// dnd-kit (lead-drag.tsx) comes with the first sign of a drag, once a visit: every table after has it.
let dragModule: Promise<DragModule> | undefined;
let loadedDrag: DragModule | null = null;

function loadDragModule(): Promise<DragModule> {
  dragModule ??= import("./lead-drag").then(
    (module) => (loadedDrag = module),
    (error: unknown) => {
      dragModule = undefined;
      throw error;
    },
  );
  return dragModule;
}

const DRAG_INSTRUCTIONS =
  "To move this lead, press space or enter to pick it up, the up and down arrow keys to move it, space or enter again to drop it, or escape to cancel.";

/** A drag begun on a row's handle before dnd-kit was there: the key or press, given again once it is. */
type EarlyDrag = { id: string; replay: () => void };

/**
 * The Leads table: one page of rows, each with a checkbox, and the bar of bulk actions that
 * appears once something is selected. The selection is the component's state, so a refused action
 * keeps it; it lives across pages of the same filter (the page keys this component by its filter).
 * In list order, rows can be dragged (pointer or keyboard: dnd-kit's sensors) to a new place.
 * dnd-kit loads when a handle is first hovered, focused or pressed (lead-drag.tsx); a key or a
 * press that comes before it is played again once it is there, so the first drag works too.
 */
export function LeadsTable({
  rows,
  matching,
  filter,
  tomorrow,
}: {
  rows: LeadTableRow[];
  /** How many leads match the filter, over every page. */
  matching: number;
  filter: Filter;
  tomorrow: string;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [status, setStatus] = useState("");
  const [optimisticRows, setOptimisticRows] = useOptimistic(rows);
  const [, startTransition] = useTransition();
  const canDrag = filter.sort === "order" && filter.dir === "asc";
  const [drag, setDrag] = useState<DragModule | null>(loadedDrag);
  const [rowDrags, setRowDrags] = useState<ReadonlyMap<string, RowDrag>>(() => new Map());
  const earlyDrag = useRef<EarlyDrag | null>(null);
  const instructionsId = useId();

  const report = useCallback((id: string, value: RowDrag | null) => {
    setRowDrags((current) => {
      const next = new Map(current);
      if (value) next.set(id, value);
      else next.delete(id);
      return next;
    });
  }, []);

  const wantDrag = useCallback(() => {
    loadDragModule().then(setDrag, () => {
      if (!earlyDrag.current) return;
      earlyDrag.current = null;
      setStatus("Dragging could not load. Use “Move to…” instead, or reload the page.");
    });
  }, []);

  const dragEarly = useCallback(
    (early: EarlyDrag) => {
      earlyDrag.current = early;
      wantDrag();
    },
    [wantDrag],
  );

  // A drag begun before dnd-kit came: once the row has its listeners, the same key or press again.
  useEffect(() => {
    const early = earlyDrag.current;
    if (!early || !rowDrags.has(early.id)) return;
    earlyDrag.current = null;
    early.replay();
  }, [rowDrags]);

  const pageIds = rows.map((row) => row.id);
  const pageAllSelected = allMatching || (pageIds.length > 0 && pageIds.every((id) => selected.has(id)));
  const count = allMatching ? matching : selected.size;

  function toggle(id: string, on: boolean) {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function togglePage(on: boolean) {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      for (const id of pageIds) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  function clear() {
    setAllMatching(false);
    setSelected(new Set());
  }

  const nameOf = (id: string | number) => optimisticRows.find((row) => row.id === id)?.company ?? "the lead";
  const rankOf = (id: string | number) => optimisticRows.find((row) => row.id === id)?.rank;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, at position ${rankOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} would move to position ${rankOf(over.id)}.` : `${nameOf(active.id)} is not over a place in the list.`),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at position ${rankOf(over.id)}.` : `${nameOf(active.id)} dropped where it was.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it stays at position ${rankOf(active.id)}.`,
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!drag || !over || active.id === over.id) return;
    const { arrayMove } = drag;
    const from = optimisticRows.findIndex((row) => row.id === active.id);
    const to = optimisticRows.findIndex((row) => row.id === over.id);
    const target = optimisticRows[to];
    if (from < 0 || !target) return;
    const company = optimisticRows[from]!.company;
    const form = new FormData();
    form.set("leadId", String(active.id));
    form.set("position", String(target.rank));
    startTransition(async () => {
      // The row moves at once; the server's order replaces it when the action is done.
      setOptimisticRows(arrayMove(optimisticRows, from, to).map((row, index) => ({ ...row, rank: optimisticRows[index]!.rank })));
      const result = await moveLeadToAction(null, form);
      setStatus(result.ok ? `${company}: moved to position ${target.rank}.` : result.message);
    });
  }

  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">No lead matches this filter.</p>;
  }

  const table = (
    <table className="leads-table">
      <caption className="sr-only">Leads, {filter.sort === "order" ? "in list order" : `sorted by ${filter.sort.replace("_", " ")}`}</caption>
      <thead className="border-b border-stone-300 bg-stone-50 text-stone-700">
        <tr>
          <th scope="col" className="col-check">
            <label>
              <input type="checkbox" checked={pageAllSelected} onChange={(event) => togglePage(event.target.checked)} />
              <span className="sr-only">Select every lead on this page</span>
            </label>
          </th>
          <SortHeader sort="order" label="#" longLabel="List order" filter={filter} className="w-14" />
          <SortHeader sort="company" label="Company" filter={filter} />
          <SortHeader sort="state" label="State" filter={filter} className="col-wide" />
          <SortHeader sort="next_due" label="Next due" filter={filter} className="col-wide" />
          <th scope="col" className="col-widest px-2 py-2 font-semibold">
            Last touch
          </th>
          <th scope="col" className="px-2 py-2 font-semibold">
            <span className="sr-only md:not-sr-only">Reorder</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {optimisticRows.map((row) => (
          <LeadRow
            key={row.id}
            row={row}
            checked={allMatching || selected.has(row.id)}
            onCheck={(on) => toggle(row.id, on)}
            canDrag={canDrag}
            drag={rowDrags.get(row.id)}
            instructionsId={instructionsId}
            onDragIntent={wantDrag}
            onDragEarly={dragEarly}
            onMoved={setStatus}
          />
        ))}
      </tbody>
    </table>
  );

  return (
    <div className={count > 0 ? "pb-72 md:pb-40" : undefined}>
      <p role="status" className={status ? "mb-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800" : "sr-only"}>
        {status}
      </p>
      <div className="rounded-lg border border-stone-200 bg-white shadow-sm">
        {table}
        {canDrag ? (
          <p id={instructionsId} hidden>
            {DRAG_INSTRUCTIONS}
          </p>
        ) : null}
        {canDrag && drag ? (
          <drag.DragLayer
            ids={optimisticRows.map((row) => row.id)}
            announcements={announcements}
            instructions={DRAG_INSTRUCTIONS}
            onDragEnd={onDragEnd}
            report={report}
          />
        ) : null}
      </div>
      {count > 0 ? (
        <BulkBar
          count={count}
          matching={matching}
          allMatching={allMatching}
          selectedIds={allMatching ? [] : [...selected]}
          filter={filter}
          tomorrow={tomorrow}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={clear}
          onDone={(message) => {
            clear();
            setStatus(message);
          }}
        />
      ) : null}
    </div>
  );
}

function SortHeader({
  sort,
  label,
  longLabel = label,
  filter,
  className = "",
}: {
  sort: LeadSort;
  label: string;
  longLabel?: string;
  filter: Filter;
  className?: string;
}) {
  const current = filter.sort === sort;
  // A second click on the current column turns the order round.
  const dir = current && filter.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={current ? (filter.dir === "asc" ? "ascending" : "descending") : undefined} className={`px-2 py-2 font-semibold ${className}`}>
      <Link href={leadListHref({ ...filter, sort, dir })} className="inline-flex min-h-11 items-center gap-1 text-brand-700 underline">
        <span aria-hidden={label !== longLabel || undefined}>{label}</span>
        {label !== longLabel ? <span className="sr-only">{longLabel}</span> : null}
        <span className="sr-only">, sort {dir === "asc" ? "ascending" : "descending"}</span>
        {current ? <span aria-hidden="true">{filter.dir === "asc" ? "▲" : "▼"}</span> : null}
      </Link>
    </th>
  );
}

function LeadRow({
  row,
  checked,
  onCheck,
  canDrag,
  drag,
  instructionsId,
  onDragIntent,
  onDragEarly,
  onMoved,
}: {
  row: LeadTableRow;
  checked: boolean;
  onCheck: (on: boolean) => void;
  canDrag: boolean;
  /** dnd-kit's part of the row, once loaded. */
  drag: RowDrag | undefined;
  instructionsId: string;
  onDragIntent: () => void;
  onDragEarly: (early: EarlyDrag) => void;
  onMoved: (message: string) => void;
}) {
  // Before dnd-kit: a press on the handle, given again as it comes if the pointer is still down.
  function pressEarly(event: ReactPointerEvent<HTMLButtonElement>) {
    if (!event.isPrimary || event.button !== 0) return;
    const target = event.currentTarget;
    const init: PointerEventInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      pointerId: event.pointerId,
      pointerType: event.pointerType,
      isPrimary: true,
      button: 0,
      buttons: event.buttons,
      clientX: event.clientX,
      clientY: event.clientY,
      screenX: event.screenX,
      screenY: event.screenY,
    };
    let held = true;
    const release = () => {
      held = false;
      window.removeEventListener("pointerup", release);
      window.removeEventListener("pointercancel", release);
    };
    window.addEventListener("pointerup", release);
    window.addEventListener("pointercancel", release);
    onDragEarly({
      id: row.id,
      replay: () => {
        if (!held) return;
        release();
        target.dispatchEvent(new PointerEvent("pointerdown", init));
      },
    });
  }

  // Before dnd-kit: space or enter on the handle picks the lead up as it comes, if the handle still has the focus.
  function keyEarly(event: ReactKeyboardEvent<HTMLButtonElement>) {
    if (event.code !== "Space" && event.code !== "Enter") return;
    event.preventDefault();
    const target = event.currentTarget;
    const init: KeyboardEventInit = { bubbles: true, cancelable: true, key: event.key, code: event.code };
    onDragEarly({
      id: row.id,
      replay: () => {
        if (document.activeElement === target) target.dispatchEvent(new KeyboardEvent("keydown", init));
      },
    });
  }

  const handlers = drag
    ? drag.listeners
    : { onPointerEnter: onDragIntent, onFocus: onDragIntent, onPointerDown: pressEarly, onKeyDown: keyEarly };
  return (
    <tr
      ref={drag?.setNodeRef}
      style={{ transform: drag?.transform, transition: drag?.transition }}
      className={drag?.isDragging ? "relative z-10 bg-brand-50 shadow" : undefined}
    >
      <td className="col-check">
        <label>
          <input type="checkbox" checked={checked} onChange={(event) => onCheck(event.target.checked)} />
          <span className="sr-only">Select {row.company}</span>
        </label>
      </td>
      <td className="col-rank">{row.rank}</td>
      <td className="col-lead">
        <Link href={`/leads/${row.id}`}>{row.company}</Link>
        {row.person ? <p>{row.person}</p> : null}
        {/* Below 768 px the state and next due show here, in place of their columns. */}
        <p className="col-lead-narrow">
          <PaceBadge pace={row} pausedUntil={row.pausedUntil} />
          <span>{`Next due: ${row.nextDue}`}</span>
        </p>
      </td>
      <td className="col-wide">
        <PaceBadge pace={row} pausedUntil={row.pausedUntil} />
      </td>
      <td className="col-wide whitespace-nowrap">{row.nextDue}</td>
      <td className="col-widest">{row.lastTouch}</td>
      <td className="col-move">
        <div>
          {canDrag ? (
            <button
              type="button"
              ref={drag?.setActivatorNodeRef}
              aria-roledescription="sortable"
              aria-describedby={instructionsId}
              {...drag?.attributes}
              {...handlers}
              className="drag-handle"
            >
              <span aria-hidden="true">⠿</span> Drag<span className="sr-only"> {row.company}</span>
            </button>
          ) : null}
          <MoveToPosition leadId={row.id} company={row.company} rank={row.rank} onMoved={onMoved} />
        </div>
      </td>
    </tr>
  );
}
