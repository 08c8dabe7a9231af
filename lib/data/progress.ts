// The group progress matrix: every member × published pack, one state per cell
// (lib/progress/cell-state.ts), read in a fixed number of queries however large the group:
// packs and members, then in one query each cell's delivery (with its last mailing and refusal
// from the ProgressMailing rollup, joined by pack and member) beside its answered counts from the ProgressCell rollup, and —
// when one pack is opened — that pack's answers per prompt. The page shows a window of PACK_WINDOW packs (the latest by
// default, `upto` pages back) and reads only those packs' deliveries and cells — unless a status
// filter over any pack needs them all; the CSV export asks for every pack.
import "server-only";
import { todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import type { Channel, DeliveryStatus, MemberStatus } from "@/lib/generated/prisma/enums";
import { cellState, expectedTurnaround, UNANSWERED_STATES, type CellState } from "@/lib/progress/cell-state";
import { PACK_WINDOW, progressQuery, type ProgressFilters } from "@/lib/progress/filters";
import { writeAudit } from "@/lib/data/audit";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

export type ProgressPack = { id: string; number: number; title: string; publishedAt: Date | null; dueDate: Date | null; prompts: number; recipients: number; respondents: number };
export type ProgressCellView = {
  packNumber: number;
  state: CellState;
  answeredPrompts: number;
  mailedOn: Date | null;
  reason: string | null;
  /** Only for the opened pack: each prompt answered, with feedback, or not. */
  prompts?: { promptId: string; answered: boolean; feedback: boolean }[];
};
export type ProgressRow = {
  member: { id: string; penName: string; channel: Channel; status: MemberStatus; legalName?: string; facility?: string | null };
  quiet: boolean;
  cells: ProgressCellView[];
};
export type GroupProgress = {
  personal: boolean;
  turnaroundDays: number;
  /** The packs shown (the window), oldest first; each row has one cell per pack here. */
  packs: ProgressPack[];
  /** Every published pack, oldest first (for the pack filter and the rate chart). */
  allPacks: ProgressPack[];
  /** The `upto` of the previous and next window, or null at either end. */
  pager: { earlier: number | null; later: number | null };
  openPack: { number: number; prompts: { id: string; label: string }[] } | null;
  rows: ProgressRow[];
  /** Members before filtering. */
  total: number;
  facilities: { id: string; name: string }[];
};

type MemberRow = { id: string; penName: string; channel: Channel; status: MemberStatus; legalName: string | null; facilityId: string | null; facility: string | null; quiet: boolean };
/** A cell's facts; the delivery's columns are null where there is none. */
type CellRow = { packId: string; memberId: string; channel: Channel | null; status: DeliveryStatus | null; mailedOn: Date | null; reason: string | null; answeredPrompts: number; feedbackCount: number };

/**
 * The progress page: when it shows legal names and facilities (staff), the look is recorded —
 * written beside the reads (who may look is known from the roles alone), so the page does not
 * wait for one more round trip and commit.
 */
export async function viewGroupProgress(ctx: GroupContext, filters: ProgressFilters = {}): Promise<GroupProgress> {
  const audited =
    canInGroup(ctx.roles, "progress.view") && canInGroup(ctx.roles, "member.viewPersonal")
      ? writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "progress.view", entityType: "Group", entityId: ctx.group.id, groupId: ctx.group.id })
      : Promise.resolve();
  const [data] = await Promise.all([getGroupProgress(ctx, filters), audited]);
  return data;
}

/** The progress matrix for its CSV (no opened pack): when it holds legal names and facilities, the download is recorded with its filters. */
export async function exportGroupProgress(ctx: GroupContext, filters: ProgressFilters = {}): Promise<GroupProgress> {
  // Every pack, whatever window the page shows.
  const data = await getGroupProgress(ctx, { ...filters, open: undefined, upto: undefined }, todayDate(ctx.group.timeZone), { allPacks: true });
  if (data.personal) {
    await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "progress.export", entityType: "Group", entityId: ctx.group.id, groupId: ctx.group.id, details: { filters: progressQuery(filters), rows: data.rows.length } });
  }
  return data;
}

/**
 * The window of packs to show: PACK_WINDOW packs ending at `upto` (or the latest; a full window
 * from the first pack when `upto` is near it), holding the opened or filtered pack when no
 * `upto` is given.
 */
function packWindow(packs: ProgressPack[], filters: ProgressFilters): { start: number; end: number } {
  if (packs.length === 0) return { start: 0, end: -1 };
  let end = packs.length - 1;
  if (filters.upto !== undefined) {
    const at = packs.findLastIndex((p) => p.number <= filters.upto!);
    end = at < 0 ? Math.min(packs.length, PACK_WINDOW) - 1 : at;
  }
  let start = Math.max(0, end - PACK_WINDOW + 1);
  const target = filters.upto === undefined ? packs.findIndex((p) => p.number === (filters.pack ?? filters.open)) : -1;
  if (target >= 0 && target < start) start = target;
  // A window near the first pack is still a full one.
  end = Math.min(packs.length - 1, start + PACK_WINDOW - 1);
  return { start, end };
}

export async function getGroupProgress(ctx: GroupContext, filters: ProgressFilters = {}, today = todayDate(ctx.group.timeZone), options: { allPacks?: boolean } = {}): Promise<GroupProgress> {
  if (!canInGroup(ctx.roles, "progress.view")) throw notFound();
  const personal = canInGroup(ctx.roles, "member.viewPersonal");
  const groupId = ctx.group.id;
  const [settings, packs, members] = await Promise.all([
    db.$queryRaw<{ groupDays: number | null; orgDays: number }[]>`
      SELECT g."expectedTurnaroundDays" AS "groupDays", o."defaultTurnaroundDays" AS "orgDays"
        FROM "Group" g JOIN "Organization" o ON o."id" = g."organizationId" WHERE g."id" = ${groupId}`,
    db.$queryRaw<ProgressPack[]>`
      SELECT pk."id", pk."number", pk."title", pk."publishedAt", pk."dueDate",
             (SELECT count(*) FROM "PackLesson" pl JOIN "Prompt" pr ON pr."lessonId" = pl."lessonId" WHERE pl."packId" = pk."id")::int AS "prompts",
             coalesce(r."recipients", 0) AS "recipients", coalesce(r."respondents", 0) AS "respondents"
        FROM "Pack" pk LEFT JOIN "ProgressPackRollup" r ON r."packId" = pk."id" AND r."groupId" = ${groupId}
       WHERE pk."groupId" = ${groupId} AND pk."status" = 'PUBLISHED'
       ORDER BY pk."number"`,
    // Quiet or not: the rule's one definition, in SQL (prisma/sql/functions/progress_is_quiet.sql),
    // which the dashboard's count of quiet members also uses. Each member's rollup row is read by
    // its key in a subquery: as a join, the planner hashed the whole ProgressMember table (20,000
    // rows at the large scale, 1.2 of the query's 2.7 ms) to find the group's hundred.
    db.$queryRaw<MemberRow[]>`
      SELECT m."id", m."penName", m."channel", m."status",
             CASE WHEN ${personal} THEN p."legalName" END AS "legalName",
             CASE WHEN ${personal} THEN f."id" END AS "facilityId",
             CASE WHEN ${personal} THEN f."name" END AS "facility",
             progress_is_quiet(m."status", m."joinedAt",
                               (SELECT pm."lastAnsweredNumber" FROM "ProgressMember" pm WHERE pm."memberId" = m."id"),
                               q."number", q."publishedAt") AS "quiet"
        FROM "Member" m
        JOIN "Person" p ON p."id" = m."personId"
        LEFT JOIN "Facility" f ON f."id" = p."facilityId"
        LEFT JOIN progress_quiet_pack(${groupId}) q ON true
       WHERE m."groupId" = ${groupId} AND m."status" IN ('ACTIVE', 'PAUSED', 'COMPLETED')
       ORDER BY m."penName", m."id"`,
  ]);
  const { start, end } = options.allPacks ? { start: 0, end: packs.length - 1 } : packWindow(packs, filters);
  const shown = packs.slice(start, end + 1);
  // The packs whose cells are read: the window, the filtered pack, or all of them when a status
  // filter looks at any pack.
  const needAll = options.allPacks || (filters.status !== undefined && filters.status !== "quiet" && filters.pack === undefined);
  const read = needAll ? packs : packs.filter((p, i) => (i >= start && i <= end) || p.number === filters.pack);
  const readIds = read.map((p) => p.id);
  // Each member × pack cell of those packs in one read: the delivery (with its last mailing and
  // refusal from the ProgressMailing rollup) beside the answered counts of the ProgressCell rollup.
  // All three are read by one index range over the packs and joined by hash on (pack, member):
  // joining the mailings by delivery id was a probe per delivery, 6 of the query's 8–9 ms at the
  // large scale (decision 043). The packs are the group's own (read above), so no further group
  // check is needed here.
  const openPackRow = filters.open ? shown.find((p) => p.number === filters.open) : undefined;
  const [cells, openPrompts, openAnswers] = await Promise.all([
    db.$queryRaw<CellRow[]>`
    SELECT coalesce(d."packId", c."packId") AS "packId", coalesce(d."memberId", c."memberId") AS "memberId",
           d."channel", d."status", pm."mailedOn",
           CASE WHEN d."status" = pm."refusalStatus" THEN pm."refusalReason" END AS "reason",
           coalesce(c."answeredPrompts", 0) AS "answeredPrompts", coalesce(c."feedbackCount", 0) AS "feedbackCount"
      FROM (SELECT "id", "packId", "memberId", "channel", "status" FROM "Delivery" WHERE "packId" = ANY(${readIds})) d
      LEFT JOIN (SELECT "packId", "memberId", "mailedOn", "refusalStatus", "refusalReason" FROM "ProgressMailing"
                  WHERE "packId" = ANY(${readIds})) pm
        ON pm."packId" = d."packId" AND pm."memberId" = d."memberId"
      FULL JOIN (SELECT "packId", "memberId", "answeredPrompts", "feedbackCount" FROM "ProgressCell"
                  WHERE "packId" = ANY(${readIds})) c
        ON c."packId" = d."packId" AND c."memberId" = d."memberId"`,
    // The opened pack's prompts, and who answered each (with feedback or not).
    openPackRow
      ? db.$queryRaw<{ id: string; lesson: number; position: number }[]>`
          SELECT pr."id", pl."position" AS "lesson", pr."position"
            FROM "PackLesson" pl JOIN "Prompt" pr ON pr."lessonId" = pl."lessonId"
           WHERE pl."packId" = ${openPackRow.id} ORDER BY pl."position", pr."position"`
      : [],
    openPackRow
      ? db.$queryRaw<{ memberId: string; promptId: string; feedback: boolean }[]>`
          SELECT r."memberId", r."promptId", EXISTS (SELECT 1 FROM "Feedback" f WHERE f."responseId" = r."id") AS "feedback"
            FROM "Response" r WHERE r."packId" = ${openPackRow.id} AND r."status" = 'SUBMITTED'`
      : [],
  ]);
  const turnaroundDays = expectedTurnaround(settings[0]?.groupDays, settings[0]?.orgDays);

  const key = (packId: string, memberId: string) => `${packId}:${memberId}`;
  const cellOf = new Map(cells.map((c) => [key(c.packId, c.memberId), c]));
  const answerOf = new Map(openAnswers.map((a) => [`${a.memberId}:${a.promptId}`, a]));

  const allRows: ProgressRow[] = members.map((m) => ({
    member: {
      id: m.id,
      penName: m.penName,
      channel: m.channel,
      status: m.status,
      ...(personal ? { legalName: m.legalName ?? "", facility: m.facility } : {}),
    },
    quiet: m.quiet,
    cells: read.map((p) => {
      const c = cellOf.get(key(p.id, m.id));
      const state = cellState({
        delivery: c?.channel && c.status ? { channel: c.channel, status: c.status, mailedOn: c.mailedOn } : null,
        answeredPrompts: c?.answeredPrompts ?? 0,
        feedbackCount: c?.feedbackCount ?? 0,
        dueDate: p.dueDate,
        turnaroundDays,
        today,
      });
      return {
        packNumber: p.number,
        state,
        answeredPrompts: c?.answeredPrompts ?? 0,
        mailedOn: c?.mailedOn ?? null,
        reason: c?.reason ?? null,
        ...(p === openPackRow
          ? { prompts: openPrompts.map((pr) => ({ promptId: pr.id, answered: answerOf.has(`${m.id}:${pr.id}`), feedback: answerOf.get(`${m.id}:${pr.id}`)?.feedback ?? false })) }
          : {}),
      };
    }),
  }));

  const facilityById = new Map<string, string>();
  for (const m of members) if (m.facilityId && m.facility) facilityById.set(m.facilityId, m.facility);
  const facilityOfMember = new Map(members.map((m) => [m.id, m.facilityId]));
  const wanted = (state: CellState) => (filters.status === "unanswered" ? UNANSWERED_STATES.includes(state) : state === filters.status);
  const rows = allRows.filter((r) => {
    if (filters.channel && r.member.channel !== filters.channel) return false;
    if (filters.facility && (!personal || facilityOfMember.get(r.member.id) !== filters.facility)) return false;
    if (filters.status === "quiet") return r.quiet;
    if (filters.status) {
      const considered = filters.pack ? r.cells.filter((c) => c.packNumber === filters.pack) : r.cells;
      return considered.some((c) => wanted(c.state));
    }
    return true;
  });
  // Cells read only for the filter are not shown.
  const shownNumbers = new Set(shown.map((p) => p.number));
  if (read.length !== shown.length) for (const r of rows) r.cells = r.cells.filter((c) => shownNumbers.has(c.packNumber));

  return {
    personal,
    turnaroundDays,
    packs: shown,
    allPacks: packs,
    pager: {
      earlier: start > 0 ? packs[start - 1]!.number : null,
      later: end < packs.length - 1 ? packs[Math.min(packs.length - 1, end + PACK_WINDOW)]!.number : null,
    },
    openPack: openPackRow ? { number: openPackRow.number, prompts: openPrompts.map((p) => ({ id: p.id, label: `${p.lesson}.${p.position}` })) } : null,
    rows,
    total: allRows.length,
    facilities: [...facilityById].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
