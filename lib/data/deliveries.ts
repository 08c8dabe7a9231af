// The mail log of a pack: each delivery's status and the events that moved it.
//
// A mailed pack goes prepared → mailed → delivered, or → returned / rejected by the mailroom
// (with a reason) → resent → … Online deliveries are "delivered" when the pack is published.
// Every change is an event with its date and who recorded it; Delivery.status mirrors the
// latest one so the counts per status are one GROUP BY.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { writeAudit } from "@/lib/data/audit";
import type { DeliveryStatus, Prisma } from "@/lib/generated/prisma/client";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** Which status may follow which, for mail. RESPONDED is set by a response, never by hand. */
export const NEXT_STATUSES: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  PREPARED: ["MAILED"],
  MAILED: ["DELIVERED", "RETURNED", "REJECTED"],
  RESENT: ["DELIVERED", "RETURNED", "REJECTED"],
  DELIVERED: ["RETURNED", "REJECTED"],
  RETURNED: ["RESENT"],
  REJECTED: ["RESENT"],
  RESPONDED: [],
};

export const NEEDS_REASON: readonly DeliveryStatus[] = ["RETURNED", "REJECTED"];

function assertStaff(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "delivery.manage")) throw notFound();
}

async function packOf(ctx: GroupContext, packNumber: number) {
  const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number: packNumber, status: "PUBLISHED" }, select: { id: true, number: true, title: true } });
  if (!pack) throw notFound();
  return pack;
}

/** The mail log: every delivery of the pack with its events, and counts per status (2 queries). */
export async function getMailLog(ctx: GroupContext, packNumber: number) {
  assertStaff(ctx);
  const pack = await packOf(ctx, packNumber);
  const [deliveries, counts] = await Promise.all([
    db.delivery.findMany({
      where: { packId: pack.id },
      select: {
        id: true,
        channel: true,
        status: true,
        mailedTo: true,
        member: {
          select: {
            id: true,
            penName: true,
            person: { select: { legalName: true, idNumber: true, housingUnit: true, facility: { select: { name: true } } } },
          },
        },
        events: { orderBy: { createdAt: "asc" }, select: { id: true, status: true, occurredOn: true, reason: true, note: true, createdAt: true, actorId: true } },
      },
      orderBy: [{ channel: "desc" }, { member: { penName: "asc" } }],
    }),
    db.delivery.groupBy({ by: ["status"], where: { packId: pack.id }, _count: { _all: true } }),
  ]);
  const actorIds = [...new Set(deliveries.flatMap((d) => d.events.map((e) => e.actorId)).filter((id): id is string => Boolean(id)))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    pack,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<DeliveryStatus, number>>,
    deliveries: deliveries.map((d) => ({ ...d, events: d.events.map((e) => ({ ...e, actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null })) })),
  };
}

/** The mail log as the page shows it: legal names and ID numbers are on it, so the look is recorded. */
export async function viewMailLog(ctx: GroupContext, packNumber: number) {
  const log = await getMailLog(ctx, packNumber);
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "mailLog.view", entityType: "Pack", entityId: log.pack.id, groupId: ctx.group.id });
  return log;
}

type MailedTo = { legalName: string; idNumber: string | null; housingUnit: string | null; facility: string | null; addressLines: string[] };

async function addressSnapshot(tx: Prisma.TransactionClient, memberIds: string[]): Promise<Map<string, MailedTo>> {
  const members = await tx.member.findMany({
    where: { id: { in: memberIds } },
    select: { id: true, person: { select: { legalName: true, idNumber: true, housingUnit: true, facility: { select: { name: true, addressLines: true } } } } },
  });
  return new Map(
    members.map((m) => [
      m.id,
      { legalName: m.person.legalName, idNumber: m.person.idNumber, housingUnit: m.person.housingUnit, facility: m.person.facility?.name ?? null, addressLines: m.person.facility?.addressLines ?? [] },
    ]),
  );
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Records one change of a mail delivery, if that change may follow its current status. */
export async function recordDeliveryEvent(
  ctx: GroupContext,
  input: { packNumber: number; deliveryId: string; status: DeliveryStatus; occurredOn: string; reason?: string; note?: string },
) {
  assertStaff(ctx);
  const pack = await packOf(ctx, input.packNumber);
  return db.$transaction(async (tx) => {
    // Locks the delivery so two volunteers updating it at once apply one after the other.
    const rows = await tx.$queryRaw<{ id: string; status: DeliveryStatus; channel: string; memberId: string }[]>`
      SELECT "id", "status"::text AS "status", "channel"::text AS "channel", "memberId" FROM "Delivery" WHERE "id" = ${input.deliveryId} AND "packId" = ${pack.id} FOR UPDATE`;
    const delivery = rows[0];
    if (!delivery || delivery.channel !== "MAIL") throw notFound();
    if (!NEXT_STATUSES[delivery.status].includes(input.status)) throw new AppError("CONFLICT", "mail.errors.transition");
    if (NEEDS_REASON.includes(input.status) && !input.reason?.trim()) throw new AppError("INVALID", "mail.validation.reasonRequired");
    const mailing = input.status === "MAILED" || input.status === "RESENT";
    const mailedTo = mailing ? (await addressSnapshot(tx, [delivery.memberId])).get(delivery.memberId) : undefined;
    await tx.delivery.update({
      where: { id: delivery.id },
      data: {
        status: input.status,
        ...(mailedTo ? { mailedTo } : {}),
        events: { create: { status: input.status, occurredOn: day(input.occurredOn), reason: input.reason?.trim() || null, note: input.note?.trim() || null, actorId: ctx.user.id } },
      },
    });
    return { status: input.status };
  });
}

/**
 * "Mark all printed as mailed today": every prepared mail delivery of the pack, in one go.
 * When the pack has a finished print run, "printed" means in that run: a member left out of it
 * (a pack too long for their facility) is not marked as mailed.
 */
export async function markPreparedAsMailed(ctx: GroupContext, input: { packNumber: number; occurredOn: string }) {
  assertStaff(ctx);
  const pack = await packOf(ctx, input.packNumber);
  const lastRun = await db.printRun.findFirst({ where: { packId: pack.id, status: "DONE" }, orderBy: { createdAt: "desc" }, select: { summary: true } });
  const summary = Array.isArray(lastRun?.summary) ? (lastRun.summary as { memberId?: string; envelopes?: number }[]) : null;
  const leftOut = new Set((summary ?? []).filter((m) => !m.envelopes).map((m) => m.memberId));
  return db.$transaction(async (tx) => {
    const prepared = (
      await tx.$queryRaw<{ id: string; memberId: string }[]>`
        SELECT "id", "memberId" FROM "Delivery" WHERE "packId" = ${pack.id} AND "channel" = 'MAIL' AND "status" = 'PREPARED' FOR UPDATE`
    ).filter((d) => !leftOut.has(d.memberId));
    if (prepared.length === 0) return { count: 0 };
    const ids = prepared.map((d) => d.id);
    // One statement for the whole pack: each delivery keeps the address it is mailed to.
    await tx.$executeRaw`
      UPDATE "Delivery" AS d
         SET "status" = 'MAILED', "updatedAt" = now(),
             "mailedTo" = jsonb_build_object(
               'legalName', p."legalName", 'idNumber', p."idNumber", 'housingUnit', p."housingUnit",
               'facility', f."name", 'addressLines', COALESCE(to_jsonb(f."addressLines"), '[]'::jsonb))
        FROM "Member" AS m
        JOIN "Person" AS p ON p."id" = m."personId"
        LEFT JOIN "Facility" AS f ON f."id" = p."facilityId"
       WHERE d."memberId" = m."id" AND d."id" = ANY(${ids})`;
    await tx.deliveryEvent.createMany({ data: prepared.map((d) => ({ deliveryId: d.id, status: "MAILED" as const, occurredOn: day(input.occurredOn), actorId: ctx.user.id })) });
    return { count: prepared.length };
  });
}
