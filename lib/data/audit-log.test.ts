// Reading the audit log against the real database: only the organization's organizers read it,
// filters narrow it, keyset pagination returns every entry exactly once (even when timestamps
// are equal), and a bad query string is ignored rather than a crash.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { AUDIT_CHOICES_LIMIT, listAuditEntries, recordAuditView } from "@/lib/data/audit-log";
import { AUDIT_PAGE_SIZE, parseAuditFilters, type AuditFilters } from "@/lib/validations/audit";
import { makeFacilitator, makeGroup, makeMember, makeOrganization, makeOrganizer, makeUser } from "@/tests/factories";

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ name: "AppError", code: "NOT_FOUND" });
}

type Group = Awaited<ReturnType<typeof makeGroup>>;

/** Every page of the log for these filters, following the cursor. */
async function allPages(user: CurrentUser, filters: AuditFilters) {
  const ids: string[] = [];
  let f = filters;
  for (let i = 0; i < 20; i++) {
    const page = await listAuditEntries(user, f);
    expect(page.entries.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
    ids.push(...page.entries.map((e) => e.id));
    if (!page.nextCursor) return { ids, pages: i + 1 };
    f = { ...filters, ...parseAuditFilters({ before: page.nextCursor }) };
  }
  throw new Error("pagination did not end");
}

describe("the audit log", () => {
  let group: Group, otherGroup: Group;
  let organizer: CurrentUser, facilitator: CurrentUser, member: CurrentUser, otherOrganizer: CurrentUser, nobody: CurrentUser;
  let personA: string, personB: string;
  let foreignEntryId: string;

  beforeAll(async () => {
    group = await makeGroup();
    otherGroup = await makeGroup(group.organizationId);
    organizer = await makeOrganizer(group.organizationId);
    facilitator = await makeFacilitator(group.id);
    const m = await makeMember(group);
    member = m.user!;
    personA = m.personId;
    personB = (await makeMember(otherGroup, { channel: "MAIL" })).personId;
    const other = await makeOrganization();
    otherOrganizer = await makeOrganizer(other.id);
    nobody = await makeUser();
    const orgId = group.organizationId;
    await db.auditLog.createMany({
      data: [
        { organizationId: orgId, actorId: organizer.id, action: "members.view", entityType: "Group", entityId: group.id, groupId: group.id, createdAt: new Date("2024-03-01T10:00:00Z") },
        { organizationId: orgId, actorId: facilitator.id, action: "scan.download", entityType: "StoredFile", groupId: group.id, personId: personA, createdAt: new Date("2024-03-02T23:59:59.999Z") },
        { organizationId: orgId, actorId: organizer.id, action: "member.add", entityType: "Member", groupId: otherGroup.id, personId: personB, createdAt: new Date("2024-03-03T00:00:00Z") },
        { organizationId: orgId, actorId: null, action: "invitation.accept", entityType: "Invitation", groupId: group.id, personId: personA, details: { role: "MEMBER" }, createdAt: new Date("2024-03-04T12:00:00Z") },
      ],
    });
    const foreign = await db.auditLog.create({ data: { organizationId: other.id, actorId: otherOrganizer.id, action: "facility.create", entityType: "Facility", createdAt: new Date("2024-03-02T12:00:00Z") }, select: { id: true } });
    foreignEntryId = foreign.id;
  });

  it("the organizer reads their organization's entries, newest first, with names", async () => {
    const page = await listAuditEntries(organizer, {});
    expect(page.organization.id).toBe(group.organizationId);
    expect(page.entries.map((e) => e.action)).toEqual(["invitation.accept", "member.add", "scan.download", "members.view"]);
    expect(page.entries.map((e) => e.id)).not.toContain(foreignEntryId);
    expect(page.nextCursor).toBeNull();
    const [accept, add, scan] = page.entries;
    expect(accept).toMatchObject({ actor: null, group: { id: group.id }, person: { id: personA, legalName: member.name }, details: { role: "MEMBER" } });
    expect(add).toMatchObject({ actor: { id: organizer.id, name: organizer.name }, group: { id: otherGroup.id }, person: { id: personB } });
    expect(scan!.actor).toEqual({ id: facilitator.id, name: facilitator.name });
    expect(page.options.actions).toEqual(["invitation.accept", "member.add", "members.view", "scan.download"]);
    expect(page.options.groups.map((g) => g.id).sort()).toEqual([group.id, otherGroup.id].sort());
    expect(page.options.people.map((p) => p.id).sort()).toEqual([personA, personB].sort());
    expect(page.options.actors.map((a) => a.id).sort()).toEqual([organizer.id, facilitator.id].sort());
  });

  it("is not found for facilitators, members, other organizations' organizers and strangers", async () => {
    for (const user of [facilitator, member, nobody]) await expectNotFound(listAuditEntries(user, {}));
    await expectNotFound(listAuditEntries(otherOrganizer, { org: group.organizationId }));
    await expectNotFound(listAuditEntries(organizer, { org: (await makeOrganization()).id }));
    // The other organizer sees only their own organization's entry.
    const own = await listAuditEntries(otherOrganizer, {});
    expect(own.entries.map((e) => e.id)).toEqual([foreignEntryId]);
    await expectNotFound(recordAuditView(facilitator, group.organizationId, {}));
  });

  it("filters by action, group, person, actor and date range", async () => {
    const actions = async (filters: AuditFilters) => (await listAuditEntries(organizer, filters)).entries.map((e) => e.action);
    expect(await actions({ action: "member.add" })).toEqual(["member.add"]);
    expect(await actions({ groupId: group.id })).toEqual(["invitation.accept", "scan.download", "members.view"]);
    expect(await actions({ personId: personA })).toEqual(["invitation.accept", "scan.download"]);
    expect(await actions({ personId: personB, groupId: group.id })).toEqual([]);
    expect(await actions({ actorId: facilitator.id })).toEqual(["scan.download"]);
    // Both ends of the range are whole days, inclusive.
    expect(await actions({ from: "2024-03-02", to: "2024-03-03" })).toEqual(["member.add", "scan.download"]);
    expect(await actions({ from: "2024-03-04" })).toEqual(["invitation.accept"]);
    expect(await actions({ to: "2024-03-01" })).toEqual(["members.view"]);
    // Another organization's person, as a filter, shows nothing of theirs.
    expect(await actions({ personId: "not-a-person" })).toEqual([]);
  });

  it("pages through equal timestamps returning each entry exactly once", async () => {
    const { id: orgId } = await makeOrganization();
    const user = await makeOrganizer(orgId);
    const same = new Date("2024-05-05T05:05:05.005Z");
    const total = AUDIT_PAGE_SIZE * 2 + 7;
    await db.auditLog.createMany({
      data: Array.from({ length: total }, (_, i) => ({ organizationId: orgId, actorId: user.id, action: "members.view", entityType: "Group", createdAt: i % 3 === 0 ? new Date(same.getTime() - i) : same })),
    });
    const { ids, pages } = await allPages(user, {});
    expect(pages).toBe(3);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const stored = await db.auditLog.findMany({ where: { organizationId: orgId }, select: { id: true } });
    expect(new Set(ids)).toEqual(new Set(stored.map((s) => s.id)));
    // With a filter as well.
    const filtered = await allPages(user, { action: "members.view", to: "2024-05-05" });
    expect(filtered.ids).toEqual(ids);
  });

  it("ignores a bad cursor and bad filters instead of failing", async () => {
    const first = await listAuditEntries(organizer, {});
    for (const before of ["nonsense", "2024-13-45T00:00:00Z_abc", "_abc", "2024-03-03T00:00:00.000Z_", "2024-03-03T00:00:00.000Z_bad id!", ["x", "y"]]) {
      const filters = parseAuditFilters({ before });
      expect(filters.before).toBeUndefined();
      expect((await listAuditEntries(organizer, filters)).entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    }
    expect(parseAuditFilters({ action: "<script>", group: "", person: "a b", actor: ["x y"], from: "2024-02-30", to: "yesterday", org: "../x" })).toEqual({});
    expect(parseAuditFilters({ action: "member.add", from: "2024-02-29", person: ["p1", "p2"] })).toEqual({ action: "member.add", from: "2024-02-29", personId: "p1" });
    // A cursor from the page itself works: older than 2024-03-03 leaves the two earlier entries.
    const cursor = first.entries[1]!;
    const older = await listAuditEntries(organizer, parseAuditFilters({ before: `${cursor.createdAt.toISOString()}_${cursor.id}` }));
    expect(older.entries.map((e) => e.action)).toEqual(["scan.download", "members.view"]);
  });

  it("each view of the log is recorded", async () => {
    const { id: orgId } = await makeOrganization();
    const user = await makeOrganizer(orgId);
    await recordAuditView(user, orgId, { action: "scan.download", personId: personA });
    const rows = await db.auditLog.findMany({ where: { organizationId: orgId, action: "audit.view" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, entityType: "Organization", entityId: orgId, details: { filters: { action: "scan.download", personId: personA }, page: "first" } });
  });

  it("offers at most AUDIT_CHOICES_LIMIT groups, people and actors to filter by, and says when there are more", async () => {
    const organization = await makeOrganization();
    const organizer = await makeOrganizer(organization.id);
    const groups: Group[] = [];
    for (let i = 0; i <= AUDIT_CHOICES_LIMIT; i++) groups.push(await makeGroup(organization.id));
    const people = await db.person.createManyAndReturn({
      data: groups.map((_, i) => ({ organizationId: organization.id, legalName: `Audit Person ${String(i).padStart(3, "0")}` })),
      select: { id: true },
    });
    await db.auditLog.createMany({
      data: groups.map((g, i) => ({ organizationId: organization.id, actorId: organizer.id, action: "members.view", entityType: "Group", entityId: g.id, groupId: g.id, personId: people[i]!.id })),
    });
    const page = await listAuditEntries(organizer, {});
    expect(page.options.groups).toHaveLength(AUDIT_CHOICES_LIMIT);
    expect(page.options.people).toHaveLength(AUDIT_CHOICES_LIMIT);
    expect(page.options.more).toEqual({ groups: true, people: true, actors: false });
    // An entry still names its group and person, whether or not the form offers them.
    expect(page.entries.every((e) => e.group !== null && e.person !== null)).toBe(true);
  });
});
