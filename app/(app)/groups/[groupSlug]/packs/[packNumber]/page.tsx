import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown/markdown";
import { PdfReadingView } from "@/components/authoring/pdf-reading-view";
import { PublishButton } from "@/components/packs/publish-button";
import { ResponseEditor } from "@/components/responses/response-editor";
import { ShareToggle } from "@/components/responses/share-toggle";
import { FeaturedList } from "@/components/packs/featured-list";
import { PackContents, type QuestionState } from "@/components/packs/pack-contents";
import { listFeatured } from "@/lib/data/featured";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getPack, promptsOf, type PackView } from "@/lib/data/packs";
import { listMyResponses, type MyResponse } from "@/lib/data/responses";
import { canInGroup } from "@/lib/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string; packNumber: string }> };

async function load(params: Props["params"]) {
  const { groupSlug, packNumber } = await params;
  const number = Number(packNumber);
  const ctx = await groupPage(groupSlug);
  if (!Number.isInteger(number) || number < 1) notFound();
  try {
    return { ctx, pack: await getPack(ctx, number) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { pack } = await load(params);
  const t = await getTranslations("packs");
  return { title: pack.title ? t("packNTitle", { number: pack.number, title: pack.title }) : t("packN", { number: pack.number }) };
}

export default async function PackPage({ params }: Props) {
  const { ctx, pack } = await load(params);
  const [t, tp, tr, td, format] = await Promise.all([getTranslations("packs.view"), getTranslations("packs"), getTranslations("packs.response"), getTranslations("discussion"), getFormatter()]);
  const tEmessage = await getTranslations("emessage.page");
  const answerLabel = tr("yourAnswer");
  const staff = canInGroup(ctx.roles, "pack.edit");
  const writes = canInGroup(ctx.roles, "response.writeOwn") && pack.status === "PUBLISHED";
  const [mine, featured] = await Promise.all([writes ? listMyResponses(ctx, pack.id) : [], listFeatured(ctx, pack.id)]);
  const byPrompt = new Map<string, MyResponse>(mine.map((r) => [r.promptId, r]));
  const base = `/groups/${ctx.group.slug}/packs/${pack.number}`;
  // Questions are numbered through the whole pack, as on the printed response sheets.
  const promptNumbers = new Map(promptsOf(pack).map((prompt, index) => [prompt.id, index + 1]));

  return (
    <ClientMessages namespaces={["confirmDialog", "discussion.errors", "discussion.hide", "discussion.shareControl", "discussion.validation", "mail.validation.receivedInFuture", "packs.edit.publish", "packs.edit.publishHint", "packs.edit.publishing", "packs.errors", "packs.lifecycle.publishBody", "packs.lifecycle.publishConfirm", "packs.lifecycle.publishTitle", "packs.response", "packs.validation"]}>
      <article>
        <p>
          <Link href={`/groups/${ctx.group.slug}`} className="text-sm text-accent underline underline-offset-4">
            {tp("backToGroup", { group: ctx.group.name })}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">
          {pack.title ? tp("packNTitle", { number: pack.number, title: pack.title }) : tp("packN", { number: pack.number })}
        </h1>
        <p className="mt-1 text-muted">{pack.dueDate ? tp("due", { date: format.dateTime(pack.dueDate, { dateStyle: "long", timeZone: "UTC" }) }) : tp("noDueDate")}</p>

        {pack.status === "DRAFT" && (
          <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
            <p>{t("draftBanner")}</p>
          </div>
        )}
        {staff && (
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href={`${base}/edit`} className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 font-medium hover:bg-stone-100">
              {t("edit")}
            </Link>
            {pack.status === "PUBLISHED" ? (
              <>
                <Link href={`${base}/responses`} className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-medium text-white hover:bg-accent-strong">
                  {t("review")}
                </Link>
                <Link href={`${base}/mail`} className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 font-medium hover:bg-stone-100">
                  {t("mailLog")}
                </Link>
                <Link href={`${base}/emessage`} className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 font-medium hover:bg-stone-100">
                  {tEmessage("link")}
                </Link>
                <Link href="/transcribe" className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 font-medium hover:bg-stone-100">
                  {t("typeCode")}
                </Link>
              </>
            ) : (
              <PublishButton groupSlug={ctx.group.slug} packNumber={pack.number} />
            )}
          </div>
        )}

        <PackContents pack={pack} questionNumbers={promptNumbers} states={writes ? questionStates(byPrompt) : null} />

        {pack.letterMarkdown.trim() && (
          <section aria-labelledby="letter" className="mt-8 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="letter" className="scroll-mt-4 text-lg font-semibold">
              {t("letter")}
            </h2>
            <Markdown source={pack.letterMarkdown} idPrefix="letter-" headingLevel={3} className="mt-3" />
          </section>
        )}

        <FeaturedList entries={featured} />

        {pack.lessons.length === 0 && <p className="mt-8 text-muted">{t("noLessons")}</p>}

        {pack.lessons.map(({ lesson }, lessonIndex) => (
          <section key={lesson.id} id={`lesson-${lesson.id}`} aria-labelledby={`lesson-${lesson.id}-title`} className="mt-10 scroll-mt-4">
            <h2 id={`lesson-${lesson.id}-title`} className="text-xl font-semibold">
              {t("lesson", { position: lessonIndex + 1, title: lesson.title })}
            </h2>
            {lesson.summary && <p className="mt-2 text-muted">{lesson.summary}</p>}
            {lesson.readings.map((reading) => (
              <ReadingBlock key={reading.id} reading={reading} t={t} />
            ))}
            {lesson.prompts.length > 0 && (
              <div className="mt-8">
                <h3 className="text-lg font-semibold">{t("prompts")}</h3>
                <ol className="mt-3 space-y-8">
                  {lesson.prompts.map((prompt) => {
                    const reading = lesson.readings.find((r) => r.id === prompt.readingId);
                    const response = byPrompt.get(prompt.id);
                    return (
                      <li key={prompt.id} id={`question-${prompt.id}`} className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4">
                        <p className="text-sm text-muted">
                          {t("promptN", { number: promptNumbers.get(prompt.id) ?? 0 })}
                          {reading && ` · ${t("aboutReading", { title: reading.title })}`}
                        </p>
                        <p className="mt-1 text-lg">{prompt.text}</p>
                        {writes && (
                          <>
                            <ResponseEditor
                              groupSlug={ctx.group.slug}
                              packNumber={pack.number}
                              promptId={prompt.id}
                              label={answerLabel}
                              initial={{
                                status: response?.status ?? null,
                                body: response?.body ?? "",
                                draftBody: response?.draftBody ?? null,
                                draftSavedAt: response?.draftSavedAt?.toISOString() ?? null,
                                submittedAt: response?.submittedAt?.toISOString() ?? null,
                                version: response?.version ?? 0,
                              }}
                            />
                            {response?.status === "SUBMITTED" && (
                              <>
                                <ShareToggle groupSlug={ctx.group.slug} responseId={response.id} initial={response.shared} />
                                {response.hidden && <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">{td("hiddenMine", { reason: response.hidden.reason })}</p>}
                              </>
                            )}
                            <FeedbackList items={response?.feedback ?? []} />
                          </>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </div>
            )}
          </section>
        ))}
      </article>
    </ClientMessages>
  );
}

/** A member's question is answered once submitted; an autosaved draft alone is not an answer. */
function questionStates(byPrompt: Map<string, MyResponse>): Map<string, QuestionState> {
  const states = new Map<string, QuestionState>();
  for (const [promptId, r] of byPrompt) states.set(promptId, r.status === "SUBMITTED" ? "answered" : r.draftBody !== null ? "draft" : "open");
  return states;
}

type Reading = PackView["lessons"][number]["lesson"]["readings"][number];

function ReadingBlock({ reading, t }: { reading: Reading; t: Awaited<ReturnType<typeof getTranslations<"packs.view">>> }) {
  const meta = [
    reading.author && t("by", { author: reading.author }),
    reading.source,
    reading.pageRange && t("pages", { range: reading.pageRange }),
    reading.estimatedMinutes && t("minutes", { minutes: reading.estimatedMinutes }),
  ].filter(Boolean);
  return (
    <section aria-labelledby={`reading-${reading.id}`} className="mt-6">
      <h3 id={`reading-${reading.id}`} className="scroll-mt-4 text-lg font-semibold">
        {reading.title}
      </h3>
      {meta.length > 0 && <p className="text-sm text-muted">{meta.join(" · ")}</p>}
      {reading.pdfPageCount !== null ? (
        <PdfReadingView readingId={reading.id} title={reading.title} pageCount={reading.pdfPageCount} />
      ) : (
        reading.bodyMarkdown && <Markdown source={reading.bodyMarkdown} idPrefix={`r${reading.id}-`} headingLevel={4} className="mt-4" />
      )}
    </section>
  );
}

async function FeedbackList({ items }: { items: MyResponse["feedback"] }) {
  if (items.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("packs.response"), getFormatter()]);
  return (
    <div className="mt-4 space-y-3">
      <h4 className="font-semibold">{t("feedbackHeading")}</h4>
      {items.map((f) => (
        <figure key={f.id} className="rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          <blockquote className="whitespace-pre-wrap">{f.body}</blockquote>
          <figcaption className="mt-1 text-sm text-muted">
            {t("feedback", { name: f.authorName })} · {format.dateTime(f.createdAt, { dateStyle: "medium" })}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
