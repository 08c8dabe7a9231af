import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  acceptInvitationAsNewUser,
  acceptInvitationAsUser,
  createInvitation,
  describeInvitation,
} from "@/lib/data/invitations";
import { loadGroupContext } from "@/lib/authz";
import { verifyPassword } from "@/lib/auth/password";
import { acceptInvitationSchema } from "@/lib/validations/auth";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const form = (name = "New Person") => ({ name, password: "correct horse battery", confirmPassword: "correct horse battery" });
let counter = 0;
const email = () => `invitee-${Date.now()}-${++counter}@example.test`;

async function memberInvitation() {
  const group = await makeGroup();
  const facilitator = await makeFacilitator(group.id);
  const address = email();
  const { token } = await createInvitation(facilitator, { role: "MEMBER", email: address, groupSlug: group.slug, legalName: "Legal Name" });
  return { group, facilitator, address, token };
}

describe("creating invitations", () => {
  it("stores only a hash of the token, and puts the member on the roster", async () => {
    const { group, token, address } = await memberInvitation();
    const row = await db.invitation.findFirstOrThrow({ where: { email: address } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const member = await db.member.findFirstOrThrow({ where: { groupId: group.id, person: { email: address } } });
    expect(member).toMatchObject({ channel: "ONLINE", status: "ACTIVE" });
    expect(await db.auditLog.count({ where: { entityId: row.id, action: "invitation.create" } })).toBe(1);
  });

  it("only lets facilitators invite members to their own groups, and organizers invite facilitators", async () => {
    const group = await makeGroup();
    const other = await makeGroup(group.organizationId);
    const facilitator = await makeFacilitator(group.id);
    const { user: member } = await makeMember(group);
    await expect(createInvitation(facilitator, { role: "MEMBER", email: email(), groupSlug: other.slug, legalName: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createInvitation(facilitator, { role: "FACILITATOR", email: email(), groupSlug: group.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createInvitation(member!, { role: "MEMBER", email: email(), groupSlug: group.slug, legalName: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createInvitation(facilitator, { role: "ORGANIZER", email: email(), organizationId: group.organizationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const organizer = await makeOrganizer(group.organizationId);
    await expect(createInvitation(organizer, { role: "FACILITATOR", email: email(), groupSlug: other.slug })).resolves.toHaveProperty("token");
    // Nothing half-written by the refused attempts.
    expect(await db.member.count({ where: { groupId: other.id } })).toBe(0);
  });
});

describe("accepting invitations", () => {
  it("a new person sets a password and joins the group as a member", async () => {
    const { group, token, address } = await memberInvitation();
    expect(await describeInvitation(token)).toMatchObject({ state: "valid", email: address, role: "MEMBER", accountExists: false });
    const result = await acceptInvitationAsNewUser(token, form("Ada Lovelace"));
    expect(result).toEqual({ email: address, groupSlug: group.slug });
    const user = await db.user.findUniqueOrThrow({ where: { email: address } });
    expect(user.name).toBe("Ada Lovelace");
    expect(await verifyPassword("correct horse battery", user.passwordHash)).toBe(true);
    expect(user.passwordHash).not.toContain("correct horse");
    const context = await loadGroupContext({ id: user.id, email: user.email, name: user.name, locale: "EN" }, group.slug);
    expect(context?.roles).toEqual(["MEMBER"]);
  });

  it("works once: a second use, even at the same moment, is refused and makes no second account", async () => {
    const { token, address } = await memberInvitation();
    const results = await Promise.allSettled([acceptInvitationAsNewUser(token, form()), acceptInvitationAsNewUser(token, form())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: address } })).toBe(1);
    await expect(acceptInvitationAsNewUser(token, form())).rejects.toMatchObject({ code: "CONFLICT", message: "invitation.used" });
    expect((await describeInvitation(token)).state).toBe("used");
  });

  it("an expired invitation is refused", async () => {
    const { token, address } = await memberInvitation();
    await db.invitation.updateMany({ where: { email: address }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await describeInvitation(token)).state).toBe("expired");
    await expect(acceptInvitationAsNewUser(token, form())).rejects.toMatchObject({ message: "invitation.expired" });
    expect(await db.user.count({ where: { email: address } })).toBe(0);
  });

  it("an invitation for a member who has since been removed stops working", async () => {
    const { group, token, address } = await memberInvitation();
    await db.member.updateMany({ where: { groupId: group.id, person: { email: address } }, data: { status: "WITHDRAWN" } });
    expect((await describeInvitation(token)).state).toBe("removed");
    await expect(acceptInvitationAsNewUser(token, form())).rejects.toMatchObject({ message: "invitation.removed" });
    expect(await db.user.count({ where: { email: address } })).toBe(0);
  });

  it("a revoked or unknown token is refused and reveals nothing", async () => {
    const { token, address } = await memberInvitation();
    await db.invitation.updateMany({ where: { email: address }, data: { revokedAt: new Date() } });
    expect(await describeInvitation(token)).toEqual({ state: "revoked" });
    expect(await describeInvitation("x".repeat(43))).toEqual({ state: "unknown" });
  });

  it("a person with an account accepts while signed in, and only with the invited email", async () => {
    const group = await makeGroup();
    const organizer = await makeOrganizer(group.organizationId);
    const existing = await makeUser();
    const stranger = await makeUser();
    const { token } = await createInvitation(organizer, { role: "FACILITATOR", email: existing.email, groupSlug: group.slug });
    expect((await describeInvitation(token)).accountExists).toBe(true);
    await expect(acceptInvitationAsNewUser(token, form())).rejects.toMatchObject({ message: "invitation.accountExists" });
    await expect(acceptInvitationAsUser(token, stranger)).rejects.toMatchObject({ message: "invitation.otherEmail" });
    expect(await loadGroupContext(stranger, group.slug)).toBeNull();
    await expect(acceptInvitationAsUser(token, existing)).resolves.toEqual({ groupSlug: group.slug });
    expect((await loadGroupContext(existing, group.slug))?.roles).toEqual(["FACILITATOR"]);
  });
});

describe("naughty strings as a name", () => {
  it("every string is either refused with a clear reason or stored exactly", async () => {
    const reasons = new Set<string>();
    const accepted: string[] = [];
    for (const value of naughtyStrings) {
      const parsed = acceptInvitationSchema.safeParse(form(value));
      if (parsed.success) accepted.push(parsed.data.name);
      else for (const issue of parsed.error.issues) reasons.add(issue.message);
    }
    for (const reason of reasons) expect(["nameRequired", "nameTooLong", "nameInvalid"]).toContain(reason);
    expect(accepted.length).toBeGreaterThan(400);

    // Through the real acceptance (one bcrypt hash each, so a sample), then read back.
    for (const name of accepted.filter((_, i) => i % 25 === 0)) {
      const { token, address } = await memberInvitation();
      await acceptInvitationAsNewUser(token, form(name));
      expect((await db.user.findUniqueOrThrow({ where: { email: address } })).name).toBe(name);
    }
  });
});
