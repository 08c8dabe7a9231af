// Groups as organizers set them up: create, edit, archive and bring back (issue 15 point 2,
// decision 023). Creating is organization-wide (an OrganizationContext); editing and archiving
// are "group.manage" in one group (a GroupContext). An archived group keeps every record and
// stays readable at its address, but is left out of lists and refuses changes.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import type { GroupContext, OrganizationContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { canInGroup } from "@/lib/permissions";
import type { GroupFormValues } from "@/lib/validations/group-form";

/** Data functions check again what the entry layer checked: a context for another action is not enough. */
function assertCan(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "group.manage")) throw new AppError("NOT_FOUND", "errors.notFound");
}

export type GroupSettings = {
  id: string;
  slug: string;
  name: string;
  level: GroupFormValues["level"];
  courseId: string;
  turnaroundDays: number | null;
  packEveryWeeks: number | null;
  /** As stored; the form shows it in weeks, rounded when it is not whole weeks (set before this form existed). */
  packIntervalDays: number | null;
  archivedAt: Date | null;
  organizationId: string;
  lastPackDueDate: Date | null;
};

/** The courses a group of the organization may follow, for the form's list. */
export async function listOrganizationCourses(organizationId: string) {
  return db.course.findMany({ where: { organizationId }, select: { id: true, title: true }, orderBy: { title: "asc" } });
}

/** The archived groups of the organizations the user organizes (the "show archived" list). */
export async function listArchivedGroups(user: CurrentUser) {
  return db.group.findMany({
    where: { archivedAt: { not: null }, organization: { organizers: { some: { userId: user.id } } } },
    select: { slug: true, name: true, level: true, archivedAt: true, course: { select: { title: true } } },
    orderBy: [{ archivedAt: "desc" }, { name: "asc" }],
  });
}

/** What the settings page shows; the caller must be allowed "group.manage". */
export async function getGroupSettings(ctx: GroupContext): Promise<GroupSettings> {
  assertCan(ctx);
  const g = await db.group.findUniqueOrThrow({
    where: { id: ctx.group.id },
    select: {
      id: true, slug: true, name: true, level: true, courseId: true, organizationId: true,
      expectedTurnaroundDays: true, packIntervalDays: true, archivedAt: true,
      packs: { where: { dueDate: { not: null } }, orderBy: { dueDate: "desc" }, take: 1, select: { dueDate: true } },
    },
  });
  const days = g.packIntervalDays;
  return {
    id: g.id,
    slug: g.slug,
    name: g.name,
    level: g.level,
    courseId: g.courseId,
    organizationId: g.organizationId,
    turnaroundDays: g.expectedTurnaroundDays,
    packEveryWeeks: days === null ? null : Math.min(52, Math.max(1, Math.round(days / 7))),
    packIntervalDays: days,
    archivedAt: g.archivedAt,
    lastPackDueDate: g.packs[0]?.dueDate ?? null,
  };
}

async function assertCourseOfOrganization(tx: Pick<typeof db, "course">, courseId: string, organizationId: string) {
  const course = await tx.course.findFirst({ where: { id: courseId, organizationId }, select: { id: true } });
  if (!course) throw new AppError("INVALID", "groupAdmin.validation.course", { field: "values.courseId" });
}

function fields(values: GroupFormValues) {
  return {
    name: values.name,
    slug: values.slug,
    level: values.level,
    courseId: values.courseId,
    expectedTurnaroundDays: values.turnaroundDays,
    packIntervalDays: values.packEveryWeeks === null ? null : values.packEveryWeeks * 7,
  };
}

/**
 * A slug is the group's address, /groups/<slug>, so it is unique across the whole instance
 * (the database's unique index), not only in the organization. A slug another organization
 * holds gets the same "taken" answer as one's own, and says nothing more about that group.
 */
function slugTaken(error: unknown): never {
  // P2002: Prisma's unique violation (the slug index; the only unique field these writes set).
  if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") throw new AppError("CONFLICT", "groupAdmin.errors.slugTaken", { field: "values.slug" });
  throw error;
}

/** Creates a group in the organization the context was authorized for. */
export async function createGroup(ctx: OrganizationContext, values: GroupFormValues): Promise<{ slug: string }> {
  const organizationId = ctx.organization.id;
  try {
    return await db.$transaction(async (tx) => {
      await assertCourseOfOrganization(tx, values.courseId, organizationId);
      const group = await tx.group.create({ data: { organizationId, ...fields(values) }, select: { id: true, slug: true } });
      await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "group.create", entityType: "Group", entityId: group.id, groupId: group.id });
      return { slug: group.slug };
    });
  } catch (error) {
    slugTaken(error);
  }
}

/** Saves the group's settings; an archived group refuses (bring it back first). */
export async function updateGroup(ctx: GroupContext, values: GroupFormValues): Promise<{ slug: string }> {
  assertCan(ctx);
  const { id, organizationId } = ctx.group;
  try {
    return await db.$transaction(async (tx) => {
      // Only a group that is not archived is changed: the check and the write are one statement.
      await assertCourseOfOrganization(tx, values.courseId, organizationId);
      const { count } = await tx.group.updateMany({ where: { id, archivedAt: null }, data: fields(values) });
      if (count === 0) throw new AppError("CONFLICT", "errors.groupArchived");
      await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "group.update", entityType: "Group", entityId: id, groupId: id });
      return { slug: values.slug };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    slugTaken(error);
  }
}

/** Archives the group, or with `archived: false` brings it back. Nothing else about it changes. */
export async function setGroupArchived(ctx: GroupContext, archived: boolean): Promise<void> {
  assertCan(ctx);
  const { id, organizationId } = ctx.group;
  await db.$transaction(async (tx) => {
    const { count } = await tx.group.updateMany({
      where: { id, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    // Already in the state asked for (a second click, another tab): nothing to do, nothing to log.
    if (count === 0) return;
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: archived ? "group.archive" : "group.restore", entityType: "Group", entityId: id, groupId: id });
  });
}
