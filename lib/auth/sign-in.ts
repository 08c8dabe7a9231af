// Checking an email and password: the throttle first (lib/auth/throttle.ts), then the password,
// then, on success, a bcrypt hash is replaced by an argon2id one (lib/auth/password.ts).
// Used by next-auth's Credentials provider (lib/auth/options.ts) and, for the current password,
// by a password change (lib/auth/password-change.ts).
import "server-only";
import { db } from "@/lib/db";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { beginAttempt, succeed } from "@/lib/auth/throttle";

export type SignedInUser = { id: string; email: string; name: string };

export type CredentialCheck =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Whether `password` is the password of the account `email` (already trimmed and lower-cased),
 * tried from `source` (the client address, or null when unknown). A disabled account, an
 * unknown email and a wrong password are all "invalid", and take about as long. A password
 * change passes `upgradeHash: false`: it replaces the hash anyway.
 */
export async function checkCredentials(
  email: string,
  password: string,
  source: string | null,
  options: { upgradeHash?: boolean } = {},
): Promise<CredentialCheck> {
  const gate = await beginAttempt(email, source);
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || user.disabledAt || !user.passwordHash) return { ok: false, reason: "invalid" };

  await succeed(gate.attemptId);
  if (options.upgradeHash !== false && needsRehash(password, user.passwordHash)) {
    // Conditional on the old hash, so a password changed meanwhile is never overwritten.
    await db.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
