// Using a password reset link (docs/decisions/024-password-reset.md): the reset page's state, and
// setting the new password. Setting it applies the strength rule, ends every session of the
// person and marks the link used, in one transaction.
import "server-only";
import { hashNewPassword } from "@/lib/auth/password-rule";
import { hashResetToken, resetSelect, stateOf, type ResetState } from "@/lib/auth/password-reset-tokens";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import type { ResetPasswordInput } from "@/lib/validations/password-reset";

/** What the reset page shows: the state only, and the e-mail of a valid link. */
export async function describeReset(token: string): Promise<{ state: ResetState; email?: string }> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashResetToken(token) }, select: resetSelect });
  const state = stateOf(row);
  return state === "valid" && row ? { state, email: row.user.email } : { state };
}

/**
 * Sets a new password with a link: the strength rule (on the field), then, in one transaction,
 * the link is claimed (a conditional update, so two racing requests cannot both use it), the
 * hash written and every session of the person deleted. A used, expired, replaced or unknown
 * link changes nothing.
 */
export async function resetPassword(token: string, input: ResetPasswordInput): Promise<{ email: string }> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashResetToken(token) }, select: resetSelect });
  const state = stateOf(row);
  if (!row || state !== "valid") throw new AppError("CONFLICT", `passwordReset.state.${state}`);
  const passwordHash = await hashNewPassword(input.password, { field: "values.password", userInputs: [row.user.email, row.user.name] });
  await db.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({
      where: { id: row.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (count !== 1) throw new AppError("CONFLICT", "passwordReset.state.used");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { id: true } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
    const organizationId = row.user.person?.organizationId;
    if (organizationId) {
      await writeAudit(tx, { organizationId, actorId: row.userId, action: "passwordReset.use", entityType: "PasswordReset", entityId: row.id, personId: row.user.person?.id ?? null });
    }
  });
  return { email: row.user.email };
}
