import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { describeReset, resetPassword } from "@/lib/auth/password-reset";
import { makePasswordResetLink } from "@/lib/auth/password-reset-link";
import { requestPasswordReset } from "@/lib/auth/password-reset-request";
import { hashResetToken as hashToken, RESET_HOURS } from "@/lib/auth/password-reset-tokens";
import { startSession } from "@/lib/auth/sessions";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/setup/smtp";
import { emailJobRows, resetEmailQueue, workQueuedEmails } from "@/tests/setup/email-queue";

const STRONG = "violet anchor gravel teapot";
const OLD = "previous passphrase orbit";

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

async function scenario() {
  const group = await makeGroup();
  const organizer = await contextOf(await makeOrganizer(group.organizationId), group.slug);
  const user = await makeUser({ passwordHash: await hashPassword(OLD) });
  const { member, personId } = await makeMember(group, { user });
  return { group, organizer, user, member, personId };
}

const passwordOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;

let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});
afterAll(async () => {
  await resetEmailQueue();
});

describe("reset links made by an organizer", () => {
  it("sets the password once, ends every session, and is audited", async () => {
    const s = await scenario();
    await startSession(s.user.id);
    await startSession(s.user.id);
    const link = await makePasswordResetLink(s.organizer, s.member.id);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan((RESET_HOURS - 0.1) * 3600_000);
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(RESET_HOURS * 3600_000);
    expect(await describeReset(link.token)).toEqual({ state: "valid", email: s.user.email });
    // Only the hash is stored.
    expect(await db.passwordReset.count({ where: { tokenHash: link.token } })).toBe(0);
    expect(await db.passwordReset.count({ where: { tokenHash: hashToken(link.token) } })).toBe(1);

    await resetPassword(link.token, { password: STRONG, confirmPassword: STRONG });
    expect(await verifyPassword(STRONG, await passwordOf(s.user.id))).toBe(true);
    expect(await verifyPassword(OLD, await passwordOf(s.user.id))).toBe(false);
    expect(await db.session.count({ where: { userId: s.user.id } })).toBe(0);
    expect(await describeReset(link.token)).toEqual({ state: "used" });
    expect(await db.auditLog.count({ where: { personId: s.personId, action: "passwordReset.create", actorId: s.organizer.user.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { personId: s.personId, action: "passwordReset.use" } })).toBe(1);

    // Used: a second try changes nothing.
    const before = await passwordOf(s.user.id);
    await expect(resetPassword(link.token, { password: "another strong phrase here", confirmPassword: "another strong phrase here" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "passwordReset.state.used",
    });
    expect(await passwordOf(s.user.id)).toBe(before);
  });

  it("an expired, replaced or unknown link changes nothing", async () => {
    const s = await scenario();
    const first = await makePasswordResetLink(s.organizer, s.member.id);
    const second = await makePasswordResetLink(s.organizer, s.member.id);
    const session = await startSession(s.user.id);
    const before = await passwordOf(s.user.id);
    await expect(resetPassword(first.token, { password: STRONG, confirmPassword: STRONG })).rejects.toMatchObject({ message: "passwordReset.state.revoked" });
    await expect(resetPassword("A".repeat(43), { password: STRONG, confirmPassword: STRONG })).rejects.toMatchObject({ message: "passwordReset.state.unknown" });
    // 24 h later.
    await db.passwordReset.updateMany({ where: { tokenHash: hashToken(second.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await describeReset(second.token)).toEqual({ state: "expired" });
    await expect(resetPassword(second.token, { password: STRONG, confirmPassword: STRONG })).rejects.toMatchObject({ code: "CONFLICT", message: "passwordReset.state.expired" });
    expect(await passwordOf(s.user.id)).toBe(before);
    expect(await db.session.count({ where: { id: session.id } })).toBe(1);
  });

  it("refuses a weak password on its field, and the link still works afterwards", async () => {
    const s = await scenario();
    const link = await makePasswordResetLink(s.organizer, s.member.id);
    await expect(resetPassword(link.token, { password: "password123", confirmPassword: "password123" })).rejects.toMatchObject({ code: "INVALID", field: "values.password" });
    expect(await verifyPassword(OLD, await passwordOf(s.user.id))).toBe(true);
    expect(await describeReset(link.token)).toMatchObject({ state: "valid" });
  });

  it("two requests racing with one link: exactly one sets the password", async () => {
    const s = await scenario();
    const link = await makePasswordResetLink(s.organizer, s.member.id);
    const outcomes = await Promise.allSettled([
      resetPassword(link.token, { password: STRONG, confirmPassword: STRONG }),
      resetPassword(link.token, { password: "another strong phrase here", confirmPassword: "another strong phrase here" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  });

  it("facilitators, another organization's organizer, other groups' members and people without a login get nothing", async () => {
    const s = await scenario();
    const facilitator = await contextOf(await makeFacilitator(s.group.id), s.group.slug);
    await expect(makePasswordResetLink(facilitator, s.member.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const otherGroup = await makeGroup();
    const otherOrganizer = await makeOrganizer(otherGroup.organizationId);
    // The entry layer finds no role in the group: NOT_FOUND before any work.
    expect(await loadGroupContext(otherOrganizer, s.group.slug)).toBeNull();
    // Through their own group, a member id of another organization is not found either.
    const theirs = await contextOf(otherOrganizer, otherGroup.slug);
    await expect(makePasswordResetLink(theirs, s.member.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const mailOnly = await makeMember(s.group, { user: null, channel: "MAIL" });
    await expect(makePasswordResetLink(s.organizer, mailOnly.member.id)).rejects.toMatchObject({ code: "CONFLICT", message: "passwordReset.errors.noLogin" });
    expect(await db.passwordReset.count({ where: { userId: s.user.id } })).toBe(0);
  });

  it("refuses a person who is staff in another organization (the link would open that organization)", async () => {
    const s = await scenario();
    const elsewhere = await makeGroup();
    await makeFacilitator(elsewhere.id, s.user);
    await expect(makePasswordResetLink(s.organizer, s.member.id)).rejects.toMatchObject({ code: "CONFLICT", message: "passwordReset.errors.otherOrganization" });
    expect(await db.passwordReset.count({ where: { userId: s.user.id } })).toBe(0);
  });
});

describe("forgot password by e-mail", () => {
  it("e-mails a working link to an account, and nothing for an unknown e-mail, with the same answer", async () => {
    smtp = await startTestSmtpServer();
    const s = await scenario();
    await resetEmailQueue();
    const source = `198.51.100.${Math.floor(Math.random() * 200)}`;
    await expect(requestPasswordReset(` ${s.user.email.toUpperCase()} `, source)).resolves.toBeUndefined();
    await expect(requestPasswordReset(`nobody-${Date.now()}@example.test`, source)).resolves.toBeUndefined();
    expect(await emailJobRows()).toHaveLength(1);
    expect(await workQueuedEmails()).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    const message = smtp.messages[0]!;
    expect(message.to).toEqual([s.user.email]);
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
    expect(token).toBeDefined();
    expect(message.text).not.toContain(OLD);

    await resetPassword(token!, { password: STRONG, confirmPassword: STRONG });
    expect(await verifyPassword(STRONG, await passwordOf(s.user.id))).toBe(true);
    // Sent once: working the queue again sends nothing more.
    expect(await workQueuedEmails()).toBe(0);
    expect(smtp.messages).toHaveLength(1);
  });

  it("sends nothing without SMTP, and is throttled the same for any e-mail", async () => {
    const s = await scenario();
    const source = `203.0.113.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 5; i++) await requestPasswordReset(s.user.email, source);
    expect(await db.passwordReset.count({ where: { userId: s.user.id } })).toBe(0);
    await expect(requestPasswordReset(s.user.email, source)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const unknown = `nobody-${Date.now()}@example.test`;
    for (let i = 0; i < 5; i++) await requestPasswordReset(unknown, source);
    await expect(requestPasswordReset(unknown, source)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The owner signing in is not slowed by reset requests (they count under their own key).
    expect(await db.signInAttempt.count({ where: { email: s.user.email } })).toBe(0);
  });
});
