// A facilitator's week: what is waiting to be done in a group, as counts that each lead to the
// page where the work is done (docs/decisions/026-facilitators-week.md defines every count).
//
// All counts of any number of groups come from ONE statement (`weekRows`), whatever the data:
// the group page asks it for one group, the home page for all the groups a person facilitates.
// It reads the progress rollups where they already hold the answer (ProgressCell: answered or
// not; ProgressMailing: the last mailing; ProgressGroup: quiet members, by the one quiet rule of
// prisma/sql/functions/progress_is_quiet.sql), and the cell rule of lib/progress/cell-state.ts
// for "overdue", so a count and the progress page's filter it links to agree.
//
// Dates are UTC calendar days, as on the progress page.
import "server-only";
import { todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import type { GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { canInGroup } from "@/lib/permissions";
import { DEFAULT_TURNAROUND_DAYS } from "@/lib/progress/cell-state";

/** In the order the panel lists them: answers first (the reason the program exists), then mail, then e-messages. */
export const WEEK_KINDS = ["feedback", "transcribe", "printRun", "printed", "resend", "emessage", "overdue", "quiet"] as const;
export type WeekKind = (typeof WEEK_KINDS)[number];

/** One thing to do: `count` of `kind`, in pack `packNumber` (null for the group-wide counts). */
export type WeekItem = { kind: WeekKind; packNumber: number | null; count: number; href: string };

export type GroupWeek = { groupId: string; slug: string; name: string; items: WeekItem[] };

type WeekRow = { groupId: string; kind: WeekKind; packNumber: number | null; count: number };

/** Where each count leads. */
export function weekHref(slug: string, kind: WeekKind, packNumber: number | null): string {
  const group = `/groups/${slug}`;
  switch (kind) {
    case "feedback":
      return `${group}/packs/${packNumber}/responses`;
    case "transcribe":
      return "/transcribe";
    case "printRun":
    case "printed":
    case "resend":
      return `${group}/packs/${packNumber}/mail`;
    case "emessage":
      return `${group}/packs/${packNumber}/emessage`;
    case "overdue":
      return `${group}/progress?status=overdue`;
    case "quiet":
      return `${group}/progress?status=quiet`;
  }
}

/**
 * The counts of the given groups, in one statement. Only non-zero counts come back. The caller
 * has checked that the user may see them (staff of each group).
 */
async function weekRows(groupIds: string[], today: Date): Promise<WeekRow[]> {
  if (groupIds.length === 0) return [];
  const day = today.toISOString().slice(0, 10);
  return db.$queryRaw<WeekRow[]>`
    WITH g AS (
      SELECT g."id", coalesce(g."expectedTurnaroundDays", o."defaultTurnaroundDays", ${DEFAULT_TURNAROUND_DAYS}::int) AS "turnaround"
        FROM "Group" g JOIN "Organization" o ON o."id" = g."organizationId"
       WHERE g."id" = ANY(${groupIds})
    ),
    pk AS (
      SELECT p."id", p."groupId", p."number", p."dueDate", g."turnaround"
        FROM "Pack" p JOIN g ON g."id" = p."groupId"
       WHERE p."status" = 'PUBLISHED'
    ),
    -- Every delivery of a published pack to an active member, with what the rollups know of it.
    d AS (
      SELECT pk."groupId", pk."number", pk."id" AS "packId", pk."dueDate", pk."turnaround",
             dl."memberId", dl."channel", dl."status", pm."mailedOn",
             coalesce(c."answeredPrompts", 0) > 0 AS "answered",
             (${day}::date - pm."mailedOn") AS "sinceMailed",
             EXISTS (SELECT 1 FROM "PrintRun" pr
                       CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(pr."summary") = 'array' THEN pr."summary" ELSE '[]'::jsonb END) e
                      WHERE pr."packId" = pk."id" AND pr."status" = 'DONE'
                        AND e->>'memberId' = dl."memberId" AND coalesce((e->>'envelopes')::numeric, 0) > 0) AS "printed"
        FROM pk
        JOIN "Delivery" dl ON dl."packId" = pk."id"
        JOIN "Member" m ON m."id" = dl."memberId" AND m."status" = 'ACTIVE'
        LEFT JOIN "ProgressMailing" pm ON pm."deliveryId" = dl."id"
        LEFT JOIN "ProgressCell" c ON c."packId" = dl."packId" AND c."memberId" = dl."memberId"
    )
    SELECT pk."groupId", 'feedback' AS "kind", pk."number" AS "packNumber", count(*)::int AS "count"
      FROM pk
      JOIN "Response" r ON r."packId" = pk."id" AND r."status" = 'SUBMITTED'
      JOIN "Member" m ON m."id" = r."memberId" AND m."status" IN ('ACTIVE', 'PAUSED', 'COMPLETED')
     WHERE NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."responseId" = r."id")
     GROUP BY pk."groupId", pk."number"
    UNION ALL
    SELECT "groupId", 'transcribe', "number", count(*)::int FROM d
     WHERE "channel" = 'MAIL' AND "status" IN ('MAILED', 'DELIVERED', 'RESENT') AND NOT "answered"
       AND "sinceMailed" * 2 > "turnaround"
     GROUP BY "groupId", "number"
    UNION ALL
    SELECT "groupId", 'printRun', "number", count(*)::int FROM d
     WHERE "channel" = 'MAIL' AND "status" = 'PREPARED' AND NOT "printed"
       AND NOT EXISTS (SELECT 1 FROM "PrintRun" pr WHERE pr."packId" = d."packId" AND pr."status" IN ('QUEUED', 'RUNNING'))
     GROUP BY "groupId", "number"
    UNION ALL
    SELECT "groupId", 'printed', "number", count(*)::int FROM d
     WHERE "channel" = 'MAIL' AND "status" = 'PREPARED' AND "printed"
     GROUP BY "groupId", "number"
    UNION ALL
    SELECT "groupId", 'resend', "number", count(*)::int FROM d
     WHERE "channel" = 'MAIL' AND "status" IN ('RETURNED', 'REJECTED')
     GROUP BY "groupId", "number"
    UNION ALL
    -- E-message members whose pack is not yet sent, or bounced (docs/decisions/045).
    SELECT "groupId", 'emessage', "number", count(*)::int FROM d
     WHERE "channel" = 'EMESSAGE' AND "status" IN ('PREPARED', 'RETURNED')
     GROUP BY "groupId", "number"
    UNION ALL
    -- lib/progress/cell-state.ts's "overdue", for any published pack; a member counts once.
    SELECT "groupId", 'overdue', NULL, count(DISTINCT "memberId")::int FROM d
     WHERE NOT "answered" AND (
             ("channel" = 'ONLINE' AND "status" NOT IN ('RETURNED', 'REJECTED') AND "dueDate" < ${day}::date)
          OR ("channel" = 'MAIL' AND "status" NOT IN ('PREPARED', 'RETURNED', 'REJECTED') AND "sinceMailed" > "turnaround"))
     GROUP BY "groupId"
    UNION ALL
    SELECT pg."groupId", 'quiet', NULL, pg."quiet" FROM "ProgressGroup" pg JOIN g ON g."id" = pg."groupId" WHERE pg."quiet" > 0`;
}

function toItems(slug: string, rows: WeekRow[]): WeekItem[] {
  return rows
    .filter((r) => r.count > 0)
    .sort((a, b) => WEEK_KINDS.indexOf(a.kind) - WEEK_KINDS.indexOf(b.kind) || (a.packNumber ?? 0) - (b.packNumber ?? 0))
    .map((r) => ({ kind: r.kind, packNumber: r.packNumber, count: r.count, href: weekHref(slug, r.kind, r.packNumber) }));
}

/** The group's week, for its staff (facilitators and the organization's organizers); null for anyone else. */
export async function getGroupWeek(ctx: GroupContext, today = todayDate(ctx.group.timeZone)): Promise<WeekItem[] | null> {
  if (!canInGroup(ctx.roles, "progress.view")) return null;
  return toItems(ctx.group.slug, await weekRows([ctx.group.id], today));
}

/**
 * The home page's summary: the week of every group the user facilitates (not archived), in two
 * statements whatever the number of groups. Organizers see each group's week on its page; their
 * home page would otherwise list every group of the organization.
 */
export async function getWeekSummary(user: CurrentUser, today = todayDate(user.timeZone ?? "UTC")): Promise<GroupWeek[]> {
  const groups = await db.group.findMany({
    where: { archivedAt: null, facilitators: { some: { userId: user.id } } },
    select: { id: true, slug: true, name: true },
    orderBy: [{ level: "asc" }, { name: "asc" }],
  });
  const rows = await weekRows(
    groups.map((g) => g.id),
    today,
  );
  return groups.map((g) => ({ groupId: g.id, slug: g.slug, name: g.name, items: toItems(g.slug, rows.filter((r) => r.groupId === g.id)) }));
}
