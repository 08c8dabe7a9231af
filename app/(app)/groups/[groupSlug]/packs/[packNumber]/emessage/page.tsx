import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ByPostMailedForm, EmessageEventForm, MarkAllSentButton, MessageCard, PrepareButton } from "@/components/emessage/emessage-controls";
import { ClientMessages } from "@/components/i18n/client-messages";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { BY_POST_NOTE, EMESSAGE_NEXT, viewEmessageLog } from "@/lib/data/emessage-deliveries";

type Props = { params: Promise<{ groupSlug: string; packNumber: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("emessage.page"))("title", { number: (await params).packNumber }) };
}

/** A pack's e-message members, their numbered messages and the delivery log (docs/decisions/045). */
export default async function EmessagePage({ params }: Props) {
  const { groupSlug, packNumber } = await params;
  const ctx = await groupPage(groupSlug, "delivery.manage");
  const number = Number(packNumber);
  if (!Number.isInteger(number) || number < 1) notFound();
  const log = await viewEmessageLog(ctx, number).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tService, format] = await Promise.all([getTranslations("emessage.page"), getTranslations("emessage.service"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }); // calendar days
  const instant = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }); // in the organization's time zone

  return (
    <ClientMessages namespaces={["discussion.errors.notFeaturable", "emessage.errors", "emessage.page", "emessage.validation", "mail.validation.dateRequired"]}>
      <p>
        <Link href={`/groups/${groupSlug}/packs/${number}`} className="text-sm text-accent underline underline-offset-4">
          {t("backToPack", { number })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-words">{t("title", { number })}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {log.byPost.length > 0 && (
        <p className="mt-2 rounded-md bg-amber-50 p-3 text-sm">{t("byPostIntro", { titles: log.byPost.map((r) => `“${r.title}”`).join(", ") })}</p>
      )}

      {log.deliveries.length === 0 && <p className="mt-6 text-muted">{t("none")}</p>}
      <ul className="mt-6 space-y-6">
        {log.deliveries.map((d) => {
          const person = d.member.person;
          const sent = d.parts.filter((p) => p.sentAt).length;
          const next = EMESSAGE_NEXT[d.status].filter((s): s is "RETURNED" | "RESENT" | "RESPONDED" => s === "RETURNED" || s === "RESENT" || s === "RESPONDED");
          const ref = { groupSlug, packNumber: number, deliveryId: d.id };
          const headingId = `member-${d.id}`;
          return (
            <li key={d.id} className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby={headingId}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={headingId} className="text-lg font-semibold break-words">
                  {person.erasedAt ? (
                    d.member.penName
                  ) : (
                    <>
                      {person.legalName}
                      <span className="font-normal text-muted"> · {d.member.penName}</span>
                    </>
                  )}
                </h2>
                <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-sm font-medium" data-testid="emessage-status">
                  {t(`status.${d.status}`)}
                </span>
              </div>
              <p className="text-sm text-muted break-words">
                {person.emessageService ? tService(person.emessageService) : t("noService")}
                {person.emessageContact && ` · ${person.emessageContact}`}
              </p>
              {d.parts.length > 0 && <p className="mt-1 text-sm">{t("progress", { sent, total: d.parts.length })}</p>}
              {d.changed && <p className="mt-1 text-sm font-medium text-amber-800">{t("changed")}</p>}
              {(d.parts.length === 0 || d.changed) && !person.erasedAt && <PrepareButton {...ref} again={d.parts.length > 0} />}

              {d.parts.length > 0 && (
                <ol className="mt-3 space-y-3">
                  {d.parts.map((p) => (
                    <MessageCard
                      key={p.id}
                      {...ref}
                      partId={p.id}
                      body={p.body}
                      removed={p.removedAt !== null}
                      title={t("messageTitle", { number: p.number, total: p.total })}
                      sentLabel={p.sentAt ? (p.sentByName ? t("sentBy", { date: instant(p.sentAt), name: p.sentByName }) : t("sentOn", { date: instant(p.sentAt) })) : null}
                    />
                  ))}
                </ol>
              )}
              {d.parts.length > 1 && sent < d.parts.length && <MarkAllSentButton {...ref} />}

              {log.byPost.length > 0 && (
                <div className="mt-4 border-t border-stone-200 pt-3">
                  <p className="text-sm">
                    <a href={`/groups/${groupSlug}/packs/${number}/emessage/${d.member.id}/by-post`} className="text-accent underline underline-offset-4">
                      {t("byPostPdf")}
                    </a>
                    {d.byPostMailed && <span className="text-muted"> · {t("byPostDone")}</span>}
                  </p>
                  {!d.byPostMailed && <ByPostMailedForm {...ref} />}
                </div>
              )}

              <div className="mt-3 text-sm">
                <h3 className="font-medium">{t("log")}</h3>
                {d.events.length === 0 ? (
                  <p className="text-muted">{t("noEvents")}</p>
                ) : (
                  <ol className="mt-1 space-y-1 border-l-2 border-stone-200 pl-3" data-testid="emessage-log">
                    {d.events.map((e) => (
                      <li key={e.id}>
                        <span className="font-medium">{e.note === BY_POST_NOTE ? t("byPostEvent") : t(`status.${e.status}`)}</span> · {day(e.occurredOn)}
                        {e.reason && ` · ${e.reason}`}
                        {e.actorName && <span className="text-muted"> · {t("by", { name: e.actorName })}</span>}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
              {next.length > 0 && (
                <details className="mt-2">
                  <summary className="cursor-pointer py-2 font-medium text-accent">{t("record")}</summary>
                  <EmessageEventForm {...ref} next={next} label={`${t("record")}: ${d.member.penName}`} />
                </details>
              )}
              {!person.erasedAt && (
                <p className="mt-2 text-sm">
                  <Link href={`/groups/${groupSlug}/members/${d.member.id}/emessage`} prefetch={false} className="inline-block py-2 text-accent underline underline-offset-4">
                    {t("replyLink", { name: d.member.penName })}
                  </Link>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </ClientMessages>
  );
}
