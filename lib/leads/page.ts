import type { PaceState } from "@/lib/domain";
import { searchKey, type LeadStateFilter } from "./filter";

/*
 * The Leads list is read a page at a time (db/queries/leads-page.ts): 50 rows, filtered, searched
 * and sorted in SQL, and paged by keyset (the last row's sort key), never by offset. Everything the
 * page shows is in its address, so a page can be bookmarked, shared and reloaded.
 *
 * The Leads list's client components import this module, so it loads no zod: reading an address
 * back (parseLeadListQuery, decodeCursor) and the bulk filter's schema are in ./page-query.ts.
 */

export const LEADS_PAGE_SIZE = 50;

/** At most this many leads per account (docs/product.md, "Leads"): a campaign, not a database. */
export const MAX_LEADS_PER_ACCOUNT = 5000;

/** At most this many confirmed imports per account in any hour. */
export const IMPORTS_PER_HOUR = 10;
export const IMPORT_WINDOW_MS = 60 * 60 * 1000;

export const LEAD_SORTS = ["order", "next_due", "company", "state"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
export type SortDirection = "asc" | "desc";

export const LEAD_SORT_LABELS: Record<LeadSort, string> = {
  order: "List order",
  next_due: "Next due",
  company: "Company",
  state: "State",
};

/** Sorting by state puts what needs doing first: the most late, then today, then the rest. */
export const STATE_SORT_RANK: Record<PaceState, number> = {
  cold: 0,
  overdue: 1,
  due_today: 2,
  upcoming: 3,
  unplanned: 4,
  paused: 5,
  closed: 6,
};

/**
 * The last row of a page, by its sort key: the next page starts after it (or, going back, the
 * previous page ends before it). `rank` is the lead's place in the list order (1-based), which
 * breaks every tie, so a key names exactly one lead.
 */
export type LeadCursor = { key: string | number | null; rank: number };

export type LeadListQuery = {
  state: LeadStateFilter;
  search: string;
  sort: LeadSort;
  dir: SortDirection;
  /** Start after this row, or (with `before`) end before it; neither: the first page. */
  after: LeadCursor | null;
  before: LeadCursor | null;
};

// base64url by hand (btoa/atob exist in the browser and in Node; Buffer only in Node).
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function encodeCursor(cursor: LeadCursor): string {
  return toBase64Url(JSON.stringify([cursor.key, cursor.rank]));
}

export function parseSort(value: unknown): LeadSort {
  return typeof value === "string" && (LEAD_SORTS as readonly string[]).includes(value) ? (value as LeadSort) : "order";
}

/** The address of the list with these settings (defaults left out, so the plain list is /leads). */
export function leadListHref(query: Partial<LeadListQuery>): string {
  const params = new URLSearchParams();
  if (query.state && query.state !== "all") params.set("state", query.state);
  if (query.search) params.set("q", query.search);
  if (query.sort && query.sort !== "order") params.set("sort", query.sort);
  if (query.dir === "desc") params.set("dir", "desc");
  if (query.after) params.set("after", encodeCursor(query.after));
  else if (query.before) params.set("before", encodeCursor(query.before));
  const text = params.toString();
  return text ? `/leads?${text}` : "/leads";
}

/** The search box as words to find, each folded as searchKey folds them. */
export function searchWords(search: string): string[] {
  return searchKey(search).split(" ").filter(Boolean);
}

/**
 * searchKey's folding as two strings for SQL's translate() (applied after lower(), which a
 * database in the C locale applies to A-Z only): each Latin letter, capital or not, with the
 * letter searchKey folds it to. Derived from searchKey, so the SQL search and the rule agree.
 */
export const SEARCH_FOLD: { from: string; to: string } = (() => {
  let from = "";
  let to = "";
  for (let code = 0xc0; code <= 0x24f; code += 1) {
    const char = String.fromCharCode(code);
    const folded = searchKey(char);
    if (folded.length === 1 && folded !== char) {
      from += char;
      to += folded;
    }
  }
  return { from, to };
})();

/** The company as the list sorts it (SQL: translate(lower(company), …) in byte order). */
export function companySortKey(company: string): string {
  const fold = new Map([...SEARCH_FOLD.from].map((char, index) => [char, SEARCH_FOLD.to[index]!]));
  return [...company.replace(/[A-Z]/g, (char) => char.toLowerCase())].map((char) => fold.get(char) ?? char).join("");
}

/** The limits in force: these defaults, or the server's (CADENCE_MAX_LEADS, CADENCE_IMPORTS_PER_HOUR). */
export type LeadLimits = { maxLeads: number; importsPerHour: number };
export const DEFAULT_LEAD_LIMITS: LeadLimits = { maxLeads: MAX_LEADS_PER_ACCOUNT, importsPerHour: IMPORTS_PER_HOUR };

export function leadLimitMessage(maxLeads: number): string {
  return `You have ${maxLeads.toLocaleString("en-US")} leads, the most an account can hold. Close or delete some before adding more.`;
}

/** Why an import was refused, in words (the import page shows it). */
export function importRefusalMessage(
  refusal: { refused: "limit"; room: number; wanted: number } | { refused: "rate"; retryAt: Date },
  limits: LeadLimits,
  describeTime: (at: Date) => string,
): string {
  if (refusal.refused === "rate") {
    return `You have imported ${limits.importsPerHour} files in the last hour, the most allowed. You can import again at ${describeTime(refusal.retryAt)}.`;
  }
  const most = limits.maxLeads.toLocaleString("en-US");
  return refusal.room === 0
    ? `Your list is full: an account holds at most ${most} leads. Close or delete some before importing more.`
    : `This would take your list past ${most} leads, the most an account holds: ${refusal.room.toLocaleString("en-US")} more fit, and the file has ${refusal.wanted.toLocaleString("en-US")}. Import fewer rows.`;
}
