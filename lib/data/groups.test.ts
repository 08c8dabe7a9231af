import { describe, expect, it } from "vitest";
import { HOME_ORGANIZATION_GROUPS, listMyGroups } from "@/lib/data/groups";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";

describe("listMyGroups", () => {
  it("lists each group once with every role the person holds there", async () => {
    const a = await makeGroup();
    const b = await makeGroup(a.organizationId);
    const other = await makeGroup();
    const user = await makeOrganizer(a.organizationId);
    await makeFacilitator(a.id, user);
    await makeMember(other, { user });
    const { groups, moreOnDashboard } = await listMyGroups(user);
    expect(moreOnDashboard).toBe(0);
    const bySlug = Object.fromEntries(groups.map((g) => [g.slug, g.roles]));
    expect(bySlug).toEqual({ [a.slug]: ["ORGANIZER", "FACILITATOR"], [b.slug]: ["ORGANIZER"], [other.slug]: ["MEMBER"] });
  });

  it("shows a member only their own group, and nothing once withdrawn", async () => {
    const mine = await makeGroup();
    await makeGroup(mine.organizationId);
    const { user } = await makeMember(mine, { status: "WITHDRAWN" });
    expect(await listMyGroups(user!)).toEqual({ groups: [], moreOnDashboard: 0 });
    expect(await listMyGroups(await makeUser())).toEqual({ groups: [], moreOnDashboard: 0 });
  });

  it("lists all of an organizer's own groups, and the organization's others up to a limit, counting the rest", async () => {
    const first = await makeGroup();
    const others = [];
    for (let i = 0; i < HOME_ORGANIZATION_GROUPS + 3; i++) others.push(await makeGroup(first.organizationId));
    const user = await makeOrganizer(first.organizationId);
    const facilitated = others.at(-1)!;
    await makeFacilitator(facilitated.id, user);
    const { groups, moreOnDashboard } = await listMyGroups(user);
    // 1 facilitated + 12 of the 15 others the list leaves to the dashboard: 3 more.
    expect(groups).toHaveLength(HOME_ORGANIZATION_GROUPS + 1);
    expect(moreOnDashboard).toBe(3);
    expect(groups.find((g) => g.slug === facilitated.slug)?.roles).toEqual(["ORGANIZER", "FACILITATOR"]);
    const order = groups.map((g) => `${["INTRODUCTORY", "INTERMEDIATE", "ADVANCED"].indexOf(g.level)} ${g.name}`);
    expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b)));
  });
});
