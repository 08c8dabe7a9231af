// E-mail copies of notifications. notify() queues one job per notification in the transaction
// that creates it; the e-mail job (lib/jobs/email-job.ts) asks here, at send time, what to send.
// No SMTP configured: nothing is queued or sent and the in-app list is the only copy. A member
// who turned e-mail off (User.emailNotifications) or whose account is disabled gets none.
import "server-only";
import { emailTranslator } from "@/lib/email/translator";
import { db } from "@/lib/db";
import type { EmailMessage } from "@/lib/email/send";
import { env } from "@/lib/env";
import type { NotificationData } from "@/lib/data/notifications";


export function notificationText(kind: string, data: NotificationData, locale?: "EN" | "ES" | null): { subject: string; text: string } {
  const t = emailTranslator(locale, "notifications");
  const values = { group: data.groupName, pack: data.packNumber, penName: data.penName ?? "", prompt: data.promptText ?? "", reason: data.reason ?? "" };
  switch (kind) {
    case "feedback":
      return { subject: t("email.feedbackSubject", values), text: t("kinds.feedback", values) };
    case "reply":
      return { subject: t("email.replySubject", values), text: t("kinds.reply", values) };
    case "packPublished":
      return { subject: t("email.packPublishedSubject", values), text: t("kinds.packPublished", values) };
    case "shown":
      return { subject: t("email.shownSubject", values), text: t("kinds.shown", values) };
    default:
      return { subject: t("email.hiddenSubject", values), text: t("kinds.hidden", values) };
  }
}

/** The e-mail copy of a notification, or null when its user does not (or no longer) want e-mail. */
export async function notificationEmail(id: string): Promise<EmailMessage | null> {
  const row = await db.notification.findFirst({
    // Not yet e-mailed: a job run again after its worker died before the queue heard back sends nothing.
    // New answers are e-mailed as one daily digest (answers-digest.ts), never one by one.
    where: { id, emailedAt: null, kind: { not: "answersArrived" }, user: { emailNotifications: true, disabledAt: null } },
    select: { kind: true, data: true, user: { select: { email: true, locale: true } } },
  });
  if (!row) return null;
  const base = (env().NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const data = row.data as NotificationData;
  const { subject, text } = notificationText(row.kind, data, row.user.locale);
  const t = emailTranslator(row.user.locale, "notifications");
  return { to: row.user.email, subject, text: `${text}\n\n${t("email.open")} ${base}${data.href}\n\n${t("email.turnOff")} ${base}/account\n` };
}
