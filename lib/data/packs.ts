// Packs: numbered mailings of a group. Members see published packs only; staff see drafts too.
// Every function takes the caller's GroupContext (from lib/authz) and scopes by its group, so
// a pack number or lesson id of another group is simply not found.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import type { PackDetailsInput } from "@/lib/validations/pack";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/data/notifications";
import { assertGroupOpen } from "@/lib/data/group-archive";

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
            select: { id: true, title: true, author: true, source: true, pageRange: true, estimatedMinutes: true, bodyMarkdown: true },
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
    select: { id: true, position: true, title: true, _count: { select: { prompts: true, readings: true } } },
  });
}

/** Makes the next numbered draft pack. Two facilitators clicking at once get packs N and N+1. */
export async function createPack(ctx: GroupContext): Promise<{ number: number }> {
  assertCan(ctx, "pack.edit");
  await assertGroupOpen(ctx.group.id); // an archived group gets no new packs (decision 023)
  for (let attempt = 0; attempt < 5; attempt++) {
    const last = await db.pack.findFirst({ where: { groupId: ctx.group.id }, orderBy: { number: "desc" }, select: { number: true } });
    const number = (last?.number ?? 0) + 1;
    try {
      await db.pack.create({ data: { groupId: ctx.group.id, number, createdById: ctx.user.id } });
      return { number };
    } catch (error) {
      if (isUniqueViolation(error)) continue; // someone else took that number: try the next one
      throw error;
    }
  }
  throw new AppError("CONFLICT", "packs.errors.busy");
}

/** Saves the letter, title, due date and (while a draft) the lessons, in one transaction. */
export async function updatePack(ctx: GroupContext, number: number, input: PackDetailsInput): Promise<void> {
  assertCan(ctx, "pack.edit");
  await db.$transaction(async (tx) => {
    const pack = await tx.pack.findFirst({ where: { groupId: ctx.group.id, number }, select: { id: true, status: true, lessons: { select: { lessonId: true }, orderBy: { position: "asc" } } } });
    if (!pack) throw notFound();
    await tx.pack.update({
      where: { id: pack.id },
      data: { title: input.title, letterMarkdown: input.letterMarkdown, dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null },
    });
    const current = pack.lessons.map((l) => l.lessonId);
    if (current.join() === input.lessonIds.join()) return;
    if (pack.status === "PUBLISHED") throw new AppError("CONFLICT", "packs.errors.lessonsLocked");
    // Only lessons of this group's course may be chosen.
    const valid = await tx.lesson.count({ where: { id: { in: input.lessonIds }, courseId: ctx.group.courseId } });
    if (valid !== input.lessonIds.length) throw notFound();
    await tx.packLesson.deleteMany({ where: { packId: pack.id } });
    await tx.packLesson.createMany({ data: input.lessonIds.map((lessonId, i) => ({ packId: pack.id, lessonId, position: i + 1 })) });
  });
}

/**
 * Publishes a draft: members see it, and each active member gets a delivery (online: delivered
 * at once; mail: prepared for printing). Publishing twice changes nothing.
 */
export async function publishPack(ctx: GroupContext, number: number): Promise<void> {
  assertCan(ctx, "pack.edit");
  // The notifications' e-mails are queued in this transaction and sent by the e-mail job, so
  // publishing to a large group takes no longer with e-mail than without.
  await db.$transaction(async (tx): Promise<void> => {
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
    const today = new Date(new Date().toISOString().slice(0, 10));
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
