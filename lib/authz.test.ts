// Authorization against the real database: role × action × own/other group. A member of one
// group gets nothing of another group, and losing an enrolment loses access at once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeGroup, authorizeOrganization, loadGroupContext } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { GROUP_PERMISSIONS, type GroupAction } from "@/lib/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";

type Group = Awaited<ReturnType<typeof makeGroup>>;
let own: Group, sibling: Group, foreign: Group;
let organizer: CurrentUser, facilitator: CurrentUser, member: CurrentUser, outsider: CurrentUser;

beforeAll(async () => {
  own = await makeGroup();
  sibling = await makeGroup(own.organizationId); // same organization, not this person's group
  foreign = await makeGroup(); // another organization
  organizer = await makeOrganizer(own.organizationId);
  facilitator = await makeFacilitator(own.id);
  member = (await makeMember(own)).user!;
  outsider = await makeUser();
});

async function allowed(user: CurrentUser, slug: string, action: GroupAction): Promise<boolean> {
  try {
    await authorizeGroup(user, slug, action);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND"); // never FORBIDDEN: no hint it exists
    return false;
  }
}

describe("authorizeGroup: role × action × group", () => {
  const actions = Object.keys(GROUP_PERMISSIONS) as GroupAction[];
  const cases = () =>
    [
      { who: "organizer", user: organizer, role: "ORGANIZER" as const, groups: { own: true, sibling: true, foreign: false } },
      { who: "facilitator", user: facilitator, role: "FACILITATOR" as const, groups: { own: true, sibling: false, foreign: false } },
      { who: "member", user: member, role: "MEMBER" as const, groups: { own: true, sibling: false, foreign: false } },
      { who: "outsider", user: outsider, role: null, groups: { own: false, sibling: false, foreign: false } },
    ] as const;

  it("matches the permission table in the caller's groups and denies everything elsewhere", async () => {
    for (const c of cases()) {
      for (const [where, group] of [["own", own], ["sibling", sibling], ["foreign", foreign]] as const) {
        for (const action of actions) {
          const roleAllows = c.role !== null && (GROUP_PERMISSIONS[action] as readonly string[]).includes(c.role);
          const expected = c.groups[where] && roleAllows;
          expect(await allowed(c.user, group.slug, action), `${c.who} ${action} in ${where} group`).toBe(expected);
        }
      }
    }
  });

  it("an unknown slug is not found, like a group that is not yours", async () => {
    expect(await allowed(organizer, "no-such-group", "group.view")).toBe(false);
  });
});

describe("access is re-checked against the database", () => {
  it("a withdrawn member loses the group at once; a paused one keeps it", async () => {
    const group = await makeGroup();
    const { user, member: enrolment } = await makeMember(group);
    expect(await loadGroupContext(user!, group.slug)).not.toBeNull();
    await db.member.update({ where: { id: enrolment.id }, data: { status: "PAUSED" } });
    expect((await loadGroupContext(user!, group.slug))?.roles).toEqual(["MEMBER"]);
    await db.member.update({ where: { id: enrolment.id }, data: { status: "WITHDRAWN" } });
    expect(await loadGroupContext(user!, group.slug)).toBeNull();
  });

  it("a facilitator removed from a group loses it at once", async () => {
    const group = await makeGroup();
    const user = await makeFacilitator(group.id);
    expect(await allowed(user, group.slug, "pack.edit")).toBe(true);
    await db.facilitator.deleteMany({ where: { groupId: group.id, userId: user.id } });
    expect(await allowed(user, group.slug, "group.view")).toBe(false);
  });

  it("one person may hold different roles in different groups", async () => {
    const a = await makeGroup();
    const b = await makeGroup(a.organizationId);
    const user = await makeFacilitator(a.id);
    await makeMember(b, { user });
    expect((await loadGroupContext(user, a.slug))?.roles).toEqual(["FACILITATOR"]);
    expect((await loadGroupContext(user, b.slug))?.roles).toEqual(["MEMBER"]);
    expect(await allowed(user, b.slug, "response.viewAll")).toBe(false);
  });
});

describe("authorizeOrganization", () => {
  it("lets organizers of the organization through and nobody else", async () => {
    await expect(authorizeOrganization(organizer, own.organizationId)).resolves.toMatchObject({ user: { id: organizer.id }, organization: { id: own.organizationId } });
    await expect(authorizeOrganization(organizer, foreign.organizationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(authorizeOrganization(facilitator, own.organizationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
