import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { acceptInvitationAsNewUser, describeInvitation, inviteMembers, listMembersWithoutLogin, resendInvitation, revokeInvitation } from "@/lib/data/invitations";
import { changeMemberStatus } from "@/lib/data/members";
import { makeFacilitator, makeGroup, makeMember, makeUser } from "@/tests/factories";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/setup/smtp";
import { emailJobRows, resetEmailQueue, workQueuedEmails } from "@/tests/setup/email-queue";

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

let seq = 0;
async function scenario() {
  const group = await makeGroup();
  const facilitator = await contextOf(await makeFacilitator(group.id), group.slug);
  const people = await Promise.all(
    ["a", "b", "c"].map(async (n) => {
      const email = `${n}-${Date.now()}-${++seq}@example.test`;
      const { member, personId } = await makeMember(group, { user: null, channel: "ONLINE" });
      await db.person.update({ where: { id: personId }, data: { email } });
      return { memberId: member.id, personId, email };
    }),
  );
  const withLogin = await makeMember(group);
  return { group, facilitator, people, withLogin };
}

let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});
afterAll(async () => {
  await resetEmailQueue();
});

describe("member invitations", () => {
  it("invites several online members without a login at once; the rest are skipped", async () => {
    const s = await scenario();
    const listed = await listMembersWithoutLogin(s.facilitator);
    expect(listed.map((m) => m.id).sort()).toEqual(s.people.map((p) => p.memberId).sort());
    const result = await inviteMembers(s.facilitator, [...s.people.map((p) => p.memberId), s.withLogin.member.id]);
    expect(result.invitations).toHaveLength(3);
    expect(result.skipped).toBe(1);
    for (const i of result.invitations) expect(await describeInvitation(i.token)).toMatchObject({ state: "valid", email: i.email });
    expect((await listMembersWithoutLogin(s.facilitator)).every((m) => m.invitation && !m.invitation.expired)).toBe(true);
    expect(await db.auditLog.count({ where: { groupId: s.group.id, action: "invitation.create" } })).toBe(3);
  });

  it("a new link revokes the old one; a withdrawn link and a withdrawn member's link stop working", async () => {
    const s = await scenario();
    const [a, b] = (await inviteMembers(s.facilitator, [s.people[0]!.memberId, s.people[1]!.memberId])).invitations;
    const fresh = await resendInvitation(s.facilitator, a!.id);
    expect(await describeInvitation(a!.token)).toEqual({ state: "revoked" });
    expect(await describeInvitation(fresh.token)).toMatchObject({ state: "valid" });
    await revokeInvitation(s.facilitator, fresh.id);
    expect(await describeInvitation(fresh.token)).toEqual({ state: "revoked" });
    await expect(revokeInvitation(s.facilitator, fresh.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { entityId: fresh.id, action: "invitation.revoke" } })).toBe(1);

    const bMember = s.people.find((p) => p.personId === b!.personId)!;
    await changeMemberStatus(s.facilitator, bMember.memberId, { change: "withdraw", occurredOn: "2026-12-01", reason: "" });
    expect(await describeInvitation(b!.token)).toEqual({ state: "removed" });
    await expect(acceptInvitationAsNewUser(b!.token, { name: "B", password: "correct horse battery", confirmPassword: "correct horse battery" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(resendInvitation(s.facilitator, b!.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("members, strangers and another group's staff cannot list, invite, resend or revoke", async () => {
    const s = await scenario();
    const [a] = (await inviteMembers(s.facilitator, [s.people[0]!.memberId])).invitations;
    const other = await makeGroup(s.group.organizationId);
    const otherFacilitator = await makeFacilitator(other.id);
    const member = await contextOf(s.withLogin.user!, s.group.slug);
    expect(await loadGroupContext(otherFacilitator, s.group.slug)).toBeNull();
    expect(await loadGroupContext(await makeUser(), s.group.slug)).toBeNull();
    await expect(listMembersWithoutLogin(member)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inviteMembers(member, [s.people[1]!.memberId])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resendInvitation(member, a!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeInvitation(member, a!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another group's facilitator, in their own group, cannot reach this group's invitation.
    const otherCtx = await contextOf(otherFacilitator, other.slug);
    await expect(revokeInvitation(otherCtx, a!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await inviteMembers(otherCtx, [s.people[1]!.memberId])).invitations).toHaveLength(0);
    expect(await describeInvitation(a!.token)).toMatchObject({ state: "valid" });
  });

  it("queues the links' e-mails with the invitations; the e-mail job sends them through a real SMTP server", async () => {
    const s = await scenario();
    const unsent = await inviteMembers(s.facilitator, s.people.map((p) => p.memberId));
    expect(unsent.invitations.map((i) => i.emailQueued)).toEqual([false, false, false]);
    smtp = await startTestSmtpServer();
    const { invitations } = await inviteMembers(s.facilitator, s.people.map((p) => p.memberId));
    expect(invitations.map((i) => i.emailQueued)).toEqual([true, true, true]);
    expect(smtp.messages).toHaveLength(0); // nothing is sent during the request
    // The queue holds no usable link: the token is sealed.
    const jobs = (await emailJobRows()).filter((j) => invitations.some((i) => i.id === j.data.invitationId));
    expect(jobs).toHaveLength(3);
    for (const i of invitations) expect(JSON.stringify(jobs)).not.toContain(i.token);

    await workQueuedEmails();
    expect(smtp.messages).toHaveLength(3);
    for (const i of invitations) {
      const mail = smtp.messages.find((m) => m.to.includes(i.email))!;
      expect(mail.subject).toMatch(/^Your invitation to /);
      expect(mail.text).toContain(`/invitations/${i.token}`);
      expect(mail.text).toContain(i.penName);
    }

    // A link replaced or revoked before its e-mail went out is not sent.
    const replaced = await resendInvitation(s.facilitator, invitations[0]!.id);
    await resendInvitation(s.facilitator, replaced.id);
    await revokeInvitation(s.facilitator, invitations[1]!.id);
    await workQueuedEmails();
    expect(smtp.messages).toHaveLength(4);
    expect(smtp.messages.at(-1)!.text).not.toContain(replaced.token);

    // A failing server: the invitation stands, its e-mail waits for a retry.
    smtp.failFromNowOn();
    const last = await resendInvitation(s.facilitator, invitations[2]!.id);
    await workQueuedEmails();
    expect((await emailJobRows()).find((j) => j.data.invitationId === last.id)?.state).toBe("retry");
    expect(await describeInvitation(last.token)).toMatchObject({ state: "valid" });
  });
});
