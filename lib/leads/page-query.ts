import { z } from "zod";
import { PACE_STATES } from "@/lib/domain";
import { parseStateFilter } from "./filter";
import { parseSort, type LeadCursor, type LeadListQuery } from "./page";

/*
 * The Leads list's address read back, leniently and checked with zod: the server's half of
 * ./page.ts, kept apart so the client components that build addresses (leadListHref) load no zod.
 */

const cursorSchema = z.object({
  key: z.union([z.string().max(400), z.number().int(), z.null()]),
  rank: z.number().int().min(0).max(1_000_000),
});

function fromBase64Url(value: string): string {
  const binary = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function decodeCursor(value: string): LeadCursor | null {
  if (!value || value.length > 800 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const result = cursorSchema.safeParse({ key: parsed[0], rank: parsed[1] });
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The list's address, read leniently: anything unknown falls back to the default. */
export function parseLeadListQuery(params: Params): LeadListQuery {
  const after = decodeCursor(first(params.after));
  return {
    state: parseStateFilter(first(params.state)),
    search: first(params.q).slice(0, 200),
    sort: parseSort(first(params.sort)),
    dir: first(params.dir) === "desc" ? "desc" : "asc",
    after,
    before: after ? null : decodeCursor(first(params.before)),
  };
}

/** The filter of a "select all matching" action, as the bulk form sends it. */
export const matchingFilterSchema = z.object({
  state: z.enum(["all", ...PACE_STATES]),
  search: z.string().max(200),
});
export type MatchingFilter = z.infer<typeof matchingFilterSchema>;
