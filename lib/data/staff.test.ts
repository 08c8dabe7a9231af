// The People page's actions as a browser calls them (session cookie, entry layer, data
// functions, real database): listing staff, inviting organizers and facilitators (a link to copy,
// or an e-mail through a real SMTP server), giving and taking roles, and never leaving an
// organization without an organizer.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authorizeGroup } from "@/lib/authz";
import { listStaff } from "@/lib/data/staff";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { sessionCookie } from "@/tests/factories/session";
import { getCookie, setCookie, signInAs } from "@/tests/setup/request-cookie";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/setup/smtp";
import { resetEmailQueue, workQueuedEmails } from "@/tests/setup/email-queue";
import { assignFacilitatorAction, inviteStaffAction, makeOrganizerAction, removeFacilitatorAction, removeOrganizerAction, revokeStaffInvitationAction } from "@/app/(app)/people/actions";
import { acceptAsNewUserAction } from "@/app/(auth)/invitations/[token]/actions";
import { authorizeOrganization } from "@/lib/authz";

vi.mock("next/headers", () => import("@/tests/setup/request-cookie"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const signIn = signInAs;

let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});
afterAll(async () => {
  await resetEmailQueue();
});

let group: { id: string; slug: string; organizationId: string; courseId: string };
let organizer: Awaited<ReturnType<typeof makeOrganizer>>;
beforeEach(async () => {
  group = await makeGroup();
  organizer = await makeOrganizer(group.organizationId);
  await signIn(organizer);
});

const tokenOf = (path: string) => path.split("/").at(-1)!;

describe("the staff list", () => {
  it("lists organizers and facilitators with their groups, open staff invitations and the open groups", async () => {
    const second = await makeGroup(group.organizationId);
    const archived = await makeGroup(group.organizationId);
    await db.group.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const facilitator = await makeFacilitator(group.id);
    await makeFacilitator(archived.id, facilitator);
    await makeMember(group); // a member is not staff
    const outsider = await makeFacilitator((await makeGroup()).id); // another organization's
    const invited = await inviteStaffAction({ organizationId: group.organizationId, values: { role: "FACILITATOR", email: "new.one@example.test", groupSlug: second.slug } });
    expect(invited.ok).toBe(true);

    const list = await listStaff(await authorizeOrganization(organizer, group.organizationId));
    expect(list.staff.map((s) => s.userId).sort()).toEqual([organizer.id, facilitator.id].sort());
    expect(list.staff.find((s) => s.userId === organizer.id)).toMatchObject({ organizer: true, groups: [] });
    expect(list.staff.find((s) => s.userId === facilitator.id)!.groups.map((g) => [g.slug, g.archived]).sort()).toEqual([[group.slug, false], [archived.slug, true]].sort());
    expect(list.staff.some((s) => s.userId === outsider.id)).toBe(false);
    expect(list.invitations).toMatchObject([{ email: "new.one@example.test", role: "FACILITATOR", expired: false }]);
    expect(list.groups!.map((g) => g.slug).sort()).toEqual([group.slug, second.slug].sort());
  });
});

describe("inviting staff", () => {
  it("without e-mail, gives a link to copy; the new facilitator accepts it once and facilitates the group", async () => {
    const result = await inviteStaffAction({ organizationId: group.organizationId, values: { role: "FACILITATOR", email: "  Maya.Lee@Example.test ", groupSlug: group.slug } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({ email: "maya.lee@example.test", emailQueued: false });
    const token = tokenOf(result.data.path!);
    expect(await db.auditLog.count({ where: { organizationId: group.organizationId, action: "invitation.create", actorId: organizer.id } })).toBe(1);

    await signIn(null);
    const accepted = await acceptAsNewUserAction({ token, values: { name: "Maya Lee", password: "a quiet river in autumn 1987", confirmPassword: "a quiet river in autumn 1987" } });
    expect(accepted).toMatchObject({ ok: true, data: { groupSlug: group.slug } });
    const maya = await db.user.findUniqueOrThrow({ where: { email: "maya.lee@example.test" }, select: { id: true, email: true, name: true, locale: true } });
    await expect(authorizeGroup(maya, group.slug, "pack.edit")).resolves.toMatchObject({ roles: ["FACILITATOR"] });
    // Single use.
    const again = await acceptAsNewUserAction({ token, values: { name: "Someone", password: "another long passphrase 4471", confirmPassword: "another long passphrase 4471" } });
    expect(again.ok).toBe(false);
  });

  it("with e-mail set up, queues the invitation; the e-mail names the role and carries the link", async () => {
    smtp = await startTestSmtpServer();
    const result = await inviteStaffAction({ organizationId: group.organizationId, values: { role: "ORGANIZER", email: "co.organizer@example.test", groupSlug: "" } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({ emailQueued: true, path: null });
    await workQueuedEmails();
    const mail = smtp.messages.find((m) => m.to.includes("co.organizer@example.test"))!;
    expect(mail.text).toContain("invites you to organize");
    const link = /https?:\/\/\S+\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link).not.toBeNull();
    await signIn(null);
    expect(await acceptAsNewUserAction({ token: link![1]!, values: { name: "Co Organizer", password: "a quiet river in autumn 1987", confirmPassword: "a quiet river in autumn 1987" } })).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "co.organizer@example.test" } });
    expect(await db.organizer.count({ where: { organizationId: group.organizationId, userId: user.id } })).toBe(1);
  });

  it("a new link replaces the open one for the same address and role; a withdrawn link stops working", async () => {
    const first = await inviteStaffAction({ organizationId: group.organizationId, values: { role: "FACILITATOR", email: "sam@example.test", groupSlug: group.slug } });
    const second = await inviteStaffAction({ organizationId: group.organizationId, values: { role: "FACILITATOR", email: "sam@example.test", groupSlug: group.slug } });
    if (!first.ok || !second.ok) throw new Error("invitations failed");
    const open = await db.invitation.findMany({ where: { organizationId: group.organizationId, email: "sam@example.test", revokedAt: null } });
    expect(open).toHaveLength(1);
    const [row] = open;
    expect((await revokeStaffInvitationAction({ organizationId: group.organizationId, invitationId: row!.id })).ok).toBe(true);
    await signIn(null);
    for (const r of [first, second]) {
      const accepted = await acceptAsNewUserAction({ token: tokenOf(r.data.path!), values: { name: "Sam", password: "a quiet river in autumn 1987", confirmPassword: "a quiet river in autumn 1987" } });
      expect(accepted).toMatchObject({ ok: false, code: "CONFLICT" });
    }
  });

  it("refuses bad input with a field message and writes nothing: naughty e-mails, a group of another organization, someone already in the role", async () => {
    const before = await db.invitation.count();
    for (const email of naughtyStrings) {
      const result = await inviteStaffAction({ organizationId: group.organizationId, values: { role: "FACILITATOR", email, groupSlug: group.slug } });
      if (result.ok) expect(result.data.email).toMatch(/^[^@\s]+@[^@\s]+$/);
      else expect(result.code).toBe("INVALID");
    }
    await db.invitation.deleteMany({ where: { organizationId: group.organizationId } });
    const other = await makeGroup();
    expect(await inviteStaffAction({ organizationId: group.organizationId, values: { role: "FACILITATOR", email: "x@example.test", groupSlug: other.slug } })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.groupSlug": "people.errors.groupUnknown" } });
    expect(await inviteStaffAction({ organizationId: group.organizationId, values: { role: "FACILITATOR", email: "x@example.test", groupSlug: "" } })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.groupSlug": "people.validation.groupRequired" } });
    expect(await inviteStaffAction({ organizationId: group.organizationId, values: { role: "ORGANIZER", email: organizer.email, groupSlug: "" } })).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { "values.email": "people.errors.alreadyOrganizer" } });
    expect(await db.invitation.count()).toBe(before);
  });
});

describe("giving and taking roles", () => {
  it("assigns an existing facilitator to another group and removes them again; their records stay, their access goes", async () => {
    const second = await makeGroup(group.organizationId);
    const facilitator = await makeFacilitator(group.id);
    expect(await assignFacilitatorAction({ organizationId: group.organizationId, values: { userId: facilitator.id, groupSlug: second.slug } })).toEqual({ ok: true, data: null });
    // Twice is the same as once.
    expect(await assignFacilitatorAction({ organizationId: group.organizationId, values: { userId: facilitator.id, groupSlug: second.slug } })).toEqual({ ok: true, data: null });
    expect(await db.facilitator.count({ where: { groupId: second.id, userId: facilitator.id } })).toBe(1);
    await expect(authorizeGroup(facilitator, second.slug, "pack.edit")).resolves.toBeTruthy();

    expect(await removeFacilitatorAction({ organizationId: group.organizationId, values: { userId: facilitator.id, groupSlug: second.slug } })).toEqual({ ok: true, data: null });
    await expect(authorizeGroup(facilitator, second.slug, "group.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.user.count({ where: { id: facilitator.id } })).toBe(1);
    expect(await db.auditLog.findMany({ where: { organizationId: group.organizationId, action: { in: ["facilitator.assign", "facilitator.remove"] } }, select: { action: true } })).toHaveLength(2);
  });

  it("does not give a group to someone who is not staff of the organization, nor a group that is archived", async () => {
    const member = await makeMember(group);
    const stranger = await makeUser();
    for (const user of [member.user!, stranger, await makeFacilitator((await makeGroup()).id)]) {
      expect(await assignFacilitatorAction({ organizationId: group.organizationId, values: { userId: user.id, groupSlug: group.slug } })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    const facilitator = await makeFacilitator(group.id);
    const archived = await makeGroup(group.organizationId);
    await db.group.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    expect(await assignFacilitatorAction({ organizationId: group.organizationId, values: { userId: facilitator.id, groupSlug: archived.slug } })).toMatchObject({ ok: false, code: "CONFLICT", formError: "errors.groupArchived" });
    expect(await db.facilitator.count({ where: { groupId: archived.id } })).toBe(0);
  });

  it("makes a facilitator an organizer; removing the last organizer is refused, the one before it is not", async () => {
    const facilitator = await makeFacilitator(group.id);
    expect(await removeOrganizerAction({ organizationId: group.organizationId, userId: organizer.id })).toMatchObject({ ok: false, code: "CONFLICT", formError: "people.errors.lastOrganizer" });
    expect(await makeOrganizerAction({ organizationId: group.organizationId, userId: facilitator.id })).toEqual({ ok: true, data: null });
    expect(await removeOrganizerAction({ organizationId: group.organizationId, userId: organizer.id })).toEqual({ ok: true, data: { self: true } });
    // The caller is no longer an organizer: the page and its actions are closed to them.
    expect(await makeOrganizerAction({ organizationId: group.organizationId, userId: organizer.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await signIn(facilitator);
    expect(await removeOrganizerAction({ organizationId: group.organizationId, userId: facilitator.id })).toMatchObject({ ok: false, formError: "people.errors.lastOrganizer" });
    expect(await db.organizer.count({ where: { organizationId: group.organizationId } })).toBe(1);
  });

  it("a disabled account does not count as the organizer who remains", async () => {
    const disabled = await makeOrganizer(group.organizationId);
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await removeOrganizerAction({ organizationId: group.organizationId, userId: organizer.id })).toMatchObject({ ok: false, formError: "people.errors.lastOrganizer" });
  });

  it("two organizers removing each other at the same moment leave one organizer", async () => {
    const other = await makeOrganizer(group.organizationId);
    const otherCookie = (await sessionCookie(other.id)).cookie;
    const mine = getCookie();
    // Each call reads the cookie when it starts: start one as each organizer.
    const first = removeOrganizerAction({ organizationId: group.organizationId, userId: other.id });
    setCookie(otherCookie);
    const second = removeOrganizerAction({ organizationId: group.organizationId, userId: organizer.id });
    setCookie(mine);
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.organizer.count({ where: { organizationId: group.organizationId } })).toBe(1);
  });

  it("every action is not found for the organization's facilitators and members, and nothing changes", async () => {
    const facilitator = await makeFacilitator(group.id);
    const member = await makeMember(group);
    for (const caller of [facilitator, member.user!]) {
      await signIn(caller);
      const org = group.organizationId;
      const results = await Promise.all([
        inviteStaffAction({ organizationId: org, values: { role: "ORGANIZER", email: "x@example.test", groupSlug: "" } }),
        assignFacilitatorAction({ organizationId: org, values: { userId: caller.id, groupSlug: group.slug } }),
        removeFacilitatorAction({ organizationId: org, values: { userId: facilitator.id, groupSlug: group.slug } }),
        makeOrganizerAction({ organizationId: org, userId: caller.id }),
        removeOrganizerAction({ organizationId: org, userId: organizer.id }),
      ]);
      for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.organizer.count({ where: { organizationId: group.organizationId } })).toBe(1);
    expect(await db.facilitator.count({ where: { groupId: group.id } })).toBe(1);
    expect(await db.invitation.count({ where: { organizationId: group.organizationId } })).toBe(0);
  });
});
