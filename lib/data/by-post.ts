// An e-message member's readings that go by post (marked "by mail only", or uploaded PDFs): which
// they are, who is owed them, and recording them as mailed. Shared by the e-message page
// (lib/data/emessage-deliveries.ts: one member at a time) and the pack's mail print run
// (lib/data/print-runs.ts, lib/jobs/print-run-job.ts: everyone owed; docs/decisions/054). A module
// of its own so the print run does not import the e-message page's actions and their messages.
import "server-only";
import { db } from "@/lib/db";
import { goesByPost } from "@/lib/emessage/pack-text";
import { loadPrintData } from "@/lib/packs/print-data";
import type { PrintMember, PrintPack } from "@/lib/packs/print-types";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The note of the event that records the by-post readings as mailed. */
export const BY_POST_NOTE = "byPost";

/** The pack's e-message deliveries, and prepared mail ones of members now on e-message. */
export const emessageDeliveries = (packId: string): Prisma.DeliveryWhereInput => ({
  packId,
  OR: [{ channel: "EMESSAGE" }, { channel: "MAIL", status: "PREPARED", member: { channel: "EMESSAGE" } }],
});

/** The ids of the pack's readings marked "by mail only" (the flag is not part of the print data). */
export async function mailOnlyReadings(packId: string): Promise<Set<string>> {
  const rows = await db.reading.findMany({ where: { emessageByMailOnly: true, lesson: { packLessons: { some: { packId } } } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Only the readings that go by post, under the pack's title: no letter, questions or discussion. */
export function byPostPack(pack: PrintPack, mailOnly: ReadonlySet<string>): PrintPack {
  return {
    ...pack,
    pack: { ...pack.pack, letterMarkdown: "" },
    lessons: pack.lessons.map((lesson) => ({ ...lesson, readings: lesson.readings.filter((r) => goesByPost(r, mailOnly)), prompts: [] })).filter((lesson) => lesson.readings.length > 0),
    featured: [],
  };
}

/**
 * What the pack's mail print run adds after the mail members' packs (docs/decisions/054): the
 * pack reduced to its by-post readings, and each e-message member who is owed them: active, on
 * e-message now (one back on mail gets the whole pack in the run), not erased, and without a
 * "byPost" mailed event on the delivery (by hand, or by an earlier run). Each member is printed as
 * byPostPdfForDownload prints them: no codes or replies (there are no questions), their
 * certificates waiting for a pack. `pack` is the run's own print data (with the uploaded readings'
 * bytes), so nothing is read twice. No authorization: for the print-run job and planPrintRun,
 * whose callers checked delivery.manage; no members when no reading goes by post.
 */
export async function byPostForPrintRun(packId: string, pack: PrintPack): Promise<{ pack: PrintPack; members: PrintMember[] }> {
  const only = byPostPack(pack, await mailOnlyReadings(packId));
  if (only.lessons.length === 0) return { pack: only, members: [] };
  const due = await db.delivery.findMany({
    where: { ...emessageDeliveries(packId), member: { status: "ACTIVE", channel: "EMESSAGE", person: { erasedAt: null } }, events: { none: { note: BY_POST_NOTE } } },
    select: { memberId: true },
  });
  if (due.length === 0) return { pack: only, members: [] };
  // The members in mailing order (by facility, unit, name), as the mail members are.
  const { members } = await loadPrintData(packId, due.map((d) => d.memberId));
  return { pack: only, members: members.map((member) => ({ ...member, codes: {}, replies: [] })) };
}

/**
 * A finished print run printed these members' by-post readings: each delivery gets the event the
 * one-member button writes (MAILED, note "byPost"), by the run's maker, unless one came in while
 * the run was made (the button, or another run). In the run's own transaction, the deliveries
 * locked as recordByPostMailed locks them. Returns the count recorded.
 */
export async function recordByPostPrinted(tx: Prisma.TransactionClient, input: { packId: string; memberIds: string[]; occurredOn: Date; actorId: string | null }): Promise<number> {
  if (input.memberIds.length === 0) return 0;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Delivery" WHERE "packId" = ${input.packId} AND "memberId" = ANY(${input.memberIds}) ORDER BY "id" FOR UPDATE`;
  const owed = await tx.delivery.findMany({
    where: { id: { in: locked.map((d) => d.id) }, ...emessageDeliveries(input.packId), events: { none: { note: BY_POST_NOTE } } },
    select: { id: true },
  });
  await tx.deliveryEvent.createMany({ data: owed.map((d) => ({ deliveryId: d.id, status: "MAILED" as const, occurredOn: input.occurredOn, note: BY_POST_NOTE, actorId: input.actorId })) });
  return owed.length;
}
