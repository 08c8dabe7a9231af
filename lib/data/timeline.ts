// A member's timeline: everything that happened to the person, in order, across every group of
// the organization the viewer may see (all for an organizer, their own groups for a
// facilitator): enrolments, person events (transfers, moves, pauses…), deliveries and their
// events, responses and their later versions, feedback. Six queries whatever the history.
// A long history is shown from its latest `limit` events (the page links to all of them).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { writeAudit } from "@/lib/data/audit";
import type { Channel, DeliveryStatus, MemberStatus, PersonEventKind, ResponseSource } from "@/lib/generated/prisma/enums";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

type Where = { groupName: string; groupSlug: string };
export type TimelineItem = Where &
  (
    | { kind: "enrolled"; at: Date; channel: Channel; penName: string }
    | { kind: "ended"; at: Date; status: MemberStatus }
    | { kind: "personEvent"; at: Date; event: PersonEventKind; reason: string | null; details: unknown }
    | { kind: "delivery"; at: Date; status: DeliveryStatus; channel: Channel; packNumber: number; packTitle: string; reason: string | null; note: string | null }
    | { kind: "response"; at: Date; version: number; source: ResponseSource; packNumber: number; prompt: string; receivedOn: Date | null }
    | { kind: "feedback"; at: Date; author: string; packNumber: number; prompt: string }
  );

export type MemberTimeline = {
  personal: boolean;
  member: { id: string; penName: string; channel: Channel; status: MemberStatus; personId: string; legalName?: string; facility?: string | null; idNumber?: string | null };
  /** Oldest first; the latest `limit` when one is given. */
  items: TimelineItem[];
  /** Events in the whole history. */
  total: number;
};

/** How many of the latest events the timeline page shows before "show all". */
export const TIMELINE_LIMIT = 100;

const ORDER: Record<TimelineItem["kind"], number> = { enrolled: 0, personEvent: 1, delivery: 2, response: 3, feedback: 4, ended: 5 };

/**
 * The timeline page: when it shows the member's legal name, facility and ID (staff), the look is
 * recorded — written beside the reads once the member is found, so the page waits for one round
 * trip (and commit) fewer.
 */
export async function viewMemberTimeline(ctx: GroupContext, memberId: string, limit?: number): Promise<MemberTimeline> {
  return getMemberTimeline(ctx, memberId, limit, { audit: true });
}

export async function getMemberTimeline(ctx: GroupContext, memberId: string, limit?: number, options: { audit?: boolean } = {}): Promise<MemberTimeline> {
  if (!canInGroup(ctx.roles, "progress.view")) throw notFound();
  const personal = canInGroup(ctx.roles, "member.viewPersonal");
  const rows = await db.$queryRaw<{ id: string; penName: string; channel: Channel; status: MemberStatus; personId: string; legalName: string; facility: string | null; idNumber: string | null }[]>`
    SELECT m."id", m."penName", m."channel", m."status", m."personId", p."legalName", f."name" AS "facility", p."idNumber"
      FROM "Member" m JOIN "Person" p ON p."id" = m."personId" LEFT JOIN "Facility" f ON f."id" = p."facilityId"
     WHERE m."id" = ${memberId} AND m."groupId" = ${ctx.group.id}`;
  const m = rows[0];
  if (!m) throw notFound();
  const audited =
    options.audit && personal
      ? writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "timeline.view", entityType: "Member", entityId: memberId, groupId: ctx.group.id, personId: m.personId })
      : Promise.resolve();
  const organizer = ctx.roles.includes("ORGANIZER");
  const orgId = ctx.group.organizationId;
  const viewer = ctx.user.id;
  // Every read below keeps to the person's enrolments in groups this viewer may see.

  const [, enrolments, personEvents, deliveries, responses, feedback] = await Promise.all([
    audited,
    db.$queryRaw<{ id: string; penName: string; channel: Channel; status: MemberStatus; joinedAt: Date; endedAt: Date | null; groupName: string; groupSlug: string }[]>`
      SELECT m."id", m."penName", m."channel", m."status", m."joinedAt", m."endedAt", g."name" AS "groupName", g."slug" AS "groupSlug"
        FROM "Member" m JOIN "Group" g ON g."id" = m."groupId"
       WHERE m."personId" = ${m.personId} AND g."organizationId" = ${orgId}
         AND (${organizer} OR EXISTS (SELECT 1 FROM "Facilitator" fa WHERE fa."groupId" = g."id" AND fa."userId" = ${viewer}))`,
    db.$queryRaw<{ kind: PersonEventKind; occurredOn: Date; createdAt: Date; reason: string | null; details: unknown; groupName: string | null; groupSlug: string | null }[]>`
      SELECT e."kind", e."occurredOn", e."createdAt", e."reason", e."details", g."name" AS "groupName", g."slug" AS "groupSlug"
        FROM "PersonEvent" e LEFT JOIN "Member" m ON m."id" = e."memberId" LEFT JOIN "Group" g ON g."id" = m."groupId"
       WHERE e."personId" = ${m.personId}
         AND (e."memberId" IS NULL OR (g."organizationId" = ${orgId}
              AND (${organizer} OR EXISTS (SELECT 1 FROM "Facilitator" fa WHERE fa."groupId" = g."id" AND fa."userId" = ${viewer}))))`,
    db.$queryRaw<{ status: DeliveryStatus; occurredOn: Date; createdAt: Date; reason: string | null; note: string | null; channel: Channel; packNumber: number; packTitle: string; groupName: string; groupSlug: string }[]>`
      SELECT e."status", e."occurredOn", e."createdAt", e."reason", e."note", d."channel", pk."number" AS "packNumber", pk."title" AS "packTitle",
             g."name" AS "groupName", g."slug" AS "groupSlug"
        FROM "Member" m JOIN "Group" g ON g."id" = m."groupId"
        JOIN "Delivery" d ON d."memberId" = m."id" JOIN "Pack" pk ON pk."id" = d."packId"
        JOIN "DeliveryEvent" e ON e."deliveryId" = d."id"
       WHERE m."personId" = ${m.personId} AND g."organizationId" = ${orgId}
         AND (${organizer} OR EXISTS (SELECT 1 FROM "Facilitator" fa WHERE fa."groupId" = g."id" AND fa."userId" = ${viewer}))`,
    db.$queryRaw<{ version: number; createdAt: Date; source: ResponseSource; receivedOn: Date | null; packNumber: number; lesson: number; prompt: number; groupName: string; groupSlug: string }[]>`
      SELECT v."version", v."createdAt", r."source", r."receivedOn", pk."number" AS "packNumber", l."position" AS "lesson", pr."position" AS "prompt",
             g."name" AS "groupName", g."slug" AS "groupSlug"
        FROM "Member" m JOIN "Group" g ON g."id" = m."groupId"
        JOIN "Response" r ON r."memberId" = m."id" JOIN "Pack" pk ON pk."id" = r."packId"
        JOIN "Prompt" pr ON pr."id" = r."promptId" JOIN "Lesson" l ON l."id" = pr."lessonId"
        JOIN "ResponseVersion" v ON v."responseId" = r."id"
       WHERE m."personId" = ${m.personId} AND g."organizationId" = ${orgId}
         AND (${organizer} OR EXISTS (SELECT 1 FROM "Facilitator" fa WHERE fa."groupId" = g."id" AND fa."userId" = ${viewer}))`,
    db.$queryRaw<{ createdAt: Date; author: string; packNumber: number; lesson: number; prompt: number; groupName: string; groupSlug: string }[]>`
      SELECT f."createdAt", u."name" AS "author", pk."number" AS "packNumber", l."position" AS "lesson", pr."position" AS "prompt",
             g."name" AS "groupName", g."slug" AS "groupSlug"
        FROM "Member" m JOIN "Group" g ON g."id" = m."groupId"
        JOIN "Response" r ON r."memberId" = m."id" JOIN "Pack" pk ON pk."id" = r."packId"
        JOIN "Prompt" pr ON pr."id" = r."promptId" JOIN "Lesson" l ON l."id" = pr."lessonId"
        JOIN "Feedback" f ON f."responseId" = r."id" JOIN "User" u ON u."id" = f."authorId"
       WHERE m."personId" = ${m.personId} AND g."organizationId" = ${orgId}
         AND (${organizer} OR EXISTS (SELECT 1 FROM "Facilitator" fa WHERE fa."groupId" = g."id" AND fa."userId" = ${viewer}))`,
  ]);

  const here = { groupName: ctx.group.name, groupSlug: ctx.group.slug };
  const items: TimelineItem[] = [
    ...enrolments.flatMap((e): TimelineItem[] => [
      { kind: "enrolled", at: e.joinedAt, channel: e.channel, penName: e.penName, groupName: e.groupName, groupSlug: e.groupSlug },
      ...(e.endedAt ? [{ kind: "ended" as const, at: e.endedAt, status: e.status, groupName: e.groupName, groupSlug: e.groupSlug }] : []),
    ]),
    ...personEvents.map((e): TimelineItem => ({
      kind: "personEvent",
      at: e.occurredOn,
      event: e.kind,
      reason: e.reason,
      details: personal ? e.details : null,
      ...(e.groupName && e.groupSlug ? { groupName: e.groupName, groupSlug: e.groupSlug } : here),
    })),
    ...deliveries.map((d): TimelineItem => ({ kind: "delivery", at: d.occurredOn, status: d.status, channel: d.channel, packNumber: d.packNumber, packTitle: d.packTitle, reason: d.reason, note: d.note, groupName: d.groupName, groupSlug: d.groupSlug })),
    ...responses.map((r): TimelineItem => ({
      kind: "response",
      at: r.version === 1 && r.receivedOn ? r.receivedOn : r.createdAt,
      version: r.version,
      source: r.source,
      packNumber: r.packNumber,
      prompt: `${r.lesson}.${r.prompt}`,
      receivedOn: r.version === 1 ? r.receivedOn : null,
      groupName: r.groupName,
      groupSlug: r.groupSlug,
    })),
    ...feedback.map((f): TimelineItem => ({ kind: "feedback", at: f.createdAt, author: f.author, packNumber: f.packNumber, prompt: `${f.lesson}.${f.prompt}`, groupName: f.groupName, groupSlug: f.groupSlug })),
  ];
  // By day first (events recorded by date only sort with that day's timed ones), then by kind.
  // The day of each event is worked out once, not on every comparison.
  const DAY = 86_400_000;
  const keyed = items.map((item) => ({ item, day: Math.floor(item.at.getTime() / DAY), time: item.at.getTime() }));
  keyed.sort((a, b) => a.day - b.day || ORDER[a.item.kind] - ORDER[b.item.kind] || a.time - b.time);
  items.splice(0, items.length, ...keyed.map((k) => k.item));

  return {
    personal,
    member: {
      id: m.id,
      penName: m.penName,
      channel: m.channel,
      status: m.status,
      personId: m.personId,
      ...(personal ? { legalName: m.legalName, facility: m.facility, idNumber: m.idNumber } : {}),
    },
    items: limit !== undefined && items.length > limit ? items.slice(-limit) : items,
    total: items.length,
  };
}
