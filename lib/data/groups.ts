// Groups as the caller may see them. Every query is scoped to the caller's roles.
import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { MEMBER_STATUSES_WITH_ACCESS, type GroupRole } from "@/lib/permissions";

export type MyGroup = {
  slug: string;
  name: string;
  level: "INTRODUCTORY" | "INTERMEDIATE" | "ADVANCED";
  organizationName: string;
  courseTitle: string;
  roles: GroupRole[];
};

/** How many of an organization's groups an organizer's home lists besides their own; the rest are on the dashboard. */
export const HOME_ORGANIZATION_GROUPS = 12;

export type MyGroups = {
  /** Groups the user facilitates or is a member of, all of them; then, for an organizer, the first of the organization's others. */
  groups: MyGroup[];
  /** Open groups of the organizations the user organizes that the list leaves out (0 when it shows them all). */
  moreOnDashboard: number;
};

/** The enum's order in PostgreSQL, which the queries sort by. */
const LEVEL_ORDER: MyGroup["level"][] = ["INTRODUCTORY", "INTERMEDIATE", "ADVANCED"];

const myGroupSelect = (userId: string, accessibleMember: object) =>
  ({
    slug: true,
    name: true,
    level: true,
    course: { select: { title: true } },
    organization: { select: { name: true, organizers: { where: { userId }, select: { id: true } } } },
    facilitators: { where: { userId }, select: { id: true } },
    members: { where: accessibleMember, select: { id: true } },
  }) as const;

/**
 * The groups on the user's home page, with their roles; three statements however many groups.
 * A person's own groups (facilitated, or joined) are all listed: they are bounded by what one
 * person does. An organizer's whole organization is not: its first HOME_ORGANIZATION_GROUPS
 * are listed and the dashboard, paged, has the rest (docs/decisions/041).
 */
export async function listMyGroups(user: CurrentUser): Promise<MyGroups> {
  const accessibleMember = { person: { userId: user.id }, status: { in: [...MEMBER_STATUSES_WITH_ACCESS] } };
  const select = myGroupSelect(user.id, accessibleMember);
  const ownWhere = { archivedAt: null, OR: [{ facilitators: { some: { userId: user.id } } }, { members: { some: accessibleMember } }] };
  const organizedWhere = { archivedAt: null, organization: { organizers: { some: { userId: user.id } } } };
  const order = [{ level: "asc" as const }, { name: "asc" as const }];
  const [own, organized, organizedCount] = await Promise.all([
    db.group.findMany({ where: ownWhere, select, orderBy: order }),
    db.group.findMany({ where: { ...organizedWhere, NOT: ownWhere }, select, orderBy: order, take: HOME_ORGANIZATION_GROUPS }),
    db.group.count({ where: { ...organizedWhere, NOT: ownWhere } }),
  ]);
  const groups = [...own, ...organized]
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name))
    .map((g) => ({
      slug: g.slug,
      name: g.name,
      level: g.level,
      organizationName: g.organization.name,
      courseTitle: g.course.title,
      roles: [
        ...(g.organization.organizers.length ? (["ORGANIZER"] as const) : []),
        ...(g.facilitators.length ? (["FACILITATOR"] as const) : []),
        ...(g.members.length ? (["MEMBER"] as const) : []),
      ],
    }));
  return { groups, moreOnDashboard: organizedCount - organized.length };
}

export type GroupOverview = {
  courseTitle: string;
  facilitatorNames: string[];
  activeMembers: number;
  onlineMembers: number;
  mailMembers: number;
};

/** What the group home shows. The caller has already been authorized for the group. */
export async function getGroupOverview(groupId: string): Promise<GroupOverview> {
  const [group, byChannel] = await Promise.all([
    db.group.findUniqueOrThrow({
      where: { id: groupId },
      select: {
        course: { select: { title: true } },
        facilitators: { select: { user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    db.member.groupBy({ by: ["channel"], where: { groupId, status: "ACTIVE" }, _count: { _all: true } }),
  ]);
  const count = (channel: "ONLINE" | "MAIL" | "EMESSAGE") => byChannel.find((row) => row.channel === channel)?._count._all ?? 0;
  return {
    courseTitle: group.course.title,
    facilitatorNames: group.facilitators.map((f) => f.user.name),
    activeMembers: count("ONLINE") + count("MAIL") + count("EMESSAGE"),
    onlineMembers: count("ONLINE"),
    mailMembers: count("MAIL"),
  };
}
