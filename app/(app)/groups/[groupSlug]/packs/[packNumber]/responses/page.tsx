import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { FeedbackForm } from "@/components/responses/feedback-form";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getPack, promptsOf } from "@/lib/data/packs";
import { getPackReview } from "@/lib/data/feedback";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string; packNumber: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("packs.review"))("title", { number: (await params).packNumber }) };
}

export default async function ReviewPage({ params }: Props) {
  const { groupSlug, packNumber } = await params;
  const ctx = await groupPage(groupSlug, "response.viewAll");
  const number = Number(packNumber);
  if (!Number.isInteger(number) || number < 1) notFound();
  const pack = await getPack(ctx, number).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const [review, t, tp, tMail, format, te, tEm] = await Promise.all([getPackReview(ctx, pack.id), getTranslations("packs.review"), getTranslations("packs"), getTranslations("mail"), getFormatter(), getTranslations("emessage.channel"), getTranslations("emessageReply")]);
  const prompts = promptsOf(pack);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <ClientMessages namespaces={["discussion.errors.notFeaturable", "discussion.validation", "mail.validation.receivedInFuture", "packs.errors", "packs.review", "packs.validation"]}>
      <p>
        <Link href={`/groups/${groupSlug}/packs/${number}`} className="text-sm text-accent underline underline-offset-4">
          {tp("packN", { number })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { number })}</h1>
      <nav aria-label={t("byPrompt")} className="mt-4">
        <ol className="list-decimal space-y-1 pl-6">
          {prompts.map((prompt) => (
            <li key={prompt.id}>
              <a href={`#prompt-${prompt.id}`} className="text-accent underline underline-offset-4">
                {prompt.text}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      {prompts.map((prompt, index) => {
        const answers = review.responses.filter((r) => r.promptId === prompt.id);
        const answered = new Set(answers.map((r) => r.memberId));
        const missing = review.members.filter((m) => !answered.has(m.id));
        return (
          <section key={prompt.id} id={`prompt-${prompt.id}`} aria-labelledby={`prompt-${prompt.id}-h`} className="mt-10 scroll-mt-4">
            <h2 id={`prompt-${prompt.id}-h`} className="text-lg font-semibold">
              {index + 1}. {prompt.text}
            </h2>
            <p className="text-sm text-muted">
              {prompt.lessonTitle} · {t("answered", { count: answered.size, total: review.members.length })}
            </p>
            <div className="mt-3 rounded-md bg-stone-100 p-3 text-sm">
              {missing.length === 0 ? (
                t("everyoneAnswered")
              ) : (
                <>
                  <span className="font-medium">{t("notAnswered")}:</span> {missing.map((m) => `${m.penName} (${m.channel === "MAIL" ? t("mail") : m.channel === "EMESSAGE" ? te("byEmessage") : t("online")})`).join(", ")}
                </>
              )}
            </div>
            {answers.length === 0 && <p className="mt-4 text-muted">{t("noResponses")}</p>}
            <ul className="mt-4 space-y-6">
              {answers.map((response) => (
                <li key={response.id} className="rounded-lg border border-stone-200 bg-white p-4">
                  <p className="text-sm text-muted">
                    <span className="font-semibold text-ink">{response.member.penName}</span> ·{" "}
                    {response.source === "EMESSAGE" ? tEm("byEmessage", { name: response.transcriberName ?? "?" }) : response.source === "TRANSCRIBED" ? tMail("byMail", { name: response.transcriberName ?? "?" }) : response.member.channel === "MAIL" ? t("mail") : t("online")} ·{" "}
                    {response.submittedAt && date(response.submittedAt)}
                    {response.version > 1 && ` · ${t("version", { version: response.version })}`}
                  </p>
                  <div className="mt-2 whitespace-pre-wrap break-words leading-relaxed">{response.body}</div>
                  {response.versions.length > 1 && (
                    <details className="mt-3 text-sm">
                      <summary className="cursor-pointer text-accent">{t("earlierVersions", { count: response.versions.length - 1 })}</summary>
                      {response.versions.slice(1).map((v) => (
                        <div key={v.version} className="mt-2 border-l-2 border-stone-300 pl-3">
                          <p className="text-muted">{t("versionOf", { version: v.version, date: date(v.createdAt) })}</p>
                          <div className="whitespace-pre-wrap break-words">{v.body}</div>
                        </div>
                      ))}
                    </details>
                  )}
                  {response.feedback.map((f) => (
                    <figure key={f.id} className="mt-3 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
                      <blockquote className="whitespace-pre-wrap">{f.body}</blockquote>
                      <figcaption className="mt-1 text-sm text-muted">{t("feedbackBy", { name: f.author.name, date: date(f.createdAt) })}</figcaption>
                    </figure>
                  ))}
                  <FeedbackForm groupSlug={groupSlug} packNumber={number} responseId={response.id} penName={response.member.penName} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </ClientMessages>
  );
}
