// Slows down password guessing. Attempts are stored in PostgreSQL (not in memory) so that
// every web process behind a load balancer sees the same count. After MAX_FAILURES failed
// sign-ins for an email within the window, further tries for that email are refused without
// checking the password until the window passes; the same for one address trying many emails.
// The refusal is the same for an email that has no account, so it reveals nothing.
import "server-only";
import { db } from "@/lib/db";

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;

export async function isThrottled(email: string, ip: string | null): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    ip ? db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }) : Promise.resolve(0),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordAttempt(email: string, ip: string | null, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip, succeeded } });
  if (succeeded) {
    // A good sign-in clears the slate for this email.
    await db.signInAttempt.deleteMany({ where: { email, succeeded: false } });
  }
}
