// E-mail copies of notifications, sent after the change has committed. Sending never fails the
// action that caused it: sendEmail reports a failure instead of throwing, and anything else is
// logged here. No SMTP configured: nothing is sent (sendEmail says so) and the in-app list is
// the only copy. A member who turned e-mail off (User.emailNotifications) gets none.
import "server-only";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { sendEmail, type SendResult } from "@/lib/email/send";
import { env } from "@/lib/env";
import type { NotificationData } from "@/lib/data/notifications";
import messages from "@/messages/en/discussion.json";

const t = createTranslator({ locale: "en", messages, namespace: "notifications" });

export function notificationText(kind: string, data: NotificationData): { subject: string; text: string } {
  const values = { group: data.groupName, pack: data.packNumber, penName: data.penName ?? "", prompt: data.promptText ?? "", reason: data.reason ?? "" };
  switch (kind) {
    case "feedback":
      return { subject: t("email.feedbackSubject", values), text: t("kinds.feedback", values) };
    case "reply":
      return { subject: t("email.replySubject", values), text: t("kinds.reply", values) };
    case "packPublished":
      return { subject: t("email.packPublishedSubject", values), text: t("kinds.packPublished", values) };
    default:
      return { subject: t("email.hiddenSubject", values), text: t("kinds.hidden", values) };
  }
}

/** Sends the e-mail copy of each notification whose user wants e-mail. Never throws. */
export async function emailNotifications(ids: string[]): Promise<SendResult[]> {
  if (ids.length === 0 || !env().SMTP_URL) return [];
  try {
    const rows = await db.notification.findMany({
      where: { id: { in: ids }, user: { emailNotifications: true, disabledAt: null } },
      select: { kind: true, data: true, user: { select: { email: true } } },
    });
    const base = (env().NEXTAUTH_URL ?? "").replace(/\/$/, "");
    const results: SendResult[] = [];
    for (const row of rows) {
      const data = row.data as NotificationData;
      const { subject, text } = notificationText(row.kind, data);
      results.push(await sendEmail({ to: row.user.email, subject, text: `${text}\n\n${t("email.open")} ${base}${data.href}\n\n${t("email.turnOff")} ${base}/account\n` }));
    }
    return results;
  } catch (error) {
    console.error("notification e-mail failed", error);
    return [];
  }
}
