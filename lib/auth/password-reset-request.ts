// "Forgot password" (docs/decisions/024-password-reset.md): anyone types an e-mail; when it has
// an account and SMTP is configured, a link is e-mailed through the job queue (decision 012). The
// answer is the same whether or not the account exists, and the request is throttled like a
// sign-in (lib/auth/throttle.ts), under its own key so it never slows the owner's sign-in.
import "server-only";
import { emailTranslator } from "@/lib/email/translator";
import { issueReset, RESET_HOURS, resetPath, resetSelect, resetThrottleKey, hashResetToken, stateOf } from "@/lib/auth/password-reset-tokens";
import { beginAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { seal, unseal } from "@/lib/email/seal";
import { emailConfigured, type EmailMessage } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { queueEmails } from "@/lib/jobs/email-queue";
import { normalizeEmail } from "@/lib/people/identity";

/**
 * "Forgot password": queues an e-mail with a link when `email` has an active account and SMTP is
 * configured; otherwise does nothing. Returns nothing either way, so the answer cannot tell
 * whether the account exists. Throttled per e-mail and source like a sign-in attempt (a refusal
 * is the same for every e-mail too: the throttle never reads User).
 */
export async function requestPasswordReset(rawEmail: string, source: string | null): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const gate = await beginAttempt(resetThrottleKey(email), source);
  if (!gate.allowed) throw new AppError("RATE_LIMITED", "passwordReset.errors.throttled");
  if (!emailConfigured()) return;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true, passwordHash: true } });
  if (!user || user.disabledAt) return;
  await db.$transaction(async (tx) => {
    const link = await issueReset(tx, user.id, null);
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
  if (!row || row.emailedAt || row.tokenHash !== hashResetToken(token) || stateOf(row) !== "valid") return null;
  const t = emailTranslator(row.user.locale, "passwordReset.email");
  const link = new URL(resetPath(token), env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
  return { to: row.user.email, subject: t("subject"), text: t("body", { name: row.user.name, link, hours: RESET_HOURS }) };
}

/** The e-mail job marks a sent reset e-mail, so a job run twice does not send it twice. */
export async function markPasswordResetEmailed(passwordResetId: string): Promise<void> {
  await db.passwordReset.updateMany({ where: { id: passwordResetId }, data: { emailedAt: new Date() } });
}

