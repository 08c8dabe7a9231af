// Who may do what, in one place. Every page, server action and route handler asks here.
//
// Roles (PRODUCT.md): an organizer runs the whole organization; a facilitator and a member
// hold their role per group, and one person may hold different roles in different groups.
// A group you have no role in — or an action your role does not allow — is "not found":
// the answer never reveals that the record exists.
import "server-only";
import { notFound as nextNotFound } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { MEMBER_STATUSES_WITH_ACCESS, type GroupRole, canInGroup, type GroupAction } from "@/lib/permissions";
import type { Channel } from "@/lib/generated/prisma/enums";

// A context proves that lib/authz checked the caller. Its brand is a symbol that only this module
// can name, so a data function that takes a context cannot be handed one made elsewhere (short
// of a cast, which review catches).
declare const checked: unique symbol;
type Checked = { readonly [checked]: true };

export type GroupContext = Checked & {
  user: CurrentUser;
  group: { id: string; slug: string; name: string; level: string; organizationId: string; courseId: string; archived: boolean; /** The organization's, for "today" (lib/dates.ts). */ timeZone: string };
  roles: GroupRole[];
  /** The caller's own enrolment, when they are a member of the group. */
  member: { id: string; channel: Channel; status: string; penName: string } | null;
};

type GroupContextRow = Omit<GroupContext["group"], "archived" | "timeZone"> & {
  organizationTimeZone: string;
  archivedAt: Date | null;
  organizer: boolean;
  facilitator: boolean;
  memberId: string | null;
  channel: Channel | null;
  memberStatus: string | null;
  penName: string | null;
};

/**
 * The caller's roles in a group, read in one statement (every page and action of a group starts
 * here); null when the group is not theirs to see. A user is at most one Person, and a person at
 * most one Member of a group (unique constraints), so the lateral join finds one enrolment or none.
 */
export async function loadGroupContext(user: CurrentUser, slug: string): Promise<GroupContext | null> {
  const rows = await db.$queryRaw<GroupContextRow[]>`
    SELECT g."id", g."slug", g."name", g."level"::text AS "level", g."organizationId", g."courseId", g."archivedAt",
           (SELECT o."timeZone" FROM "Organization" o WHERE o."id" = g."organizationId") AS "organizationTimeZone",
           EXISTS (SELECT 1 FROM "Organizer" o WHERE o."organizationId" = g."organizationId" AND o."userId" = ${user.id}) AS "organizer",
           EXISTS (SELECT 1 FROM "Facilitator" f WHERE f."groupId" = g."id" AND f."userId" = ${user.id}) AS "facilitator",
           m."id" AS "memberId", m."channel"::text AS "channel", m."status"::text AS "memberStatus", m."penName"
      FROM "Group" g
      LEFT JOIN LATERAL (
        SELECT m."id", m."channel", m."status", m."penName"
          FROM "Person" p JOIN "Member" m ON m."personId" = p."id"
         WHERE p."userId" = ${user.id} AND m."groupId" = g."id"
           AND m."status"::text = ANY (${[...MEMBER_STATUSES_WITH_ACCESS]}::text[])
         LIMIT 1
      ) m ON true
     WHERE g."slug" = ${slug}`;
  const row = rows[0];
  if (!row) return null;
  const roles: GroupRole[] = [];
  if (row.organizer) roles.push("ORGANIZER");
  if (row.facilitator) roles.push("FACILITATOR");
  const member = row.memberId ? { id: row.memberId, channel: row.channel!, status: row.memberStatus!, penName: row.penName! } : null;
  if (member) roles.push("MEMBER");
  if (roles.length === 0) return null;
  const { id, name, level, organizationId, courseId } = row;
  return { user, group: { id, slug: row.slug, name, level, organizationId, courseId, archived: row.archivedAt !== null, timeZone: row.organizationTimeZone }, roles, member } as GroupContext;
}

/**
 * For server actions and route handlers: the caller's context in the group, or an
 * AppError NOT_FOUND when they may not do `action` there.
 */
export async function authorizeGroup(user: CurrentUser, slug: string, action: GroupAction): Promise<GroupContext> {
  const context = await loadGroupContext(user, slug);
  if (!context || !canInGroup(context.roles, action)) throw new AppError("NOT_FOUND", "errors.notFound");
  return context;
}

/** For group pages: signs in if needed, and renders the 404 page when the group is not theirs. */
export async function groupPage(slug: string, action: GroupAction = "group.view"): Promise<GroupContext> {
  const user = await requireUser(`/groups/${encodeURIComponent(slug)}`);
  const context = await loadGroupContext(user, slug);
  if (!context || !canInGroup(context.roles, action)) nextNotFound();
  return context;
}

/** Organization ids the user organizes. */
export async function organizerOrganizationIds(user: CurrentUser): Promise<string[]> {
  const rows = await db.organizer.findMany({ where: { userId: user.id }, select: { organizationId: true } });
  return rows.map((r) => r.organizationId);
}

export type OrganizationContext = Checked & { user: CurrentUser; organization: { id: string } };

/** For organization-wide actions: the caller must organize the organization. */
export async function authorizeOrganization(user: CurrentUser, organizationId: string): Promise<OrganizationContext> {
  const row = await db.organizer.findUnique({
    where: { organizationId_userId: { organizationId, userId: user.id } },
    select: { id: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return { user, organization: { id: organizationId } } as OrganizationContext;
}

/**
 * The organization `organizationId` names, or when there is none the caller's first by name
 * (pages and downloads of an organizer of one organization carry no `?org=`).
 */
export async function organizationOf(user: CurrentUser, organizationId?: string): Promise<OrganizationContext> {
  if (organizationId !== undefined) return authorizeOrganization(user, organizationId);
  const [first] = await db.organization.findMany({
    where: { organizers: { some: { userId: user.id } } },
    select: { id: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1,
  });
  if (!first) throw new AppError("NOT_FOUND", "errors.notFound");
  return { user, organization: { id: first.id } } as OrganizationContext;
}

export type CourseContext = Checked & {
  user: CurrentUser;
  course: { id: string; slug: string; title: string; organizationId: string };
};

/**
 * Courses are edited by organizers of their organization and by facilitators of any group that
 * runs them. Anyone else gets NOT_FOUND.
 */
export async function authorizeCourse(user: CurrentUser, courseId: string): Promise<CourseContext> {
  const course = await db.course.findFirst({
    where: {
      id: courseId,
      OR: [
        { organization: { organizers: { some: { userId: user.id } } } },
        { groups: { some: { facilitators: { some: { userId: user.id } } } } },
      ],
    },
    select: { id: true, slug: true, title: true, organizationId: true },
  });
  if (!course) throw new AppError("NOT_FOUND", "errors.notFound");
  return { user, course } as CourseContext;
}

/** For course pages: signs in if needed; the 404 page when the course is not theirs to edit. */
export async function coursePage(courseId: string): Promise<CourseContext> {
  const user = await requireUser(`/courses/${encodeURIComponent(courseId)}`);
  try {
    return await authorizeCourse(user, courseId);
  } catch (error) {
    if (error instanceof AppError) nextNotFound();
    throw error;
  }
}
