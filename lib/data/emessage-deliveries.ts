// The e-message log of a pack (docs/decisions/045): each e-message member's numbered messages,
// what was sent, and the delivery's status, like the mail log (lib/data/deliveries.ts).
//
// The statuses are the mail ones, read for e-message:
//   PREPARED  publication made the delivery; messages are made on the first "prepare"
//   MAILED    "sent": set when the last of its messages is marked sent (never by hand)
//   RETURNED  "bounced": the service refused or returned a message, with the reason
//   RESENT    "sent again" after a bounce
//   RESPONDED "replied": by hand here, or when a reply's first answer is filed (response_submit.sql)
// The messages (EmessagePart) are made once and kept as they were shown and copied; while none is
// sent they can be made again (the pack changed), after that never, so the record is what went out.
// A member who switched from mail to e-message after publication has a prepared MAIL delivery:
// it is listed here and becomes an e-message delivery when its messages are made.
//
// Readings that go by post (marked "by mail only", or uploaded PDFs) are printed for the member
// from this page (byPostPdfForDownload); mailing them is an event MAILED with the note "byPost"
// that leaves the delivery's status to the messages. The pack's mail print run also prints them,
// after the mail members' packs, for every e-message member who has no such event yet, and
// records the event when it finishes (lib/data/by-post.ts; decision 054).
//
// Every function checks delivery.manage in the group and scopes every id to the group's
// published pack: another group's delivery or message is NOT_FOUND.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { assertStaff, packOf } from "@/lib/data/delivery-scope";
import { erasedInGroup } from "@/lib/retention/erased-in-group";
import { emessageLimitsOf } from "@/lib/data/emessage-limits";
import { todayDate } from "@/lib/dates";
import { cutIntoMessages } from "@/lib/emessage/cut";
import { emessageLabelsFor } from "@/lib/emessage/labels";
import { packText } from "@/lib/emessage/pack-text";
import type { EmessageServiceName } from "@/lib/emessage/services";
import { loadPrintData } from "@/lib/packs/print-data";
import type { PrintMember, PrintPack } from "@/lib/packs/print-types";
import type { DeliveryStatus, Prisma } from "@/lib/generated/prisma/client";
import { BY_POST_NOTE, byPostPack, emessageDeliveries, mailOnlyReadings } from "@/lib/data/by-post";

export { BY_POST_NOTE } from "@/lib/data/by-post";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** What may follow what on the e-message channel; MAILED comes only from marking the messages sent. */
export const EMESSAGE_NEXT: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  PREPARED: [],
  MAILED: ["RETURNED", "RESPONDED"],
  RESENT: ["RETURNED", "RESPONDED"],
  DELIVERED: ["RETURNED", "RESPONDED"],
  RETURNED: ["RESENT"],
  REJECTED: ["RESENT"],
  RESPONDED: [],
};



export type MadeMessage = { number: number; total: number; body: string };

/**
 * Each member's pack as messages, as they would be made now: the print data (with their response
 * codes, made if missing), their language, and the limit of their service in this organization.
 */
async function makeMessages(ctx: GroupContext, packId: string, packNumber: number, members: { id: string; service: EmessageServiceName | null }[]) {
  const made = new Map<string, MadeMessage[]>();
  if (members.length === 0) return made;
  const [data, mailOnly, limits] = await Promise.all([loadPrintData(packId, members.map((m) => m.id)), mailOnlyReadings(packId), emessageLimitsOf(db, ctx.group.organizationId)]);
  const service = new Map(members.map((m) => [m.id, m.service]));
  for (const member of data.members) {
    const labels = emessageLabelsFor(member.locale);
    const messages = cutIntoMessages(packText(data.pack, member, mailOnly), limits[service.get(member.memberId) ?? "OTHER"], (n, total) => labels.header(packNumber, n, total));
    made.set(
      member.memberId,
      messages.map((m) => ({ number: m.number, total: m.total, body: m.body })),
    );
  }
  return made;
}

const logSelect = {
  id: true,
  channel: true,
  status: true,
  member: {
    select: {
      id: true,
      penName: true,
      status: true,
      channel: true,
      person: { select: { legalName: true, emessageService: true, emessageContact: true, erasedAt: true } },
    },
  },
  emessageParts: { orderBy: { number: "asc" }, select: { id: true, number: true, total: true, body: true, sentAt: true, sentById: true, removedAt: true } },
  events: { orderBy: { createdAt: "asc" }, select: { id: true, status: true, occurredOn: true, reason: true, note: true, createdAt: true, actorId: true } },
} satisfies Prisma.DeliverySelect;

/**
 * The messages page: every e-message delivery of the pack with its messages and events, and
 * whether the pack changed since unsent messages were made. The service identifiers are on it,
 * so the look is recorded in the audit log, as the mail log's.
 */
export async function viewEmessageLog(ctx: GroupContext, packNumber: number) {
  assertStaff(ctx);
  const pack = await packOf(ctx, packNumber);
  const deliveries = await db.delivery.findMany({ where: emessageDeliveries(pack.id), select: logSelect, orderBy: { member: { penName: "asc" } } });
  const unsent = deliveries.filter((d) => d.emessageParts.length > 0 && d.emessageParts.every((p) => p.sentAt === null) && !d.member.person.erasedAt);
  const fresh = await makeMessages(ctx, pack.id, pack.number, unsent.map((d) => ({ id: d.member.id, service: d.member.person.emessageService })));
  const actorIds = [...new Set(deliveries.flatMap((d) => [...d.events.map((e) => e.actorId), ...d.emessageParts.map((p) => p.sentById)]).filter((id): id is string => Boolean(id)))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const mailOnly = await mailOnlyReadings(pack.id);
  const byPost = await db.reading.findMany({
    where: { lesson: { packLessons: { some: { packId: pack.id } } }, OR: [{ bodyMarkdown: null }, { id: { in: [...mailOnly] } }] },
    select: { id: true, title: true },
    orderBy: [{ lesson: { position: "asc" } }, { position: "asc" }],
  });
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "emessageLog.view", entityType: "Pack", entityId: pack.id, groupId: ctx.group.id });
  return {
    pack,
    byPost,
    deliveries: deliveries.map((d) => {
      const now = fresh.get(d.member.id);
      const changed = now !== undefined && (now.length !== d.emessageParts.length || now.some((m, i) => m.body !== d.emessageParts[i]!.body));
      return {
        ...d,
        changed,
        byPostMailed: d.events.some((e) => e.note === BY_POST_NOTE),
        parts: d.emessageParts.map((p) => ({ ...p, sentByName: p.sentById ? (actors.get(p.sentById) ?? null) : null })),
        events: d.events.map((e) => ({ ...e, actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null })),
      };
    }),
  };
}

/** Locks a delivery of the pack for a change: two volunteers at once apply one after the other. */
async function lockDelivery(tx: Prisma.TransactionClient, packId: string, deliveryId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: DeliveryStatus; channel: string; memberId: string; memberChannel: string }[]>`
    SELECT d."id", d."status"::text AS "status", d."channel"::text AS "channel", d."memberId", m."channel"::text AS "memberChannel"
      FROM "Delivery" AS d JOIN "Member" AS m ON m."id" = d."memberId"
     WHERE d."id" = ${deliveryId} AND d."packId" = ${packId}
       FOR UPDATE OF d`;
  const delivery = rows[0];
  if (!delivery) throw notFound();
  const switched = delivery.channel === "MAIL" && delivery.status === "PREPARED" && delivery.memberChannel === "EMESSAGE";
  if (delivery.channel !== "EMESSAGE" && !switched) throw notFound();
  return delivery;
}

/**
 * Makes the member's messages for this pack, or makes them again while none is sent (the pack
 * changed). Once one is sent they stay as they are: CONFLICT.
 */
export async function prepareEmessages(ctx: GroupContext, packNumber: number, deliveryId: string): Promise<{ messages: number }> {
  assertStaff(ctx);
  const pack = await packOf(ctx, packNumber);
  const found = await db.delivery.findFirst({
    where: { id: deliveryId, ...emessageDeliveries(pack.id) },
    select: { member: { select: { id: true, person: { select: { emessageService: true, emessageContact: true, erasedAt: true } } } } },
  });
  if (!found) throw notFound();
  if (found.member.person.erasedAt || !found.member.person.emessageContact) throw new AppError("CONFLICT", "emessage.errors.noContact");
  // Messages made from data read before an erasure in the group may name the erased person: when
  // one came in between, they are made again (lib/retention/emessage-text.ts).
  for (let attempt = 1; ; attempt++) {
    const erasedBefore = await erasedInGroup(db, ctx.group.id);
    const messages = (await makeMessages(ctx, pack.id, pack.number, [{ id: found.member.id, service: found.member.person.emessageService }])).get(found.member.id);
    if (!messages) throw notFound();
    const stored = await db.$transaction(async (tx) => {
      const delivery = await lockDelivery(tx, pack.id, deliveryId);
      if ((await erasedInGroup(tx, ctx.group.id)) !== erasedBefore) return false;
      if (await tx.emessagePart.findFirst({ where: { deliveryId, sentAt: { not: null } }, select: { id: true } })) throw new AppError("CONFLICT", "emessage.errors.alreadySent");
      if (delivery.channel !== "EMESSAGE") await tx.delivery.update({ where: { id: deliveryId }, data: { channel: "EMESSAGE" } });
      await tx.emessagePart.deleteMany({ where: { deliveryId } });
      await tx.emessagePart.createMany({ data: messages.map((m) => ({ deliveryId, number: m.number, total: m.total, body: m.body })) });
      return true;
    });
    if (stored) return { messages: messages.length };
    if (attempt === 3) throw new AppError("CONFLICT", "errors.conflict");
  }
}

/**
 * Marks one message (`partId`) or every unsent one of the delivery as sent. When the last is
 * sent, a prepared delivery becomes MAILED ("sent") with the service and identifier it went to.
 * Marking a sent message again changes nothing.
 */
export async function markEmessagesSent(ctx: GroupContext, input: { packNumber: number; deliveryId: string; partId?: string }): Promise<{ status: DeliveryStatus; unsent: number }> {
  assertStaff(ctx);
  const pack = await packOf(ctx, input.packNumber);
  return db.$transaction(async (tx) => {
    const delivery = await lockDelivery(tx, pack.id, input.deliveryId);
    const where = { deliveryId: delivery.id, sentAt: null, ...(input.partId ? { id: input.partId } : {}) };
    if (input.partId && !(await tx.emessagePart.findFirst({ where: { id: input.partId, deliveryId: delivery.id }, select: { id: true } }))) throw notFound();
    await tx.emessagePart.updateMany({ where, data: { sentAt: new Date(), sentById: ctx.user.id } });
    const [parts, unsent] = await Promise.all([tx.emessagePart.count({ where: { deliveryId: delivery.id } }), tx.emessagePart.count({ where: { deliveryId: delivery.id, sentAt: null } })]);
    if (parts === 0) throw new AppError("CONFLICT", "emessage.errors.notPrepared");
    if (unsent > 0 || delivery.status !== "PREPARED") return { status: delivery.status, unsent };
    const person = await tx.member.findUniqueOrThrow({ where: { id: delivery.memberId }, select: { person: { select: { legalName: true, emessageService: true, emessageContact: true } } } });
    await tx.delivery.update({
      where: { id: delivery.id },
      data: {
        status: "MAILED",
        mailedTo: { legalName: person.person.legalName, emessageService: person.person.emessageService, emessageContact: person.person.emessageContact },
        events: { create: { status: "MAILED", occurredOn: todayDate(ctx.group.timeZone), actorId: ctx.user.id } },
      },
    });
    return { status: "MAILED" as const, unsent: 0 };
  });
}

/** Bounced (with the reason), sent again, or replied: only what may follow the current status. */
export async function recordEmessageEvent(
  ctx: GroupContext,
  input: { packNumber: number; deliveryId: string; status: "RETURNED" | "RESENT" | "RESPONDED"; occurredOn: string; reason?: string },
): Promise<{ status: DeliveryStatus }> {
  assertStaff(ctx);
  const pack = await packOf(ctx, input.packNumber);
  return db.$transaction(async (tx) => {
    const delivery = await lockDelivery(tx, pack.id, input.deliveryId);
    if (!EMESSAGE_NEXT[delivery.status].includes(input.status)) throw new AppError("CONFLICT", "emessage.errors.transition");
    const reason = input.reason?.trim() || null;
    if (input.status === "RETURNED" && !reason) throw new AppError("INVALID", "emessage.validation.reasonRequired", { field: "values.reason" });
    await tx.delivery.update({
      where: { id: delivery.id },
      data: { status: input.status, events: { create: { status: input.status, occurredOn: new Date(`${input.occurredOn}T00:00:00Z`), reason: input.status === "RETURNED" ? reason : null, actorId: ctx.user.id } } },
    });
    return { status: input.status };
  });
}

/** The by-post readings mailed to the member: an event in the log; the status stays the messages'. */
export async function recordByPostMailed(ctx: GroupContext, input: { packNumber: number; deliveryId: string; occurredOn: string }) {
  assertStaff(ctx);
  const pack = await packOf(ctx, input.packNumber);
  await db.$transaction(async (tx) => {
    const delivery = await lockDelivery(tx, pack.id, input.deliveryId);
    await tx.deliveryEvent.create({ data: { deliveryId: delivery.id, status: "MAILED", occurredOn: new Date(`${input.occurredOn}T00:00:00Z`), note: BY_POST_NOTE, actorId: ctx.user.id } });
  });
}

/**
 * The member's by-post readings as a PDF to print and mail, with their name and address like a
 * mail pack (so the download is recorded in the audit log). NOT_FOUND when no reading goes by post.
 */
export async function byPostPdfForDownload(ctx: GroupContext, packNumber: number, memberId: string): Promise<{ pack: PrintPack; member: PrintMember }> {
  assertStaff(ctx);
  const pack = await packOf(ctx, packNumber);
  const delivery = await db.delivery.findFirst({ where: { memberId, ...emessageDeliveries(pack.id) }, select: { member: { select: { id: true, personId: true } } } });
  if (!delivery) throw notFound();
  const [data, mailOnly] = await Promise.all([loadPrintData(pack.id, [delivery.member.id], { files: true }), mailOnlyReadings(pack.id)]);
  const member = data.members[0];
  const only = byPostPack(data.pack, mailOnly);
  if (!member || only.lessons.length === 0) throw notFound();
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "packPdf.download", entityType: "Member", entityId: delivery.member.id, groupId: ctx.group.id, personId: delivery.member.personId, details: { byPost: true } });
  return { pack: only, member: { ...member, codes: {}, replies: [] } };
}
