// The organization dashboard: the organization's figures by level, and one page of its groups
// side by side, read from the progress rollups (docs/decisions/009-progress-rollups.md) in a
// fixed number of queries. What the page reads does not grow with the organization
// (docs/decisions/041-lists-that-grow.md): the groups table is paged (and filtered by name),
// the level figures are sums PostgreSQL makes, the rates and the turnaround histogram are read
// from rows kept per organization × level (docs/decisions/051): levels × pack numbers and levels ×
// days. Nothing here scans the responses or every pack of the organization.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizerOrganizationIds } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import type { Channel, DeliveryStatus, GroupLevel } from "@/lib/generated/prisma/enums";

export const LEVELS: readonly GroupLevel[] = ["INTRODUCTORY", "INTERMEDIATE", "ADVANCED"];

export type DashboardGroup = {
  id: string;
  slug: string;
  name: string;
  level: GroupLevel;
  activeMembers: number;
  publishedPacks: number;
  lessons: number;
  lessonsCovered: number;
  recipients: number;
  respondents: number;
  /** The latest published pack's rate; null before the first. */
  lastPack: PackRate | null;
  /** Per published pack, in order; only when asked for (`perPack`, the CSV export). */
  packRates?: PackRate[];
  medianOnlineDays: number | null;
  medianMailDays: number | null;
  /** Sent → received by e-message (decision 049); null when no reply came back that way. */
  medianEmessageDays: number | null;
  quiet: number;
};
export type PackRate = { number: number; recipients: number; respondents: number };
export type Histogram = { days: number; cells: number }[];
export type LevelSummary = {
  level: GroupLevel;
  groups: number;
  activeMembers: number;
  recipients: number;
  respondents: number;
  quiet: number;
  medianOnlineDays: number | null;
  medianMailDays: number | null;
  /** Sent → received by e-message (decision 049); null when no answer came back that way. */
  medianEmessageDays: number | null;
  /** Response rate per pack number across the level's groups. */
  packRates: PackRate[];
};
export type Dashboard = {
  organizations: { id: string; name: string }[];
  organization: { id: string; name: string };
  /** One page of the groups, by level then name. */
  groups: DashboardGroup[];
  /** Where that page is: `matching` groups in `pages` pages (at least one, maybe empty). */
  paging: { page: number; pageSize: number; matching: number; pages: number; q: string | undefined };
  levels: LevelSummary[];
  turnaround: Record<Channel, Histogram>;
  facilityIssues: { facility: string; status: DeliveryStatus; reason: string; count: number }[];
};

/** The lower median of a histogram; null when it is empty. */
export function histogramMedian(histogram: Histogram): number | null {
  const total = histogram.reduce((sum, h) => sum + h.cells, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const h of [...histogram].sort((a, b) => a.days - b.days)) {
    seen += h.cells;
    if (seen * 2 >= total) return h.days;
  }
  return null;
}

/** Percent, rounded; null when nobody received the pack. */
export function rate(respondents: number, recipients: number): number | null {
  return recipients > 0 ? Math.round((respondents * 100) / recipients) : null;
}

/** Groups a page of the dashboard lists; the organization's figures always cover every group. */
export const DASHBOARD_PAGE_SIZE = 25;

export type DashboardOptions = {
  /** 1-based page of the groups table. */
  page?: number;
  /** Only groups whose name holds this text (any case). */
  q?: string;
  /** Every group on one page: the CSV export only. */
  all?: boolean;
  /** Each listed group's rate of every pack (the packs CSV). */
  perPack?: boolean;
};

/** A LIKE pattern matching `text` anywhere, its own % _ and \ taken literally; null for no filter. */
function containsPattern(text: string | undefined): string | null {
  return text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

export async function getDashboard(user: CurrentUser, orgId?: string, options: DashboardOptions = {}): Promise<Dashboard> {
  const orgIds = await organizerOrganizationIds(user);
  if (orgIds.length === 0 || (orgId !== undefined && !orgIds.includes(orgId))) throw new AppError("NOT_FOUND", "errors.notFound");
  const organizations = await db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const organization = (orgId === undefined ? organizations[0] : organizations.find((o) => o.id === orgId))!;
  const id = organization.id;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  // LIMIT NULL is no limit: the export lists every group.
  const limit = options.all ? null : DASHBOARD_PAGE_SIZE;
  const offset = options.all ? 0 : (page - 1) * DASHBOARD_PAGE_SIZE;
  const pattern = options.all ? null : containsPattern(options.q);

  const [groups, levelRows, rates, perPack, histogram, facilityIssues] = await Promise.all([
    // One page of groups, each with its figures: the ProgressGroup rollup (active members,
    // lessons covered, quiet, medians; kept by the triggers of migration "progress_group_rollup"),
    // its published packs' totals and its latest pack from the ProgressPackRollup counters, one
    // index lookup a group of the page. The rollup rows are named by their group too: by the pack
    // alone the planner read the whole ProgressPackRollup table for each group of the page (22 ms
    // at 1×, growing with the network) instead of the group's rows by ProgressPackRollup_groupId_idx.
    db.$queryRaw<{ id: string; slug: string; name: string; level: GroupLevel; activeMembers: number; lessons: number; lessonsCovered: number;
                   quiet: number; medianOnlineDays: number | null; medianMailDays: number | null; medianEmessageDays: number | null; packs: number; recipients: number; respondents: number;
                   lastNumber: number | null; lastRecipients: number | null; lastRespondents: number | null }[]>`
      WITH page AS (
        SELECT g."id", g."slug", g."name", g."level", g."courseId" FROM "Group" g
         WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL AND (${pattern}::text IS NULL OR g."name" ILIKE ${pattern}::text)
         ORDER BY g."level", g."name", g."id" LIMIT ${limit}::int OFFSET ${offset}::int)
      SELECT p."id", p."slug", p."name", p."level",
             coalesce(r."activeMembers", 0) AS "activeMembers",
             (SELECT count(*)::int FROM "Lesson" l WHERE l."courseId" = p."courseId") AS "lessons",
             coalesce(r."lessonsCovered", 0) AS "lessonsCovered",
             coalesce(r."quiet", 0) AS "quiet", r."medianOnlineDays", r."medianMailDays", r."medianEmessageDays",
             t."packs", t."recipients", t."respondents",
             last."number" AS "lastNumber", last."recipients" AS "lastRecipients", last."respondents" AS "lastRespondents"
        FROM page p
        LEFT JOIN "ProgressGroup" r ON r."groupId" = p."id"
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS "packs", coalesce(sum(pr."recipients"), 0)::int AS "recipients", coalesce(sum(pr."respondents"), 0)::int AS "respondents"
            FROM "Pack" pk LEFT JOIN "ProgressPackRollup" pr ON pr."packId" = pk."id" AND pr."groupId" = p."id"
           WHERE pk."groupId" = p."id" AND pk."status" = 'PUBLISHED') t
        LEFT JOIN LATERAL (
          SELECT pk."number", coalesce(pr."recipients", 0) AS "recipients", coalesce(pr."respondents", 0) AS "respondents"
            FROM "Pack" pk LEFT JOIN "ProgressPackRollup" pr ON pr."packId" = pk."id" AND pr."groupId" = p."id"
           WHERE pk."groupId" = p."id" AND pk."status" = 'PUBLISHED'
           ORDER BY pk."number" DESC LIMIT 1) last ON true
       ORDER BY p."level", p."name", p."id"`,
    // Every group's rollup summed by level (three rows), with how many groups the filter matches.
    db.$queryRaw<{ level: GroupLevel; groups: number; matching: number; activeMembers: number; quiet: number }[]>`
      SELECT g."level", count(*)::int AS "groups",
             (count(*) FILTER (WHERE ${pattern}::text IS NULL OR g."name" ILIKE ${pattern}::text))::int AS "matching",
             coalesce(sum(r."activeMembers"), 0)::int AS "activeMembers", coalesce(sum(r."quiet"), 0)::int AS "quiet"
        FROM "Group" g LEFT JOIN "ProgressGroup" r ON r."groupId" = g."id"
       WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL
       GROUP BY g."level"`,
    // Response rates per level × pack number, kept per organization by triggers
    // (ProgressLevelPack, docs/decisions/051): levels × pack numbers rows, whatever the groups.
    db.$queryRaw<{ level: GroupLevel; number: number; recipients: number; respondents: number }[]>`
      SELECT "level", "number", "recipients", "respondents" FROM "ProgressLevelPack"
       WHERE "organizationId" = ${id} AND "packs" > 0`,
    // Each listed group's rate of every pack: only for the CSV export (`perPack`).
    options.perPack
      ? db.$queryRaw<{ groupId: string; number: number; recipients: number; respondents: number }[]>`
          WITH page AS (
            SELECT g."id" FROM "Group" g
             WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL AND (${pattern}::text IS NULL OR g."name" ILIKE ${pattern}::text)
             ORDER BY g."level", g."name", g."id" LIMIT ${limit}::int OFFSET ${offset}::int)
          SELECT pk."groupId", pk."number", coalesce(r."recipients", 0) AS "recipients", coalesce(r."respondents", 0) AS "respondents"
            FROM page p
            JOIN "Pack" pk ON pk."groupId" = p."id"
            LEFT JOIN "ProgressPackRollup" r ON r."packId" = pk."id"
           WHERE pk."status" = 'PUBLISHED'
           ORDER BY pk."groupId", pk."number"`
      : Promise.resolve([]),
    // The turnaround histogram per level, kept per organization the same way (ProgressLevelTurnaround).
    db.$queryRaw<{ level: GroupLevel; channel: Channel; days: number; cells: number }[]>`
      SELECT "level", "channel", "days", "cells" FROM "ProgressLevelTurnaround"
       WHERE "organizationId" = ${id} AND "cells" > 0
       ORDER BY 1, 2, 3`,
    db.$queryRaw<{ facility: string; status: DeliveryStatus; reason: string; count: number }[]>`
      SELECT "facility", "status", "reason", "count" FROM "ProgressFacilityIssue"
       WHERE "organizationId" = ${id} AND "count" > 0
       ORDER BY "facility", "count" DESC, "status", "reason"`,
  ]);

  const perPackOf = new Map<string, PackRate[]>();
  for (const { groupId, ...rate } of perPack) perPackOf.set(groupId, [...(perPackOf.get(groupId) ?? []), rate]);
  const dashboardGroups: DashboardGroup[] = groups.map(({ packs, lastNumber, lastRecipients, lastRespondents, ...g }) => ({
    ...g,
    publishedPacks: packs,
    lastPack: lastNumber === null ? null : { number: lastNumber, recipients: lastRecipients ?? 0, respondents: lastRespondents ?? 0 },
    ...(options.perPack ? { packRates: perPackOf.get(g.id) ?? [] } : {}),
  }));
  const matching = levelRows.reduce((sum, l) => sum + l.matching, 0);
  const histogramOf = (level: GroupLevel | null, channel: Channel): Histogram => {
    const byDay = new Map<number, number>();
    for (const h of histogram) if ((level === null || h.level === level) && h.channel === channel) byDay.set(h.days, (byDay.get(h.days) ?? 0) + h.cells);
    return [...byDay].map(([days, cells]) => ({ days, cells })).sort((a, b) => a.days - b.days);
  };
  const levels: LevelSummary[] = LEVELS.map((level) => {
    const figures = levelRows.find((l) => l.level === level);
    const packRates = rates
      .filter((r) => r.level === level)
      .map((r) => ({ number: r.number, recipients: r.recipients, respondents: r.respondents }))
      .sort((a, b) => a.number - b.number);
    return {
      level,
      groups: figures?.groups ?? 0,
      activeMembers: figures?.activeMembers ?? 0,
      recipients: packRates.reduce((sum, r) => sum + r.recipients, 0),
      respondents: packRates.reduce((sum, r) => sum + r.respondents, 0),
      quiet: figures?.quiet ?? 0,
      medianOnlineDays: histogramMedian(histogramOf(level, "ONLINE")),
      medianMailDays: histogramMedian(histogramOf(level, "MAIL")),
      medianEmessageDays: histogramMedian(histogramOf(level, "EMESSAGE")),
      packRates,
    };
  });

  return {
    organizations,
    organization,
    groups: dashboardGroups,
    paging: { page, pageSize: options.all ? Math.max(matching, 1) : DASHBOARD_PAGE_SIZE, matching, pages: options.all ? 1 : Math.max(1, Math.ceil(matching / DASHBOARD_PAGE_SIZE)), q: options.all ? undefined : options.q },
    levels,
    turnaround: { ONLINE: histogramOf(null, "ONLINE"), MAIL: histogramOf(null, "MAIL"), EMESSAGE: histogramOf(null, "EMESSAGE") },
    facilityIssues,
  };
}
