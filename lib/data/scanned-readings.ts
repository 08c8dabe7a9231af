// Scanned readings and facilities that forbid images (decision 030). A PDF reading without a text
// layer is pictures of pages; a facility whose mail rules forbid images may refuse the whole
// envelope for it. Before a print run, the mail page lists each such reading with each facility
// of the group's mail members that forbids images, and a facilitator chooses, per facility: send
// it anyway, or leave it out for that facility's members (the pack then says so in its place).
// The choice is recorded (who, when: ScannedReadingChoice, and the audit log) and a print run
// does not start while one is missing.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { writeAudit } from "@/lib/data/audit";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

export type ScannedReadingItem = {
  readingId: string;
  title: string;
  pages: number | null;
  facilityId: string;
  facilityName: string;
  /** Active mail members of the group at that facility, who would get the reading. */
  members: number;
  choice: { send: boolean; by: string | null; at: Date } | null;
};

/** Active mail members with personal data: the members a print run prints (print-data.ts). */
export const printedMembers = (groupId: string) => ({ groupId, status: "ACTIVE" as const, channel: "MAIL" as const, person: { erasedAt: null } });

/** The pack's scanned readings (PDF, no text layer), in pack order. */
async function scannedReadings(packId: string) {
  const lessons = await db.packLesson.findMany({
    where: { packId },
    orderBy: { position: "asc" },
    select: {
      lesson: {
        select: {
          readings: {
            where: { bodyMarkdown: null, pdfFileId: { not: null }, pdfHasText: false },
            orderBy: { position: "asc" },
            select: { id: true, title: true, pdfPageCount: true },
          },
        },
      },
    },
  });
  return lessons.flatMap(({ lesson }) => lesson.readings);
}

/**
 * Every (scanned reading, facility that forbids images) pair of a pack that some active mail
 * member would get, with the choice made so far. Empty for most packs. For `pack` the caller
 * has already checked access (staff of the group).
 */
export async function scannedReadingReport(pack: { id: string; groupId: string }): Promise<ScannedReadingItem[]> {
  const readings = await scannedReadings(pack.id);
  if (readings.length === 0) return [];
  const members = await db.member.findMany({
    where: { ...printedMembers(pack.groupId), person: { erasedAt: null, facility: { imagesAllowed: false } } },
    select: { person: { select: { facility: { select: { id: true, name: true } } } } },
  });
  const facilities = new Map<string, { name: string; members: number }>();
  for (const { person } of members) {
    if (!person.facility) continue;
    const entry = facilities.get(person.facility.id) ?? { name: person.facility.name, members: 0 };
    entry.members++;
    facilities.set(person.facility.id, entry);
  }
  if (facilities.size === 0) return [];
  const choices = await db.scannedReadingChoice.findMany({
    where: { packId: pack.id, readingId: { in: readings.map((r) => r.id) }, facilityId: { in: [...facilities.keys()] } },
    select: { readingId: true, facilityId: true, send: true, chosenById: true, chosenAt: true },
  });
  const chosenBy = new Map(
    (await db.user.findMany({ where: { id: { in: choices.flatMap((c) => (c.chosenById ? [c.chosenById] : [])) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const sorted = [...facilities.entries()].sort((a, b) => collator.compare(a[1].name, b[1].name));
  return readings.flatMap((reading) =>
    sorted.map(([facilityId, facility]): ScannedReadingItem => {
      const choice = choices.find((c) => c.readingId === reading.id && c.facilityId === facilityId);
      return {
        readingId: reading.id,
        title: reading.title,
        pages: reading.pdfPageCount,
        facilityId,
        facilityName: facility.name,
        members: facility.members,
        choice: choice ? { send: choice.send, by: choice.chosenById ? (chosenBy.get(choice.chosenById) ?? null) : null, at: choice.chosenAt } : null,
      };
    }),
  );
}

/**
 * The choices as print-data.ts applies them: per facility, the scanned readings to leave out
 * (chosen so, or not chosen yet: a pack printed before anyone chose, e.g. one member's reprint,
 * errs on the side of the facility's rule).
 */
export async function readingsLeftOut(packId: string, scanned: string[], facilityIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (scanned.length === 0 || facilityIds.length === 0) return out;
  const sent = await db.scannedReadingChoice.findMany({ where: { packId, readingId: { in: scanned }, facilityId: { in: facilityIds }, send: true }, select: { readingId: true, facilityId: true } });
  for (const facilityId of facilityIds) {
    out.set(facilityId, scanned.filter((readingId) => !sent.some((s) => s.facilityId === facilityId && s.readingId === readingId)));
  }
  return out;
}

async function publishedPack(ctx: GroupContext, packNumber: number) {
  if (!canInGroup(ctx.roles, "delivery.manage")) throw notFound();
  const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number: packNumber, status: "PUBLISHED" }, select: { id: true, groupId: true } });
  if (!pack) throw notFound();
  return pack;
}

export async function scannedReadingsForPack(ctx: GroupContext, packNumber: number): Promise<ScannedReadingItem[]> {
  return scannedReadingReport(await publishedPack(ctx, packNumber));
}

/**
 * Records the choice for one scanned reading and one facility (replacing an earlier one), with
 * who and when, and writes it to the audit log. Only for a reading the report lists: a scanned
 * reading of this pack and a facility of the organization that forbids images.
 */
export async function chooseScannedReading(ctx: GroupContext, input: { packNumber: number; readingId: string; facilityId: string; send: boolean }): Promise<ScannedReadingItem> {
  const pack = await publishedPack(ctx, input.packNumber);
  const item = (await scannedReadingReport(pack)).find((i) => i.readingId === input.readingId && i.facilityId === input.facilityId);
  if (!item) throw notFound();
  const at = new Date();
  await db.$transaction(async (tx) => {
    await tx.scannedReadingChoice.upsert({
      where: { packId_readingId_facilityId: { packId: pack.id, readingId: input.readingId, facilityId: input.facilityId } },
      create: { packId: pack.id, readingId: input.readingId, facilityId: input.facilityId, send: input.send, chosenById: ctx.user.id, chosenAt: at },
      update: { send: input.send, chosenById: ctx.user.id, chosenAt: at },
    });
    await writeAudit(tx, {
      organizationId: ctx.group.organizationId,
      actorId: ctx.user.id,
      action: input.send ? "scannedReading.send" : "scannedReading.leaveOut",
      entityType: "Reading",
      entityId: input.readingId,
      groupId: ctx.group.id,
      details: { packId: pack.id, packNumber: input.packNumber, facilityId: input.facilityId, facility: item.facilityName },
    });
  });
  return { ...item, choice: { send: input.send, by: ctx.user.name, at } };
}
