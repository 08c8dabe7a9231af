// The daily digest of new answers for facilitators (docs/decisions/026-facilitators-week.md). The
// in-app "answersArrived" notifications (notify_answers_arrived) queue no e-mail of their own: a
// burst of answers would be a burst of e-mails. Instead a scheduled job (lib/jobs/answers-digest-job.ts)
// calls sendAnswersDigests every few minutes, and each facilitator with unread answers not yet
// e-mailed gets one e-mail listing them, at most once in any 24 hours.
//
// At most one: the facilitator's User.answersDigestSentAt is claimed (set to now, only if the last
// digest is more than 24 hours old) in one UPDATE *before* the send. Two workers, or a run after a
// crash or restart, find it claimed and send nothing. The other way round, a crash between the
// claim and the send loses that digest, never doubles it; the notifications stay unsent and go in
// the next one. A send the SMTP server refuses gives the claim back and throws, so the queue tries
// again. No SMTP configured, e-mail turned off (User.emailNotifications) or an account disabled:
// no digest; the notifications are in the app all the same.
import "server-only";
import { emailTranslator } from "@/lib/email/translator";
import { db } from "@/lib/db";
import { emailConfigured, sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import type { NotificationData } from "@/lib/data/notifications";


export const DIGEST_EVERY_HOURS = 24;

type Claim = { email: string; locale: "EN" | "ES" | null; previous: Date | null };

/** Claims the user's digest for now, if their last one is older than 24 hours; null if not. */
async function claim(userId: string, now: Date): Promise<Claim | null> {
  const cutoff = new Date(now.getTime() - DIGEST_EVERY_HOURS * 3_600_000);
  const rows = await db.$queryRaw<Claim[]>`
    WITH old AS (SELECT "answersDigestSentAt" AS "previous" FROM "User" WHERE "id" = ${userId})
    UPDATE "User" SET "answersDigestSentAt" = ${now}
     WHERE "id" = ${userId} AND "emailNotifications" AND "disabledAt" IS NULL
       AND ("answersDigestSentAt" IS NULL OR "answersDigestSentAt" <= ${cutoff})
    RETURNING "email", "locale"::text AS "locale", (SELECT "previous" FROM old)`;
  return rows[0] ?? null;
}

async function giveBack(userId: string, now: Date, previous: Date | null): Promise<void> {
  await db.user.updateMany({ where: { id: userId, answersDigestSentAt: now }, data: { answersDigestSentAt: previous } });
}

/** The digest of one facilitator: "sent", "skipped" (not due, or nothing left to tell). Throws on a refused send. */
export async function sendAnswersDigest(userId: string, now = new Date()): Promise<"sent" | "skipped"> {
  if (!emailConfigured()) return "skipped";
  const claimed = await claim(userId, now);
  if (!claimed) return "skipped";
  const notes = await db.notification.findMany({
    where: { userId, kind: "answersArrived", readAt: null, emailedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, data: true, createdAt: true },
  });
  if (notes.length === 0) {
    await giveBack(userId, now, claimed.previous);
    return "skipped";
  }
  const t = emailTranslator(claimed.locale, "week.notification");
  const base = (env().NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const lines = notes.map((n) => {
    const data = n.data as NotificationData;
    return `- ${t("digestLine", { count: data.count ?? 1, pack: data.packNumber, group: data.groupName, link: `${base}${data.href}` })}`;
  });
  const text = `${t("digestIntro")}\n\n${lines.join("\n")}\n\n${t("digestOpen")} ${base}/notifications\n\n${t("digestTurnOff")} ${base}/account\n`;
  const result = await sendEmail({ to: claimed.email, subject: t("digestSubject"), text });
  if (!result.sent) {
    await giveBack(userId, now, claimed.previous);
    if (result.reason === "not-configured") return "skipped";
    throw new Error(result.error ?? "the SMTP server refused the e-mail");
  }
  // Marked as e-mailed only as they were sent: one whose count went up meanwhile (a new time) waits for the next digest.
  await db.$executeRaw`
    UPDATE "Notification" n SET "emailedAt" = ${now}
      FROM unnest(${notes.map((n) => n.id)}::text[], ${notes.map((n) => n.createdAt)}::timestamp(3)[]) AS s("id", "at")
     WHERE n."id" = s."id" AND n."createdAt" = s."at"`;
  return "sent";
}

/** Every facilitator due a digest now: each is sent on its own, so one bad address holds back no one. */
export async function sendAnswersDigests(now = new Date()): Promise<{ sent: number; failed: number }> {
  if (!emailConfigured()) return { sent: 0, failed: 0 };
  const cutoff = new Date(now.getTime() - DIGEST_EVERY_HOURS * 3_600_000);
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT u."id" FROM "User" u JOIN "Notification" n ON n."userId" = u."id"
     WHERE n."kind" = 'answersArrived' AND n."readAt" IS NULL AND n."emailedAt" IS NULL
       AND u."emailNotifications" AND u."disabledAt" IS NULL
       AND (u."answersDigestSentAt" IS NULL OR u."answersDigestSentAt" <= ${cutoff})`;
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      if ((await sendAnswersDigest(id, now)) === "sent") sent++;
    } catch (error) {
      failed++;
      console.error("answers digest not sent", id, error instanceof Error ? error.message : error);
    }
  }
  return { sent, failed };
}
