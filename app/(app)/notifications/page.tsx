import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notifications";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const [items, t, tWeek, format] = await Promise.all([listNotifications(user), getTranslations("notifications"), getTranslations("week.notification"), getFormatter()]);
  const unread = items.filter((n) => !n.readAt);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {unread.length > 0 && <MarkReadButton ids="all" label={t("markAllRead")} />}
      </div>
      <p className="mt-1 text-sm text-muted">
        <Link href="/account" className="text-accent underline underline-offset-4">
          {t("emailSettings")}
        </Link>
      </p>
      {items.length === 0 && <p className="mt-6 rounded-lg border border-stone-200 bg-white p-4">{t("none")}</p>}
      <ul className="mt-6 space-y-3">
        {items.map((n) => {
          const values = { group: n.data.groupName, pack: n.data.packNumber, penName: n.data.penName ?? "", reason: n.data.reason ?? "" };
          return (
            <li key={n.id} className={`rounded-lg border bg-white p-4 ${n.readAt ? "border-stone-200" : "border-accent"}`}>
              <p className="text-sm text-muted">
                {!n.readAt && <span className="mr-2 rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-white">{t("unread")}</span>}
                {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </p>
              <p className="mt-1 break-words">
                {n.kind === "answersArrived" ? tWeek("answersArrived", { ...values, count: n.data.count ?? 1 }) : t(`kinds.${n.kind}`, values)}
              </p>
              {n.data.promptText && <p className="mt-1 line-clamp-2 text-sm text-muted">{n.data.promptText}</p>}
              <div className="mt-2 flex flex-wrap items-center gap-4">
                <Link href={n.data.href} className="inline-flex min-h-11 items-center text-accent underline underline-offset-4">
                  {t("open")}
                </Link>
                {!n.readAt && <MarkReadButton ids={[n.id]} label={t("markRead")} variant="quiet" />}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
