// Password reset links (docs/decisions/024-password-reset.md). Two ways to get one:
//   - "forgot password": anyone types an e-mail; when it has an account and SMTP is configured,
//     a link is e-mailed. The answer is the same whether or not the account exists, and the
//     request is throttled like a sign-in (lib/auth/throttle.ts, under its own key).
//   - an organizer makes a link for a member of their group who has a login, to copy (the way
//     when the instance sends no e-mail); audited.
// As with invitations (lib/data/invitations.ts), only the token's SHA-256 is stored. A link
// works once, for 24 hours, and not once a newer link of the same person replaced it. Setting
// the password applies the strength rule, ends every session of the person and marks the link
// used, in one transaction.
import "server-only";
import { randomBytes } from "node:crypto";
import { createTranslator } from "next-intl";
import { hashNewPassword } from "@/lib/auth/password-rule";
import { beginAttempt } from "@/lib/auth/throttle";
import type { GroupContext } from "@/lib/authz";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/data/audit";
import { hashToken } from "@/lib/data/invitations";
import { seal, unseal } from "@/lib/email/seal";
import { emailConfigured, type EmailMessage } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueEmails } from "@/lib/jobs/email-queue";
import { normalizeEmail } from "@/lib/people/identity";
import { canInGroup } from "@/lib/permissions";
import type { ResetPasswordInput } from "@/lib/validations/password-reset";
import commonMessages from "@/messages/en/common.json";

export const RESET_HOURS = 24;

/** The key the throttle counts reset requests under: never a sign-in's e-mail. */
export const throttleKey = (email: string) => `password-reset:${email}`;

export type ResetState = "valid" | "expired" | "used" | "revoked" | "unknown";

export const resetPath = (token: string) => `/reset-password/${token}`;

const resetSelect = {
  id: true,
  userId: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  emailedAt: true,
  tokenHash: true,
  user: { select: { email: true, name: true, disabledAt: true, person: { select: { organizationId: true, id: true } } } },
} satisfies Prisma.PasswordResetSelect;
type ResetRow = Prisma.PasswordResetGetPayload<{ select: typeof resetSelect }>;

function stateOf(row: ResetRow | null, now = new Date()): ResetState {
  // A disabled (erased) account has no password to set: its links are as good as unknown.
  if (!row || row.user.disabledAt) return "unknown";
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/** A new link for `userId`, inside `tx`; any earlier open link of the person stops working. */
async function issue(tx: Prisma.TransactionClient, userId: string, madeBy: { organizationId: string; actorId: string } | null) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 3600_000);
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const row = await tx.passwordReset.create({
    data: { tokenHash: hashToken(token), userId, expiresAt, organizationId: madeBy?.organizationId ?? null, createdById: madeBy?.actorId ?? null },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

/** What the reset page shows: the state only, and the e-mail of a valid link. */
export async function describeReset(token: string): Promise<{ state: ResetState; email?: string }> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: resetSelect });
  const state = stateOf(row);
  return state === "valid" && row ? { state, email: row.user.email } : { state };
}

/**
 * "Forgot password": queues an e-mail with a link when `email` has an active account and SMTP is
 * configured; otherwise does nothing. Returns nothing either way, so the answer cannot tell
 * whether the account exists. Throttled per e-mail and source like a sign-in attempt (a refusal
 * is the same for every e-mail too: the throttle never reads User).
 */
export async function requestPasswordReset(rawEmail: string, source: string | null): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const gate = await beginAttempt(throttleKey(email), source);
  if (!gate.allowed) throw new AppError("RATE_LIMITED", "passwordReset.errors.throttled");
  if (!emailConfigured()) return;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true, passwordHash: true } });
  if (!user || user.disabledAt) return;
  await db.$transaction(async (tx) => {
    const link = await issue(tx, user.id, null);
    const sealedToken = seal(link.token);
    // No AUTH_SECRET: nothing can wait in the queue; the link is simply not sent.
    if (sealedToken) await queueEmails(tx, [{ kind: "passwordReset", passwordResetId: link.id, sealedToken }]);
  });
}

/** The e-mail of a reset link, for the e-mail job at send time; null when the link no longer works. */
export async function passwordResetEmail(passwordResetId: string, sealedToken: string): Promise<EmailMessage | null> {
  const token = unseal(sealedToken);
  if (!token) return null;
  const row = await db.passwordReset.findUnique({ where: { id: passwordResetId }, select: resetSelect });
  if (!row || row.emailedAt || row.tokenHash !== hashToken(token) || stateOf(row) !== "valid") return null;
  const t = createTranslator({ locale: "en", messages: commonMessages, namespace: "passwordReset.email" });
  const link = new URL(resetPath(token), env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
  return { to: row.user.email, subject: t("subject"), text: t("body", { name: row.user.name, link, hours: RESET_HOURS }) };
}

/** The e-mail job marks a sent reset e-mail, so a job run twice does not send it twice. */
export async function markPasswordResetEmailed(passwordResetId: string): Promise<void> {
  await db.passwordReset.updateMany({ where: { id: passwordResetId }, data: { emailedAt: new Date() } });
}

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
    const link = await issue(tx, user.id, { organizationId, actorId: ctx.user.id });
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

/**
 * Sets a new password with a link: the strength rule (on the field), then, in one transaction,
 * the link is claimed (a conditional update, so two racing requests cannot both use it), the
 * hash written and every session of the person deleted. A used, expired, replaced or unknown
 * link changes nothing.
 */
export async function resetPassword(token: string, input: ResetPasswordInput): Promise<{ email: string }> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: resetSelect });
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
