// The People page's staff list is paged and searched, a person's groups and the open
// invitations are bounded, and past GROUP_CHOICES open groups a group is named by its address
// (docs/decisions/041-lists-that-grow.md).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeOrganization, type OrganizationContext } from "@/lib/authz";
import { db } from "@/lib/db";
import { GROUP_CHOICES, INVITATIONS_SHOWN, listStaff, STAFF_GROUPS_SHOWN, STAFF_PAGE_SIZE } from "@/lib/data/staff";
import { makeOrganization, makeOrganizer, makeUser } from "@/tests/factories";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const STAFF = STAFF_PAGE_SIZE + 3;
let ctx: OrganizationContext;
let organizer: CurrentUser;
let busy: CurrentUser;
let groupSlugs: string[];

beforeAll(async () => {
  const org = await makeOrganization();
  organizer = await makeOrganizer(org.id, await makeUser({ name: "Aaron Organizer" }));
  const tag = randomUUID().slice(0, 6);
  const course = await db.course.create({ data: { organizationId: org.id, slug: `c-${tag}`, title: "Course" }, select: { id: true } });
  // More open groups than are offered in a list; one person facilitates more than are named.
  await db.group.createMany({
    data: Array.from({ length: GROUP_CHOICES + 1 }, (_, i) => ({ organizationId: org.id, courseId: course.id, slug: `g-${tag}-${String(i).padStart(3, "0")}`, name: `Group ${String(i).padStart(3, "0")}`, level: "INTRODUCTORY" as const })),
  });
  const groups = await db.group.findMany({ where: { organizationId: org.id }, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  groupSlugs = groups.map((g) => g.slug);
  await db.user.createMany({ data: Array.from({ length: STAFF - 1 }, (_, i) => ({ email: `staff-${tag}-${i}@example.test`, name: `Staff ${String(i).padStart(2, "0")} 100%` })) });
  const users = await db.user.findMany({ where: { email: { startsWith: `staff-${tag}-` } }, select: { id: true, email: true, name: true, locale: true }, orderBy: { email: "asc" } });
  busy = users[0]!;
  await db.facilitator.createMany({ data: users.map((u, i) => ({ userId: u.id, groupId: groups[i]!.id })) });
  await db.facilitator.createMany({ data: groups.slice(users.length).map((g) => ({ userId: busy.id, groupId: g.id })) });
  await db.invitation.createMany({
    data: Array.from({ length: INVITATIONS_SHOWN + 2 }, (_, i) => ({ tokenHash: `hash-${tag}-${i}`, organizationId: org.id, email: `new-${i}@example.test`, role: "ORGANIZER" as const, expiresAt: new Date(Date.now() + 86_400_000), createdById: organizer.id })),
  });
  ctx = await authorizeOrganization(organizer, org.id);
});

describe("the staff list", () => {
  it("comes a page at a time, everyone once, by name", async () => {
    const first = await listStaff(ctx);
    const second = await listStaff(ctx, { page: 2 });
    expect(first.staff).toHaveLength(STAFF_PAGE_SIZE);
    expect(second.staff).toHaveLength(STAFF - STAFF_PAGE_SIZE);
    expect(first.paging).toMatchObject({ page: 1, matching: STAFF, pages: 2 });
    expect(first.staff[0]).toMatchObject({ userId: organizer.id, organizer: true, groupCount: 0 });
    expect(new Set([...first.staff, ...second.staff].map((s) => s.userId)).size).toBe(STAFF);
    expect((await listStaff(ctx, { page: 9 })).staff).toEqual([]);
  });

  it("names a person's first groups and counts the rest", async () => {
    const person = (await listStaff(ctx, { q: busy.email })).staff;
    expect(person).toHaveLength(1);
    expect(person[0]!.groups).toHaveLength(STAFF_GROUPS_SHOWN);
    expect(person[0]!.groupCount).toBe(1 + GROUP_CHOICES + 1 - (STAFF - 1));
  });

  it("is searched by name or e-mail, LIKE's wildcards taken literally", async () => {
    expect((await listStaff(ctx, { q: "STAFF 0" })).paging.matching).toBe(10);
    expect((await listStaff(ctx, { q: "100%" })).paging.matching).toBe(STAFF - 1);
    expect((await listStaff(ctx, { q: "_" })).paging.matching).toBe(0);
    for (const q of naughtyStrings) await listStaff(ctx, { q });
  });

  it("offers no list of groups past GROUP_CHOICES, and lists only the newest open invitations", async () => {
    const list = await listStaff(ctx);
    expect(list.groups).toBeNull();
    expect(groupSlugs).toHaveLength(GROUP_CHOICES + 1);
    expect(list.invitations).toHaveLength(INVITATIONS_SHOWN);
    expect(list.invitationCount).toBe(INVITATIONS_SHOWN + 2);
  });
});
