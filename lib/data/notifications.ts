// In-app notifications: feedback on your response, a reply to it, a new pack in your group,
// your response or reply hidden, or shown again; for facilitators, new answers in their group
// (answersArrived: one per pack while unread, its count going up; e-mailed as a daily digest,
// docs/decisions/026-facilitators-week.md). Written inside the transaction of the change they report, so
// neither exists alone; their e-mail copies are queued in the same transaction and sent by the
// e-mail job (lib/jobs/email-job.ts, decision 012).
//
// The unread count in the header runs on every page, so it is one COUNT on the
// (userId, readAt, createdAt) index and nothing else.
import "server-only";
import { db } from "@/lib/db";
import { headerFacts } from "@/lib/data/header";
import { queueEmails } from "@/lib/jobs/email-queue";
import type { CurrentUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

export const NOTIFICATION_KINDS = ["feedback", "reply", "packPublished", "hidden", "shown", "answersArrived"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the list and the e-mail show: plain values, no personal data beyond pen names. */
export type NotificationData = {
  groupSlug: string;
  groupName: string;
  packNumber: number;
  /** Where the notification leads, inside the app. */
  href: string;
  promptText?: string;
  penName?: string;
  reason?: string;
  /** answersArrived: the pack, and how many answers arrived since the notification was made. */
  packId?: string;
  count?: number;
};

/** Kinds made by notify(), each with its own e-mail; answersArrived is made by notifyAnswersArrived. */
export type NewNotification = { userId: string; kind: Exclude<NotificationKind, "answersArrived">; data: NotificationData };

/** Creates the notifications in `tx` and queues their e-mail copies there too; returns their ids. */
export async function notify(tx: Prisma.TransactionClient, items: NewNotification[]): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await tx.notification.createManyAndReturn({
    data: items.map((n) => ({ userId: n.userId, kind: n.kind, data: n.data })),
    select: { id: true },
  });
  const ids = rows.map((r) => r.id);
  await queueEmails(tx, ids.map((notificationId) => ({ kind: "notification" as const, notificationId })));
  return ids;
}

/**
 * Tells the group's facilitators, except the one who entered it, that a first answer arrived in
 * the pack: one statement (prisma/sql/functions/notify_answers_arrived.sql), which adds to the
 * count of an unread notification of the same pack rather than making another. The online submit
 * calls the same function inside its own statement (lib/data/responses.ts). Returns how many
 * facilitators were told.
 */
export async function notifyAnswersArrived(tx: Prisma.TransactionClient, input: { groupId: string; packNumber: number; actorId: string }): Promise<number> {
  const rows = await tx.$queryRaw<{ told: number }[]>`SELECT notify_answers_arrived(${input.groupId}, ${input.packNumber}::int, ${input.actorId}) AS "told"`;
  return rows[0]?.told ?? 0;
}

/** The caller's unread notifications: the count the header shows (one definition, in headerFacts). */
export async function unreadCount(user: CurrentUser): Promise<number> {
  return (await headerFacts(user)).unread;
}

export type NotificationItem = { id: string; kind: NotificationKind; data: NotificationData; readAt: Date | null; createdAt: Date };

/** The caller's latest notifications, unread first within the newest `take`. */
export async function listNotifications(user: CurrentUser, take = 50): Promise<NotificationItem[]> {
  const rows = await db.notification.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, data: true, readAt: true, createdAt: true },
  });
  return rows.flatMap((r) => (isKind(r.kind) ? [{ ...r, kind: r.kind, data: r.data as NotificationData }] : []));
}

/** Marks the caller's notifications read: the given ones, or all. Others' ids change nothing. */
export async function markRead(user: CurrentUser, ids: string[] | "all"): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId: user.id, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}

function isKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** The user behind a member, when they can sign in (mail members have none). */
export async function userOfMember(tx: Prisma.TransactionClient, memberId: string): Promise<string | null> {
  const row = await tx.member.findUnique({ where: { id: memberId }, select: { person: { select: { userId: true } } } });
  return row?.person.userId ?? null;
}

/** The caller's e-mail choice for notifications (the /account page). */
export async function getEmailPreference(user: CurrentUser): Promise<boolean> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailNotifications: true } });
  return row.emailNotifications;
}

export async function setEmailPreference(user: CurrentUser, emailNotifications: boolean): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { emailNotifications } });
}
