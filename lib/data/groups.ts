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

/** Every group the user has a role in, with that role; one query however many groups. */
export async function listMyGroups(user: CurrentUser): Promise<MyGroup[]> {
  const accessibleMember = { person: { userId: user.id }, status: { in: [...MEMBER_STATUSES_WITH_ACCESS] } };
  const groups = await db.group.findMany({
    where: {
      archivedAt: null,
      OR: [
        { organization: { organizers: { some: { userId: user.id } } } },
        { facilitators: { some: { userId: user.id } } },
        { members: { some: accessibleMember } },
      ],
    },
    select: {
      slug: true,
      name: true,
      level: true,
      course: { select: { title: true } },
      organization: { select: { name: true, organizers: { where: { userId: user.id }, select: { id: true } } } },
      facilitators: { where: { userId: user.id }, select: { id: true } },
      members: { where: accessibleMember, select: { id: true } },
    },
    orderBy: [{ level: "asc" }, { name: "asc" }],
  });
  return groups.map((g) => ({
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
  const count = (channel: "ONLINE" | "MAIL") => byChannel.find((row) => row.channel === channel)?._count._all ?? 0;
  return {
    courseTitle: group.course.title,
    facilitatorNames: group.facilitators.map((f) => f.user.name),
    activeMembers: count("ONLINE") + count("MAIL"),
    onlineMembers: count("ONLINE"),
    mailMembers: count("MAIL"),
  };
}
