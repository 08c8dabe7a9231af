import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Pager } from "@/components/ui/pager";
import { groupPage } from "@/lib/authz";
import { todayIn } from "@/lib/dates";
import { getEmessageReplyDesk } from "@/lib/data/emessage-replies";
import { AppError } from "@/lib/errors";
import { parsePagingParams } from "@/lib/validations/paging";
import { ReplyDesk } from "./_components/reply-desk";

type Props = { params: Promise<{ groupSlug: string; memberId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emessageReply"))("title") };
}

export default async function EmessageReplyPage({ params, searchParams }: Props) {
  const [{ groupSlug, memberId }, query] = await Promise.all([params, searchParams]);
  const { page } = parsePagingParams(query);
  const ctx = await groupPage(groupSlug, "response.transcribe");
  const desk = await getEmessageReplyDesk(ctx, memberId, { page }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tPaging, format] = await Promise.all([getTranslations("emessageReply"), getTranslations("paging"), getFormatter()]);
  const { member, replies, paging } = desk;
  const base = `/groups/${groupSlug}/members/${member.id}`;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }); // a calendar day, stored at midnight UTC
  const instant = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }); // the organization's time zone

  return (
    <ClientMessages namespaces={["discussion.errors", "discussion.hide", "emessageReply", "mail.desk.errors", "mail.validation.receivedInFuture", "packs.errors", "packs.validation"]}>
      <p>
        <Link href={base} className="text-sm text-accent underline underline-offset-4">
          {t("back", { penName: member.penName })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-words">{t("heading", { penName: member.penName })}</h1>
      {member.erased ? (
        <p className="mt-4 rounded-md bg-stone-100 p-3" role="status">
          {t("erased", { penName: member.penName })}
        </p>
      ) : member.channel !== "EMESSAGE" ? (
        <p className="mt-4 rounded-md bg-stone-100 p-3" role="status">
          {t("notEmessage", { penName: member.penName })}
        </p>
      ) : (
        <>
          <p className="mt-2 text-muted">{t("intro")}</p>
          {desk.questions.length === 0 && <p className="mt-4 rounded-md bg-stone-100 p-3">{t("noCodes", { penName: member.penName })}</p>}
          <ReplyDesk groupSlug={groupSlug} memberId={member.id} penName={member.penName} today={todayIn(desk.timeZone)} questions={desk.questions} />
        </>
      )}

      <section aria-labelledby="past" className="mt-10 border-t border-stone-300 pt-6">
        <h2 id="past" className="text-xl font-semibold">
          {t("past.title")}
        </h2>
        {replies.length === 0 ? (
          <p className="mt-2 text-muted">{t("past.none")}</p>
        ) : (
          <ol className="mt-4 space-y-4">
            {replies.map((reply) => (
              <li key={reply.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="font-medium">
                  {t("past.received", { date: day(reply.receivedOn) })}{" "}
                  <span className="font-normal text-muted">
                    · {reply.enteredBy ? t("past.enteredBy", { name: reply.enteredBy }) : t("past.enteredByUnknown")} · <time dateTime={reply.createdAt.toISOString()}>{instant(reply.createdAt)}</time>
                  </span>
                </p>
                {reply.removed ? (
                  <p className="mt-2 text-sm text-muted">{t("past.removed")}</p>
                ) : (
                  <>
                    <h3 className="mt-2 text-sm font-semibold">{t("past.note")}</h3>
                    {reply.note ? <p className="whitespace-pre-wrap break-words">{reply.note}</p> : <p className="text-sm text-muted">{t("past.noNote")}</p>}
                    <details className="mt-2 text-sm">
                      <summary className="inline-flex min-h-11 cursor-pointer items-center text-accent">{t("past.body")}</summary>
                      <p className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-words border-l-2 border-stone-300 pl-3">{reply.body}</p>
                    </details>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        <Pager
          label={t("past.pagerLabel")}
          page={paging.page}
          pages={paging.pages}
          href={(p) => (p > 1 ? `${base}/emessage?page=${p}` : `${base}/emessage`)}
          text={{ previous: tPaging("previous"), next: tPaging("next"), pageOf: tPaging("pageOf", { page: paging.page, pages: paging.pages }) }}
        />
      </section>
    </ClientMessages>
  );
}
