// An organizer makes a one-time reset link for a member of their group who has a login, to copy
// (docs/decisions/024-password-reset.md): the way in when the instance sends no e-mail. Audited.
import "server-only";
import { issueReset } from "@/lib/auth/password-reset-tokens";
import type { GroupContext } from "@/lib/authz";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import { canInGroup } from "@/lib/permissions";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/**
 * An organizer makes a link for a member of the group who has a login, to copy. Refused for a
 * person who holds a staff role outside this organization: a link would let this organizer into
 * another organization's account.
 */
export async function makePasswordResetLink(ctx: GroupContext, memberId: string): Promise<{ token: string; expiresAt: Date }> {
  if (!canInGroup(ctx.roles, "member.resetPassword")) throw notFound();
  const organizationId = ctx.group.organizationId;
  const member = await db.member.findFirst({
    where: { id: memberId, groupId: ctx.group.id },
    select: { personId: true, person: { select: { erasedAt: true, user: { select: { id: true, disabledAt: true } } } } },
  });
  if (!member) throw notFound();
  const user = member.person.user;
  if (!user || user.disabledAt || member.person.erasedAt) throw new AppError("CONFLICT", "passwordReset.errors.noLogin");
  const elsewhere = await db.user.count({
    where: {
      id: user.id,
      OR: [{ organizerOf: { some: { organizationId: { not: organizationId } } } }, { facilitatorOf: { some: { group: { organizationId: { not: organizationId } } } } }],
    },
  });
  if (elsewhere > 0) throw new AppError("CONFLICT", "passwordReset.errors.otherOrganization");
  return db.$transaction(async (tx) => {
    const link = await issueReset(tx, user.id, { organizationId, actorId: ctx.user.id });
    await writeAudit(tx, {
      organizationId,
      actorId: ctx.user.id,
      action: "passwordReset.create",
      entityType: "PasswordReset",
      entityId: link.id,
      groupId: ctx.group.id,
      personId: member.personId,
    });
    return { token: link.token, expiresAt: link.expiresAt };
  });
}

