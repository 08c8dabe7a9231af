// Packs: numbered mailings of a group. Members see published packs only; staff see drafts too.
// Every function takes the caller's GroupContext (from lib/authz) and scopes by its group, so
// a pack number or lesson id of another group is simply not found.
import "server-only";
import { todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import type { PackDetailsInput, PackStartInput } from "@/lib/validations/pack";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/data/notifications";
import { assertGroupOpen } from "@/lib/data/group-archive";
import { nextDueDate } from "@/lib/groups/schedule";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** Packs a caller may see in the group, newest first. */
export async function listPacks(ctx: GroupContext) {
  const staff = canInGroup(ctx.roles, "pack.viewDraft");
  return db.pack.findMany({
    where: { groupId: ctx.group.id, ...(staff ? {} : { status: "PUBLISHED" }) },
    select: { number: true, title: true, status: true, dueDate: true, publishedAt: true, _count: { select: { lessons: true } } },
    orderBy: { number: "desc" },
  });
}

const packViewSelect = {
  id: true,
  number: true,
  title: true,
  letterMarkdown: true,
  dueDate: true,
  status: true,
  publishedAt: true,
  lessons: {
    orderBy: { position: "asc" },
    select: {
      lesson: {
        select: {
          id: true,
          title: true,
          summary: true,
          readings: {
            orderBy: { position: "asc" },
            select: { id: true, title: true, author: true, source: true, pageRange: true, estimatedMinutes: true, bodyMarkdown: true, pdfPageCount: true },
          },
          prompts: { orderBy: { position: "asc" }, select: { id: true, text: true, readingId: true } },
        },
      },
    },
  },
} satisfies Prisma.PackSelect;

export type PackView = NonNullable<Awaited<ReturnType<typeof findPack>>>;

function findPack(groupId: string, number: number, publishedOnly: boolean) {
  return db.pack.findFirst({
    where: { groupId, number, ...(publishedOnly ? { status: "PUBLISHED" as const } : {}) },
    select: packViewSelect,
  });
}

/** A pack with its lessons, readings and prompts (one query); drafts only for staff. */
export async function getPack(ctx: GroupContext, number: number): Promise<PackView> {
  const pack = await findPack(ctx.group.id, number, !canInGroup(ctx.roles, "pack.viewDraft"));
  if (!pack) throw notFound();
  return pack;
}

/** The prompts of a pack, in order, flattened. */
export function promptsOf(pack: PackView) {
  return pack.lessons.flatMap(({ lesson }) => lesson.prompts.map((prompt) => ({ ...prompt, lessonId: lesson.id, lessonTitle: lesson.title })));
}

/** Lessons of the group's course, for choosing a pack's lessons. */
export async function listCourseLessons(ctx: GroupContext) {
  return db.lesson.findMany({
    where: { courseId: ctx.group.courseId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      title: true,
      _count: { select: { prompts: true, readings: true } },
      // PDF readings' page counts, for the facilitator choosing lessons (and a scan flagged).
      readings: { where: { pdfPageCount: { not: null } }, orderBy: { position: "asc" }, select: { pdfPageCount: true, pdfHasText: true } },
    },
  });
}

/**
 * The lessons to suggest for a new pack: the next ones of the course after the furthest lesson
 * already in one of the group's packs (drafts count: a lesson waiting in a draft is taken). As
 * many as the latest pack held (at least one), so a group that does two lessons a pack keeps on.
 */
export async function suggestNextLessons(ctx: GroupContext): Promise<string[]> {
  const [lessons, used, latest] = await Promise.all([
    db.lesson.findMany({ where: { courseId: ctx.group.courseId }, orderBy: { position: "asc" }, select: { id: true, position: true } }),
    db.packLesson.findMany({ where: { pack: { groupId: ctx.group.id } }, select: { lesson: { select: { position: true } } } }),
    db.pack.findFirst({ where: { groupId: ctx.group.id }, orderBy: { number: "desc" }, select: { _count: { select: { lessons: true } } } }),
  ]);
  const furthest = Math.max(0, ...used.map((u) => u.lesson.position));
  const count = Math.max(1, latest?._count.lessons ?? 1);
  return lessons.filter((l) => l.position > furthest).slice(0, count).map((l) => l.id);
}

/** What the "start a new pack" form offers: the course's lessons (with the pack each is already in), the suggestion, the next number. */
export async function packStartOptions(ctx: GroupContext) {
  assertCan(ctx, "pack.edit");
  const [lessons, last, suggestedLessonIds, suggestedDueDate] = await Promise.all([
    db.lesson.findMany({
      where: { courseId: ctx.group.courseId },
      orderBy: { position: "asc" },
      select: { id: true, title: true, packLessons: { where: { pack: { groupId: ctx.group.id } }, select: { pack: { select: { number: true } } }, orderBy: { pack: { number: "desc" } }, take: 1 } },
    }),
    db.pack.findFirst({ where: { groupId: ctx.group.id }, orderBy: { number: "desc" }, select: { number: true } }),
    suggestNextLessons(ctx),
    suggestDueDate(ctx),
  ]);
  return {
    nextNumber: (last?.number ?? 0) + 1,
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, inPack: l.packLessons[0]?.pack.number ?? null })),
    suggestedLessonIds,
    suggestedDueDate,
  };
}

/**
 * The due date to suggest for a new pack, "YYYY-MM-DD" or "" for none: from the group's pack
 * schedule (lib/groups/schedule.ts, the rule the group settings page shows), counted from the
 * last dated pack.
 */
export async function suggestDueDate(ctx: GroupContext): Promise<string> {
  const [group, lastDated] = await Promise.all([
    db.group.findUnique({ where: { id: ctx.group.id }, select: { packIntervalDays: true } }),
    db.pack.findFirst({ where: { groupId: ctx.group.id, dueDate: { not: null } }, orderBy: { number: "desc" }, select: { dueDate: true } }),
  ]);
  const due = nextDueDate({ intervalDays: group?.packIntervalDays ?? null }, lastDated, todayDate(ctx.group.timeZone));
  return due ? due.toISOString().slice(0, 10) : "";
}

/**
 * Makes the next numbered draft pack, with the lessons and due date chosen when starting it.
 * Two facilitators clicking at once get packs N and N+1.
 */
export async function createPack(ctx: GroupContext, input: PackStartInput = { lessonIds: [], dueDate: "" }): Promise<{ number: number }> {
  assertCan(ctx, "pack.edit");
  await assertCourseLessons(db, ctx, input.lessonIds);
  await assertGroupOpen(ctx.group.id); // an archived group gets no new packs (decision 023)
  for (let attempt = 0; attempt < 5; attempt++) {
    const last = await db.pack.findFirst({ where: { groupId: ctx.group.id }, orderBy: { number: "desc" }, select: { number: true } });
    const number = (last?.number ?? 0) + 1;
    try {
      await db.pack.create({
        data: {
          groupId: ctx.group.id,
          number,
          createdById: ctx.user.id,
          dueDate: toDueDate(input.dueDate),
          lessons: { create: input.lessonIds.map((lessonId, i) => ({ lessonId, position: i + 1 })) },
        },
      });
      return { number };
    } catch (error) {
      if (isUniqueViolation(error)) continue; // someone else took that number: try the next one
      throw error;
    }
  }
  throw new AppError("CONFLICT", "packs.errors.busy");
}

const toDueDate = (value: string) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Only lessons of this group's course may be chosen; any other id is simply not found. */
async function assertCourseLessons(client: Prisma.TransactionClient, ctx: GroupContext, lessonIds: string[]) {
  if (lessonIds.length === 0) return;
  const valid = await client.lesson.count({ where: { id: { in: lessonIds }, courseId: ctx.group.courseId } });
  if (valid !== lessonIds.length) throw notFound();
}

/** Saves the letter, title, due date and (while a draft) the lessons, in one transaction. */
export async function updatePack(ctx: GroupContext, number: number, input: PackDetailsInput): Promise<void> {
  assertCan(ctx, "pack.edit");
  await db.$transaction(async (tx) => {
    await saveDetails(tx, ctx, number, input);
  });
}

/** Writes a pack's details in `tx`. Lessons change only while the pack is a draft. */
async function saveDetails(tx: Prisma.TransactionClient, ctx: GroupContext, number: number, input: PackDetailsInput) {
  const pack = await tx.pack.findFirst({ where: { groupId: ctx.group.id, number }, select: { id: true, status: true, lessons: { select: { lessonId: true }, orderBy: { position: "asc" } } } });
  if (!pack) throw notFound();
  await tx.pack.update({
    where: { id: pack.id },
    data: { title: input.title, letterMarkdown: input.letterMarkdown, dueDate: toDueDate(input.dueDate) },
  });
  const current = pack.lessons.map((l) => l.lessonId);
  if (current.join() === input.lessonIds.join()) return;
  if (pack.status === "PUBLISHED") throw new AppError("CONFLICT", "packs.errors.lessonsLocked");
  await assertCourseLessons(tx, ctx, input.lessonIds);
  await tx.packLesson.deleteMany({ where: { packId: pack.id } });
  await tx.packLesson.createMany({ data: input.lessonIds.map((lessonId, i) => ({ packId: pack.id, lessonId, position: i + 1 })) });
}

/**
 * Deletes a draft pack and what hangs on it (its lesson choices; a draft has no deliveries or
 * answers). The course's lessons and every other pack stay. A published pack cannot be deleted:
 * members may have it, on paper too.
 */
export async function deletePack(ctx: GroupContext, number: number): Promise<void> {
  assertCan(ctx, "pack.edit");
  const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number }, select: { id: true, status: true } });
  if (!pack) throw notFound();
  if (pack.status === "PUBLISHED") throw new AppError("CONFLICT", "packs.errors.publishedNotDeletable");
  // The status in the WHERE: a pack published a moment ago is not deleted.
  const deleted = await db.pack.deleteMany({ where: { id: pack.id, status: "DRAFT" } });
  if (deleted.count === 0) throw new AppError("CONFLICT", "packs.errors.publishedNotDeletable");
}

/**
 * Publishes a draft: members see it, and each active member gets a delivery (online: delivered
 * at once; mail: prepared for printing). Publishing twice changes nothing.
 * With `details` (the editor's form as it is on screen), they are saved first in the same
 * transaction, so what is published is exactly what the facilitator saw: an unsaved due date
 * cannot be left behind.
 */
export async function publishPack(ctx: GroupContext, number: number, details?: PackDetailsInput): Promise<void> {
  assertCan(ctx, "pack.edit");
  // The notifications' e-mails are queued in this transaction and sent by the e-mail job, so
  // publishing to a large group takes no longer with e-mail than without.
  await db.$transaction(async (tx): Promise<void> => {
    if (details) await saveDetails(tx, ctx, number, details);
    const pack = await tx.pack.findFirst({
      where: { groupId: ctx.group.id, number },
      select: { id: true, status: true, lessons: { select: { lesson: { select: { _count: { select: { prompts: true } } } } } } },
    });
    if (!pack) throw notFound();
    if (pack.status === "PUBLISHED") return;
    if (pack.lessons.length === 0) throw new AppError("CONFLICT", "packs.errors.noLessons");
    const claimed = await tx.pack.updateMany({ where: { id: pack.id, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    if (claimed.count === 0) return; // published by someone else a moment ago
    const members = await tx.member.findMany({ where: { groupId: ctx.group.id, status: "ACTIVE" }, select: { id: true, channel: true, person: { select: { userId: true } } } });
    const today = todayDate(ctx.group.timeZone);
    // Two statements however many members: the deliveries, then their first events.
    const deliveries = await tx.delivery.createManyAndReturn({
      data: members.map((m) => ({ packId: pack.id, memberId: m.id, channel: m.channel, status: m.channel === "ONLINE" ? ("DELIVERED" as const) : ("PREPARED" as const) })),
      select: { id: true, status: true },
    });
    await tx.deliveryEvent.createMany({ data: deliveries.map((d) => ({ deliveryId: d.id, status: d.status, occurredOn: today, actorId: ctx.user.id })) });
    // Everyone who can sign in hears of it (one statement); mail members get the paper.
    const data = { groupSlug: ctx.group.slug, groupName: ctx.group.name, packNumber: number, href: `/groups/${ctx.group.slug}/packs/${number}` };
    await notify(tx, members.flatMap((m) => (m.person.userId ? [{ userId: m.person.userId, kind: "packPublished" as const, data }] : [])));
  });
}

function assertCan(ctx: GroupContext, action: "pack.edit") {
  if (!canInGroup(ctx.roles, action)) throw notFound();
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
