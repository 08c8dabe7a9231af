// The progress page's filters, read from GET parameters. A value that is not one of the
// choices is dropped (and reported), so a hand-edited or hostile URL changes nothing.
import { z } from "zod";
import { CELL_STATES } from "@/lib/progress/cell-state";

export const STATUS_FILTERS = [...CELL_STATES, "unanswered", "quiet"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const fields = {
  channel: z.enum(["ONLINE", "MAIL", "EMESSAGE"]),
  status: z.enum(STATUS_FILTERS),
  facility: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  pack: z.coerce.number().int().min(1).max(100_000),
  open: z.coerce.number().int().min(1).max(100_000),
  /** The matrix shows a window of packs ending at this pack number (the latest when absent). */
  upto: z.coerce.number().int().min(1).max(100_000),
};

/** How many packs the matrix shows at once; the CSV export has them all. */
export const PACK_WINDOW = 12;

export type ProgressFilters = { [K in keyof typeof fields]?: z.infer<(typeof fields)[K]> };

export function parseProgressFilters(params: Record<string, string | string[] | undefined>): { filters: ProgressFilters; ignored: string[] } {
  const filters: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
    else ignored.push(key);
  }
  return { filters: filters as ProgressFilters, ignored };
}

/** The query string for a set of filters (stable order), without the leading "?". */
export function progressQuery(filters: ProgressFilters): string {
  const q = new URLSearchParams();
  for (const key of Object.keys(fields) as (keyof ProgressFilters)[]) {
    const value = filters[key];
    if (value !== undefined && value !== "") q.set(key, String(value));
  }
  return q.toString();
}
