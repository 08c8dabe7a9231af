// Changing one's own password, and signing out everywhere: the account page's two security
// actions (app/(app)/account/actions.ts). A password change needs the current password (tried
// through the same throttle as a sign-in, so a borrowed session is no guessing oracle) and a new
// one that passes the rule (lib/auth/password-rule.ts); it then ends every other session of the
// person, keeping the one that made the change signed in.
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { hashNewPassword } from "@/lib/auth/password-rule";
import { endAllSessions } from "@/lib/auth/sessions";
import { checkCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validations/auth";

/**
 * Sets `user`'s password to `input.newPassword`. `sessionId` is the session making the change
 * (it stays signed in); `source` the client address, for the throttle. Returns how many other
 * sessions were ended.
 */
export async function changePassword(user: CurrentUser, sessionId: string, source: string | null, input: ChangePasswordInput): Promise<{ endedSessions: number }> {
  const check = await checkCredentials(user.email, input.currentPassword, source, { upgradeHash: false });
  if (!check.ok && check.reason === "throttled") throw new AppError("RATE_LIMITED", "security.errors.currentPasswordThrottled", { field: "values.currentPassword" });
  if (!check.ok) throw new AppError("INVALID", "security.errors.currentPasswordWrong", { field: "values.currentPassword" });
  if (input.newPassword === input.currentPassword) throw new AppError("INVALID", "security.errors.sameAsCurrent", { field: "values.newPassword" });

  const passwordHash = await hashNewPassword(input.newPassword, { field: "values.newPassword", userInputs: [user.email, user.name] });
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } }),
    db.session.deleteMany({ where: { userId: user.id, id: { not: sessionId } } }),
  ]);
  return { endedSessions: ended.count };
}

/** Ends every session of `user`, the current one included; the browser then signs out. */
export async function signOutEverywhere(user: CurrentUser): Promise<{ endedSessions: number }> {
  return { endedSessions: await endAllSessions(user.id) };
}
