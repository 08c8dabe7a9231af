// The query string of a paged list (the dashboard's groups, the people page): `?page=` and,
// where the list can be searched, `?q=`. Typed by hand and shared, so what does not parse is
// dropped (page 1, no search), never an error; a page past the end is shown as empty with a
// link back, not refused.
import { z } from "zod";

const first = (v: unknown) => (Array.isArray(v) ? (v[0] as unknown) : v);
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Pages past this are refused as noise: no organization has a million groups or staff. */
export const MAX_PAGE = 100_000;
/** A search is a name or part of one. */
export const MAX_SEARCH = 100;

const pagingSchema = z.object({
  org: z.preprocess(first, z.string().trim().regex(ID).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).optional()).catch(undefined),
  q: z.preprocess(first, z.string().trim().max(MAX_SEARCH).optional()).catch(undefined),
});

export type PagingParams = { org?: string; page: number; q?: string };

/** Never throws: whatever the query string holds, the result is a page to show. */
export function parsePagingParams(searchParams: Record<string, unknown>): PagingParams {
  const parsed = pagingSchema.safeParse(searchParams ?? {});
  const { org, page, q } = parsed.success ? parsed.data : {};
  // A search of only control characters or spaces is no search.
  const search = q?.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return { ...(org ? { org } : {}), page: page ?? 1, ...(search ? { q: search } : {}) };
}

/** The query string (with "?", or "") for the same list at another page; page 1 is left out. */
export function pagingQuery(params: PagingParams): string {
  const query = new URLSearchParams();
  if (params.org) query.set("org", params.org);
  if (params.q) query.set("q", params.q);
  if (params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
