// Sessions as rows (docs/decisions/018-sessions-passwords-and-throttling.md). The session cookie
// is next-auth's encrypted JWT; it names the user (`sub`) and one Session row (`sid`).
// lib/auth/session.ts joins that row on every request, so deleting it ends that sign-in at once,
// wherever the cookie has been copied. A row's expiry is fixed at sign-in: organizers may get a
// shorter one (ORGANIZER_SESSION_MAX_AGE_HOURS).
//
// Expired rows are pruned on write: each sign-in deletes the rows that have expired.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** How long a new sign-in of this user lasts, in hours. */
export async function sessionHoursFor(userId: string): Promise<number> {
  const { SESSION_MAX_AGE_HOURS, ORGANIZER_SESSION_MAX_AGE_HOURS } = env();
  if (!ORGANIZER_SESSION_MAX_AGE_HOURS || ORGANIZER_SESSION_MAX_AGE_HOURS >= SESSION_MAX_AGE_HOURS) return SESSION_MAX_AGE_HOURS;
  const organizer = await db.organizer.findFirst({ where: { userId }, select: { id: true } });
  return organizer ? ORGANIZER_SESSION_MAX_AGE_HOURS : SESSION_MAX_AGE_HOURS;
}

/** A new session of `userId`; its id goes into the cookie. */
export async function startSession(userId: string): Promise<{ id: string; expiresAt: Date }> {
  const hours = await sessionHoursFor(userId);
  const id = randomBytes(16).toString("base64url");
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.$transaction([
    db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    db.session.create({ data: { id, userId, expiresAt } }),
  ]);
  return { id, expiresAt };
}

/** Signing out: this one session ends. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** "Sign out everywhere": every session of the user ends, this one included. */
export async function endAllSessions(userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}

/** After a password change: every session of the user but `keepSessionId` ends. */
export async function endOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } })).count;
}
