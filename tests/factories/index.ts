// Factories: each call makes a unique, valid record in the test database, so tests never
// depend on each other's data.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import type { Channel, MemberStatus } from "@/lib/generated/prisma/enums";

const unique = () => randomUUID().slice(0, 8);

export async function makeOrganization() {
  const id = unique();
  return db.organization.create({ data: { slug: `org-${id}`, name: `Organization ${id}` }, select: { id: true, slug: true } });
}

export async function makeUser(overrides: { email?: string; name?: string; passwordHash?: string } = {}): Promise<CurrentUser> {
  const id = unique();
  const user = await db.user.create({
    data: { email: overrides.email ?? `user-${id}@example.test`, name: overrides.name ?? `User ${id}`, passwordHash: overrides.passwordHash ?? null },
    select: { id: true, email: true, name: true, locale: true },
  });
  return user;
}

export async function makeGroup(organizationId?: string) {
  const orgId = organizationId ?? (await makeOrganization()).id;
  const id = unique();
  const course = await db.course.create({ data: { organizationId: orgId, slug: `course-${id}`, title: `Course ${id}` }, select: { id: true } });
  return db.group.create({
    data: { organizationId: orgId, courseId: course.id, slug: `group-${id}`, name: `Group ${id}`, level: "INTRODUCTORY" },
    select: { id: true, slug: true, organizationId: true, courseId: true },
  });
}

export async function makeOrganizer(organizationId: string, user?: CurrentUser): Promise<CurrentUser> {
  const u = user ?? (await makeUser());
  await db.organizer.create({ data: { organizationId, userId: u.id } });
  return u;
}

export async function makeFacilitator(groupId: string, user?: CurrentUser): Promise<CurrentUser> {
  const u = user ?? (await makeUser());
  await db.facilitator.create({ data: { groupId, userId: u.id } });
  return u;
}

/** A member of the group; online members get a login unless `user: null`. */
export async function makeMember(
  group: { id: string; organizationId: string },
  options: { user?: CurrentUser | null; channel?: Channel; status?: MemberStatus } = {},
) {
  const channel = options.channel ?? "ONLINE";
  const user = options.user === undefined ? (channel === "ONLINE" ? await makeUser() : null) : options.user;
  const existing = user ? await db.person.findUnique({ where: { userId: user.id }, select: { id: true } }) : null;
  const person =
    existing ??
    (await db.person.create({
      data: { organizationId: group.organizationId, userId: user?.id ?? null, legalName: user?.name ?? `Person ${unique()}`, email: user?.email ?? null },
      select: { id: true },
    }));
  const member = await db.member.create({
    data: { groupId: group.id, personId: person.id, channel, status: options.status ?? "ACTIVE", penName: `Pen ${unique()}` },
    select: { id: true, personId: true },
  });
  return { user, member, personId: person.id };
}
