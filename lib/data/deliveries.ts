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
import { writeAudit } from "@/lib/data/audit";
import { assertStaff, packOf } from "@/lib/data/delivery-scope";
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


/**
 * Why a prepared mail delivery will not be printed by a print run (which takes active mail
 * members only, lib/packs/print-data.ts): the member moved, withdrew, paused or finished after
 * publication, switched to online, or was erased. Null for a delivery that will be printed, or
 * that is past "prepared". Keeps such deliveries out of the mail log's "to print" count.
 */
function notPrintedReason(d: { channel: string; status: DeliveryStatus; member: { status: string; channel: string; person: { erasedAt: Date | null } } }): SkipReason | null {
  if (d.channel !== "MAIL" || d.status !== "PREPARED") return null;
  return STATUS_REASON[d.member.status] ?? (d.member.channel !== "MAIL" ? channelReason(d.member.channel) : d.member.person.erasedAt ? "notInRun" : null);
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
            status: true,
            channel: true,
            person: { select: { legalName: true, idNumber: true, housingUnit: true, erasedAt: true, facility: { select: { name: true } } } },
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
    deliveries: deliveries.map((d) => ({
      ...d,
      notPrinted: notPrintedReason(d),
      events: d.events.map((e) => ({ ...e, actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null })),
    })),
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

/** Why a delivery of the pack was not marked as mailed with a print run. */
export type SkipReason = "moved" | "withdrawn" | "paused" | "completed" | "online" | "emessage" | "leftOut" | "notInRun" | "alreadyMarked";

/** A member who left the mail channel after publication: now online, or now sent packs by e-message. */
const channelReason = (channel: string): SkipReason => (channel === "EMESSAGE" ? "emessage" : "online");

export type MarkRunResult = {
  marked: number;
  /** Mail deliveries of the pack that the run printed, or that are still prepared, and were not marked; by legal name. */
  skipped: { deliveryId: string; legalName: string; penName: string; reason: SkipReason }[];
};

/** What the print run printed, from its summary: members with at least one envelope, and those it left out. */
function printedIn(summary: unknown): { printed: Set<string>; leftOut: Set<string> } {
  const rows = Array.isArray(summary) ? (summary as { memberId?: unknown; envelopes?: unknown; byPost?: unknown }[]) : [];
  const printed = new Set<string>();
  const leftOut = new Set<string>();
  for (const row of rows) {
    // An e-message member's by-post readings are recorded by the run itself (docs/decisions/054).
    if (typeof row?.memberId !== "string" || row.byPost === true) continue;
    (typeof row.envelopes === "number" && row.envelopes > 0 ? printed : leftOut).add(row.memberId);
  }
  return { printed, leftOut };
}

const STATUS_REASON: Partial<Record<string, SkipReason>> = { MOVED: "moved", WITHDRAWN: "withdrawn", PAUSED: "paused", COMPLETED: "completed" };

/**
 * "Mark all printed as mailed": the deliveries the chosen print run printed that are still
 * prepared, and nothing else. A member who moved to another group, withdrew or was paused since
 * (after publication, or even after the run was printed: their envelope is in the stack, and
 * must come out of it) is skipped, as are members the run left out or never had (joined after
 * it). The answer says how many were marked and which were skipped and why; a second call marks
 * nothing more. The run must be this pack's and finished.
 */
export async function markRunAsMailed(ctx: GroupContext, input: { packNumber: number; runId: string; occurredOn: string }): Promise<MarkRunResult> {
  assertStaff(ctx);
  const pack = await packOf(ctx, input.packNumber);
  const run = await db.printRun.findFirst({ where: { id: input.runId, packId: pack.id }, select: { status: true, summary: true } });
  if (!run) throw notFound();
  if (run.status !== "DONE") throw new AppError("CONFLICT", "mail.runs.errors.notDone");
  const { printed, leftOut } = printedIn(run.summary);
  return db.$transaction(async (tx) => {
    // Locks the pack's mail deliveries, so two volunteers pressing at once mark each one once.
    const rows = await tx.$queryRaw<{ id: string; memberId: string; status: DeliveryStatus; memberStatus: string; memberChannel: string; legalName: string; penName: string }[]>`
      SELECT d."id", d."memberId", d."status"::text AS "status", m."status"::text AS "memberStatus", m."channel"::text AS "memberChannel", p."legalName", m."penName"
        FROM "Delivery" AS d
        JOIN "Member" AS m ON m."id" = d."memberId"
        JOIN "Person" AS p ON p."id" = m."personId"
       WHERE d."packId" = ${pack.id} AND d."channel" = 'MAIL'
       ORDER BY p."legalName", d."id"
         FOR UPDATE OF d`;
    const toMark: typeof rows = [];
    const skipped: MarkRunResult["skipped"] = [];
    for (const row of rows) {
      const inRun = printed.has(row.memberId);
      if (!inRun && row.status !== "PREPARED") continue; // not this run's, and not waiting: nothing to say
      const reason: SkipReason | null =
        row.status !== "PREPARED"
          ? "alreadyMarked"
          : (STATUS_REASON[row.memberStatus] ?? (row.memberChannel !== "MAIL" ? channelReason(row.memberChannel) : inRun ? null : leftOut.has(row.memberId) ? "leftOut" : "notInRun"));
      if (reason) skipped.push({ deliveryId: row.id, legalName: row.legalName, penName: row.penName, reason });
      else toMark.push(row);
    }
    if (toMark.length > 0) {
      const ids = toMark.map((d) => d.id);
      // One statement for the whole run: each delivery keeps the address it is mailed to.
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
      await tx.deliveryEvent.createMany({ data: ids.map((deliveryId) => ({ deliveryId, status: "MAILED" as const, occurredOn: day(input.occurredOn), actorId: ctx.user.id })) });
    }
    return { marked: toMark.length, skipped };
  });
}
