// The audit log page's filters, read from the query string. A filter that does not parse is
// dropped (as if not given), never an error: the query string is typed by hand and shared.
import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

export type AuditCursor = { createdAt: Date; id: string };

export type AuditFilters = {
  org?: string;
  action?: string;
  groupId?: string;
  personId?: string;
  actorId?: string;
  /** First day shown, inclusive, as YYYY-MM-DD (UTC). */
  from?: string;
  /** Last day shown, inclusive, as YYYY-MM-DD (UTC). */
  to?: string;
  before?: AuditCursor;
};

const first = (v: unknown) => (Array.isArray(v) ? (v[0] as unknown) : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const id = optional(z.string().trim().regex(ID));
const action = optional(z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}(\.[A-Za-z][A-Za-z0-9_-]{0,39}){0,3}$/));

/** A calendar day that exists: 2024-02-30 is refused. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const day = optional(z.string().trim().refine(isDay));

/** `<createdAt ISO>_<id>`: the last entry of the previous page. An ISO date never holds "_". */
export function parseCursor(value: string): AuditCursor | undefined {
  const at = value.indexOf("_");
  if (at < 1 || value.length > 120) return undefined;
  const iso = value.slice(0, at);
  const entryId = value.slice(at + 1);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(iso) || !ID.test(entryId)) return undefined;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id: entryId };
}

export const formatCursor = (entry: AuditCursor) => `${entry.createdAt.toISOString()}_${entry.id}`;

const before = z
  .preprocess(first, z.string().optional())
  .transform((v) => (v === undefined ? undefined : parseCursor(v.trim())))
  .catch(undefined);

export const auditFiltersSchema = z.object({ org: id, action, group: id, person: id, actor: id, from: day, to: day, before });

/** Never throws: whatever the query string holds, the result is a usable set of filters. */
export function parseAuditFilters(searchParams: Record<string, unknown>): AuditFilters {
  const parsed = auditFiltersSchema.safeParse(searchParams ?? {});
  if (!parsed.success) return {};
  const { org, action: a, group, person, actor, from, to, before: cursor } = parsed.data;
  const filters: AuditFilters = {};
  if (org) filters.org = org;
  if (a) filters.action = a;
  if (group) filters.groupId = group;
  if (person) filters.personId = person;
  if (actor) filters.actorId = actor;
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (cursor) filters.before = cursor;
  return filters;
}

/** The query string for the same filters (the page's links: next page, person links). */
export function auditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.org) params.set("org", filters.org);
  if (filters.action) params.set("action", filters.action);
  if (filters.groupId) params.set("group", filters.groupId);
  if (filters.personId) params.set("person", filters.personId);
  if (filters.actorId) params.set("actor", filters.actorId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.before) params.set("before", formatCursor(filters.before));
  return params.toString();
}
