import { describe, expect, it } from "vitest";
import { listMyGroups } from "@/lib/data/groups";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";

describe("listMyGroups", () => {
  it("lists each group once with every role the person holds there", async () => {
    const a = await makeGroup();
    const b = await makeGroup(a.organizationId);
    const other = await makeGroup();
    const user = await makeOrganizer(a.organizationId);
    await makeFacilitator(a.id, user);
    await makeMember(other, { user });
    const groups = await listMyGroups(user);
    const bySlug = Object.fromEntries(groups.map((g) => [g.slug, g.roles]));
    expect(bySlug).toEqual({ [a.slug]: ["ORGANIZER", "FACILITATOR"], [b.slug]: ["ORGANIZER"], [other.slug]: ["MEMBER"] });
  });

  it("shows a member only their own group, and nothing once withdrawn", async () => {
    const mine = await makeGroup();
    await makeGroup(mine.organizationId);
    const { user } = await makeMember(mine, { status: "WITHDRAWN" });
    expect(await listMyGroups(user!)).toEqual([]);
    expect(await listMyGroups(await makeUser())).toEqual([]);
  });
});
