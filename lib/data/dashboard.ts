// The organization dashboard: every group's figures side by side, read from the progress
// rollups (docs/decisions/009-progress-rollups.md) in a fixed number of queries; the per-group
// figures come from one ProgressGroup row each. Nothing here
// scans the responses; the biggest read is the turnaround histogram (groups × days).
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
  /** Response rate per pack number across the level's groups. */
  packRates: PackRate[];
};
export type Dashboard = {
  organizations: { id: string; name: string }[];
  organization: { id: string; name: string };
  groups: DashboardGroup[];
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

export async function getDashboard(user: CurrentUser, orgId?: string, options: { perPack?: boolean } = {}): Promise<Dashboard> {
  const orgIds = await organizerOrganizationIds(user);
  if (orgIds.length === 0 || (orgId !== undefined && !orgIds.includes(orgId))) throw new AppError("NOT_FOUND", "errors.notFound");
  const organizations = await db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const organization = (orgId === undefined ? organizations[0] : organizations.find((o) => o.id === orgId))!;
  const id = organization.id;

  const [groups, rates, lastPacks, perPack, histogram, facilityIssues] = await Promise.all([
    // Per-group figures from the ProgressGroup rollup (active members, lessons covered, quiet,
    // medians), kept by the triggers of migration "progress_group_rollup".
    db.$queryRaw<{ id: string; slug: string; name: string; level: GroupLevel; activeMembers: number; lessons: number; lessonsCovered: number;
                   quiet: number; medianOnlineDays: number | null; medianMailDays: number | null }[]>`
      SELECT g."id", g."slug", g."name", g."level",
             coalesce(r."activeMembers", 0) AS "activeMembers",
             coalesce(c."lessons", 0) AS "lessons",
             coalesce(r."lessonsCovered", 0) AS "lessonsCovered",
             coalesce(r."quiet", 0) AS "quiet", r."medianOnlineDays", r."medianMailDays"
        FROM "Group" g
        LEFT JOIN "ProgressGroup" r ON r."groupId" = g."id"
        -- Lessons counted once per course, not once per group.
        LEFT JOIN (SELECT l."courseId", count(*)::int AS "lessons" FROM "Lesson" l
                    WHERE l."courseId" IN (SELECT "courseId" FROM "Group" WHERE "organizationId" = ${id})
                    GROUP BY l."courseId") c ON c."courseId" = g."courseId"
       WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL
       ORDER BY g."level", g."name", g."id"`,
    // Response rates from the ProgressPackRollup counters in one pass over the organization's
    // published packs, summed two ways at once (GROUPING SETS): per group (its totals) and per
    // level × pack number (the chart). Each group's rate of every pack is read only for the CSV
    // export (`perPack`).
    db.$queryRaw<{ groupId: string | null; level: GroupLevel | null; number: number | null; packs: number; recipients: number; respondents: number }[]>`
      SELECT pk."groupId", g."level", pk."number", count(*)::int AS "packs",
             coalesce(sum(r."recipients"), 0)::int AS "recipients", coalesce(sum(r."respondents"), 0)::int AS "respondents"
        FROM "Pack" pk
        JOIN "Group" g ON g."id" = pk."groupId"
        LEFT JOIN "ProgressPackRollup" r ON r."packId" = pk."id"
       WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL AND pk."status" = 'PUBLISHED'
       GROUP BY GROUPING SETS ((pk."groupId"), (g."level", pk."number"))`,
    // Each group's latest published pack: one index lookup a group.
    db.$queryRaw<{ groupId: string; number: number; recipients: number; respondents: number }[]>`
      SELECT g."id" AS "groupId", l."number", l."recipients", l."respondents"
        FROM "Group" g
        CROSS JOIN LATERAL (
          SELECT pk."number", coalesce(r."recipients", 0) AS "recipients", coalesce(r."respondents", 0) AS "respondents"
            FROM "Pack" pk LEFT JOIN "ProgressPackRollup" r ON r."packId" = pk."id"
           WHERE pk."groupId" = g."id" AND pk."status" = 'PUBLISHED'
           ORDER BY pk."number" DESC LIMIT 1) l
       WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL`,
    options.perPack
      ? db.$queryRaw<{ groupId: string; number: number; recipients: number; respondents: number }[]>`
          SELECT pk."groupId", pk."number", coalesce(r."recipients", 0) AS "recipients", coalesce(r."respondents", 0) AS "respondents"
            FROM "Pack" pk
            JOIN "Group" g ON g."id" = pk."groupId"
            LEFT JOIN "ProgressPackRollup" r ON r."packId" = pk."id"
           WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL AND pk."status" = 'PUBLISHED'
           ORDER BY pk."groupId", pk."number"`
      : Promise.resolve([]),
    db.$queryRaw<{ level: GroupLevel; channel: Channel; days: number; cells: number }[]>`
      SELECT g."level", t."channel", t."days", sum(t."cells")::int AS "cells"
        FROM "ProgressTurnaround" t JOIN "Group" g ON g."id" = t."groupId"
       WHERE g."organizationId" = ${id} AND g."archivedAt" IS NULL AND t."cells" > 0
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    db.$queryRaw<{ facility: string; status: DeliveryStatus; reason: string; count: number }[]>`
      SELECT "facility", "status", "reason", "count" FROM "ProgressFacilityIssue"
       WHERE "organizationId" = ${id} AND "count" > 0
       ORDER BY "facility", "count" DESC, "status", "reason"`,
  ]);

  const totalsOf = new Map(rates.filter((r) => r.groupId !== null).map((r) => [r.groupId!, r]));
  const lastOf = new Map(lastPacks.map((l) => [l.groupId, l]));
  const perPackOf = new Map<string, PackRate[]>();
  for (const { groupId, ...rate } of perPack) perPackOf.set(groupId, [...(perPackOf.get(groupId) ?? []), rate]);
  const dashboardGroups: DashboardGroup[] = groups.map((g) => {
    const totals = totalsOf.get(g.id);
    const last = lastOf.get(g.id);
    return {
      ...g,
      publishedPacks: totals?.packs ?? 0,
      recipients: totals?.recipients ?? 0,
      respondents: totals?.respondents ?? 0,
      lastPack: last ? { number: last.number, recipients: last.recipients, respondents: last.respondents } : null,
      ...(options.perPack ? { packRates: perPackOf.get(g.id) ?? [] } : {}),
    };
  });
  const histogramOf = (level: GroupLevel | null, channel: Channel): Histogram => {
    const byDay = new Map<number, number>();
    for (const h of histogram) if ((level === null || h.level === level) && h.channel === channel) byDay.set(h.days, (byDay.get(h.days) ?? 0) + h.cells);
    return [...byDay].map(([days, cells]) => ({ days, cells })).sort((a, b) => a.days - b.days);
  };
  const levels: LevelSummary[] = LEVELS.map((level) => {
    const inLevel = dashboardGroups.filter((g) => g.level === level);
    const packRates = rates
      .filter((r) => r.groupId === null && r.level === level)
      .map((r) => ({ number: r.number!, recipients: r.recipients, respondents: r.respondents }))
      .sort((a, b) => a.number - b.number);
    return {
      level,
      groups: inLevel.length,
      activeMembers: inLevel.reduce((s, g) => s + g.activeMembers, 0),
      recipients: inLevel.reduce((s, g) => s + g.recipients, 0),
      respondents: inLevel.reduce((s, g) => s + g.respondents, 0),
      quiet: inLevel.reduce((s, g) => s + g.quiet, 0),
      medianOnlineDays: histogramMedian(histogramOf(level, "ONLINE")),
      medianMailDays: histogramMedian(histogramOf(level, "MAIL")),
      packRates,
    };
  });

  return {
    organizations,
    organization,
    groups: dashboardGroups,
    levels,
    turnaround: { ONLINE: histogramOf(null, "ONLINE"), MAIL: histogramOf(null, "MAIL") },
    facilityIssues,
  };
}
