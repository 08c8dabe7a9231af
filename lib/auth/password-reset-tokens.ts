// Password reset links, the part every way of making or using one shares
// (docs/decisions/024-password-reset.md): as with invitations (lib/data/invitations.ts), only the
// token's SHA-256 is stored. A link works once, for 24 hours, and not once a newer link of the
// same person replaced it. This module holds no message keys: the modules that answer users do
// (lib/auth/password-reset.ts, password-reset-request.ts, password-reset-link.ts).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const RESET_HOURS = 24;

/** The key the throttle counts reset requests under: never a sign-in's e-mail. */
export const resetThrottleKey = (email: string) => `password-reset:${email}`;

export type ResetState = "valid" | "expired" | "used" | "revoked" | "unknown";

export const resetPath = (token: string) => `/reset-password/${token}`;

export const resetSelect = {
  id: true,
  userId: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  emailedAt: true,
  tokenHash: true,
  user: { select: { email: true, name: true, locale: true, disabledAt: true, person: { select: { organizationId: true, id: true } } } },
} satisfies Prisma.PasswordResetSelect;
export type ResetRow = Prisma.PasswordResetGetPayload<{ select: typeof resetSelect }>;

export function stateOf(row: ResetRow | null, now = new Date()): ResetState {
  // A disabled (erased) account has no password to set: its links are as good as unknown.
  if (!row || row.user.disabledAt) return "unknown";
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/** A new link for `userId`, inside `tx`; any earlier open link of the person stops working. */
export async function issueReset(tx: Prisma.TransactionClient, userId: string, madeBy: { organizationId: string; actorId: string } | null) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 3600_000);
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const row = await tx.passwordReset.create({
    data: { tokenHash: hashResetToken(token), userId, expiresAt, organizationId: madeBy?.organizationId ?? null, createdById: madeBy?.actorId ?? null },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

