// Group management through its actions, as a browser would call them (the session cookie, the
// entry layer, the data functions, the real database): who may create, edit and archive, the
// slug rules, naughty names, and what archiving hides and keeps.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { listMyGroups } from "@/lib/data/groups";
import { listArchivedGroups } from "@/lib/data/group-admin";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { signInAs } from "@/tests/setup/request-cookie";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { createGroupAction } from "@/app/(app)/groups/new/actions";
import { setGroupArchivedAction, updateGroupAction } from "@/app/(app)/groups/[groupSlug]/settings/actions";
import { createPackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";

vi.mock("next/headers", () => import("@/tests/setup/request-cookie"));
// No Next.js server around a unit test: there is no page cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const signIn = signInAs;

let n = 0;
const slug = () => `g-${Date.now().toString(36)}-${++n}`;
const form = (courseId: string, overrides: Record<string, unknown> = {}) => ({ name: "Spring group", slug: slug(), level: "INTERMEDIATE", courseId, turnaroundDays: "21", packEveryWeeks: "4", ...overrides });

let group: { id: string; slug: string; organizationId: string; courseId: string };
beforeEach(async () => {
  group = await makeGroup();
  await signIn(null);
});

describe("creating a group", () => {
  it("an organizer creates one in their organization, with its schedule in days and an audit entry", async () => {
    const organizer = await makeOrganizer(group.organizationId);
    await signIn(organizer);
    const values = form(group.courseId);
    const result = await createGroupAction({ organizationId: group.organizationId, values });
    expect(result).toEqual({ ok: true, data: { slug: values.slug } });
    const saved = await db.group.findUniqueOrThrow({ where: { slug: values.slug } });
    expect(saved).toMatchObject({ organizationId: group.organizationId, name: "Spring group", level: "INTERMEDIATE", courseId: group.courseId, expectedTurnaroundDays: 21, packIntervalDays: 28, archivedAt: null });
    expect(await db.auditLog.count({ where: { action: "group.create", entityId: saved.id, actorId: organizer.id } })).toBe(1);
    expect((await listMyGroups(organizer)).groups.map((g) => g.slug)).toContain(values.slug);
  });

  it("is not found for a facilitator, a member, a stranger, another organization's organizer, and nobody signed in; nothing is written", async () => {
    const other = await makeGroup();
    const callers = [
      await makeFacilitator(group.id),
      (await makeMember(group)).user!,
      await makeUser(),
      await makeOrganizer(other.organizationId),
      null,
    ];
    const before = await db.group.count();
    for (const caller of callers) {
      await signIn(caller);
      const result = await createGroupAction({ organizationId: group.organizationId, values: form(group.courseId) });
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", fieldErrors: {} });
    }
    expect(await db.group.count()).toBe(before);
  });

  it("refuses a course of another organization as a field error", async () => {
    const other = await makeGroup();
    await signIn(await makeOrganizer(group.organizationId));
    const result = await createGroupAction({ organizationId: group.organizationId, values: form(other.courseId) });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.courseId": "groupAdmin.validation.course" } });
  });

  it("refuses a slug already taken, in this organization or another (the slug is the address), and says which field", async () => {
    const other = await makeGroup();
    await signIn(await makeOrganizer(group.organizationId));
    for (const taken of [group.slug, other.slug]) {
      const result = await createGroupAction({ organizationId: group.organizationId, values: form(group.courseId, { slug: taken }) });
      expect(result).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { "values.slug": "groupAdmin.errors.slugTaken" } });
    }
    expect(await db.group.count({ where: { slug: { in: [group.slug, other.slug] } } })).toBe(2);
  });

  it("stores naughty names as typed and refuses naughty slugs with a field error, never a 500", async () => {
    await signIn(await makeOrganizer(group.organizationId));
    const names = naughtyStrings.filter((s) => s.trim().length > 0 && s.length <= 120).slice(0, 60);
    for (const name of names) {
      const values = form(group.courseId, { name });
      const result = await createGroupAction({ organizationId: group.organizationId, values });
      expect(result.ok, name).toBe(true);
      expect((await db.group.findUniqueOrThrow({ where: { slug: values.slug }, select: { name: true } })).name).toBe(name.replace(/\u0000/g, "").trim());
    }
    const before = await db.group.count();
    for (const s of naughtyStrings.filter((s) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.trim()))) {
      const result = await createGroupAction({ organizationId: group.organizationId, values: form(group.courseId, { slug: s }) });
      expect(result.ok, s).toBe(false);
      if (!result.ok) expect(["INVALID"], s).toContain(result.code);
    }
    expect(await db.group.count()).toBe(before);
  });
});

describe("editing and archiving", () => {
  it("an organizer edits the group, changing its slug too", async () => {
    await signIn(await makeOrganizer(group.organizationId));
    const values = form(group.courseId, { name: "Renamed", packEveryWeeks: "", turnaroundDays: "" });
    expect(await updateGroupAction({ groupSlug: group.slug, values })).toEqual({ ok: true, data: { slug: values.slug } });
    expect(await db.group.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ slug: values.slug, name: "Renamed", packIntervalDays: null, expectedTurnaroundDays: null });
  });

  it("is not found for the group's facilitator and member, and another organization's organizer; nothing changes", async () => {
    const other = await makeGroup();
    const callers = [await makeFacilitator(group.id), (await makeMember(group)).user!, await makeOrganizer(other.organizationId)];
    for (const caller of callers) {
      await signIn(caller);
      expect(await updateGroupAction({ groupSlug: group.slug, values: form(group.courseId, { name: "Hijacked" }) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await setGroupArchivedAction({ groupSlug: group.slug, archived: true })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.group.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ name: expect.not.stringMatching("Hijacked"), archivedAt: null });
  });

  it("archiving hides the group from lists but keeps it and its records; bringing it back shows it again", async () => {
    const organizer = await makeOrganizer(group.organizationId);
    const facilitator = await makeFacilitator(group.id);
    const { user: member } = await makeMember(group);
    await signIn(facilitator);
    expect(await createPackAction({ groupSlug: group.slug, lessonIds: [], dueDate: "" })).toMatchObject({ ok: true });

    await signIn(organizer);
    expect(await setGroupArchivedAction({ groupSlug: group.slug, archived: true })).toEqual({ ok: true, data: { archived: true } });
    for (const user of [organizer, facilitator, member!]) expect((await listMyGroups(user)).groups.map((g) => g.slug)).not.toContain(group.slug);
    expect((await listArchivedGroups(organizer)).map((g) => g.slug)).toEqual([group.slug]);
    expect(await listArchivedGroups(facilitator)).toEqual([]);
    expect(await db.pack.count({ where: { groupId: group.id } })).toBe(1);
    expect(await db.member.count({ where: { groupId: group.id } })).toBe(1);
    expect(await db.facilitator.count({ where: { groupId: group.id } })).toBe(1);

    // Read-only: no edit, no new pack, each with a plain message; a second archive does nothing.
    expect(await updateGroupAction({ groupSlug: group.slug, values: form(group.courseId) })).toMatchObject({ ok: false, code: "CONFLICT", formError: "errors.groupArchived" });
    await signIn(facilitator);
    expect(await createPackAction({ groupSlug: group.slug, lessonIds: [], dueDate: "" })).toMatchObject({ ok: false, code: "CONFLICT", formError: "errors.groupArchived" });
    expect(await db.pack.count({ where: { groupId: group.id } })).toBe(1);
    await signIn(organizer);
    expect(await setGroupArchivedAction({ groupSlug: group.slug, archived: true })).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "group.archive", entityId: group.id } })).toBe(1);

    expect(await setGroupArchivedAction({ groupSlug: group.slug, archived: false })).toEqual({ ok: true, data: { archived: false } });
    expect((await listMyGroups(facilitator)).groups.map((g) => g.slug)).toContain(group.slug);
    expect(await listArchivedGroups(organizer)).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "group.restore", entityId: group.id } })).toBe(1);
  });
});
