import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/authoring/back-link";
import { ItemControls } from "@/components/authoring/item-controls";
import { LessonDetailsForm } from "@/components/authoring/lesson-forms";
import { PromptForm, PromptText } from "@/components/authoring/prompt-forms";
import { lessonPath, loadLesson } from "../../../load";
import { deletePromptAction, deleteReadingAction, movePromptAction, moveReadingAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ courseId: string; lessonId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { courseId, lessonId } = await params;
  return { title: (await loadLesson(courseId, lessonId)).title };
}

const card = "flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between";
const link = "inline-flex min-h-11 items-center text-accent underline underline-offset-4 hover:text-accent-strong";

export default async function LessonEditorPage({ params }: Props) {
  const { courseId, lessonId } = await params;
  const [lesson, t, tp] = await Promise.all([loadLesson(courseId, lessonId), getTranslations("authoring.lesson"), getTranslations("authoring.pdfReading")]);
  const base = lessonPath({ courseId, lessonId });
  const refs = { courseId, lessonId };
  const readingOptions = lesson.readings.map((r) => ({ id: r.id, title: r.title }));
  return (
    <ClientMessages namespaces={["authoring.controls", "authoring.course", "authoring.errors", "authoring.fields", "authoring.form", "authoring.lesson", "authoring.validation"]}>
      <BackLink href={`/courses/${courseId}`}>{t("backToCourse", { title: lesson.course.title })}</BackLink>
      <p className="mt-2 text-sm text-muted">{t("eyebrow", { position: lesson.position, count: lesson.lessonCount })}</p>
      <h1 className="text-2xl font-semibold break-words">{lesson.title}</h1>
      {lesson.summary && <p className="mt-2 whitespace-pre-line break-words">{lesson.summary}</p>}

      <section aria-labelledby="readings" className="mt-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="readings" tabIndex={-1} className="text-xl font-semibold">
            {t("readingsHeading")}
          </h2>
          <Link href={`${base}/readings/new`} className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
            {t("addReading")}
          </Link>
        </div>
        {lesson.readings.length === 0 ? (
          <p className="mt-3 text-muted">{t("readingsEmpty")}</p>
        ) : (
          <ol className="mt-3 space-y-3" aria-label={t("readingsHeading")}>
            {lesson.readings.map((reading) => {
              const meta = [
                reading.pdfPageCount !== null && tp("pdfPages", { count: reading.pdfPageCount }),
                reading.pdfHasText === false && tp("scanned"),
                reading.author,
                reading.source,
                reading.pageRange && t("pages", { range: reading.pageRange }),
                reading.estimatedMinutes && t("minutes", { minutes: reading.estimatedMinutes }),
              ].filter(Boolean);
              return (
                <li key={reading.id} className={card}>
                  <div className="min-w-0">
                    <p className="text-sm text-muted">{t("readingNumber", { position: reading.position })}</p>
                    <h3 className="text-lg font-semibold break-words">{reading.title}</h3>
                    {meta.length > 0 && <p className="mt-1 text-sm break-words text-muted">{meta.join(" · ")}</p>}
                    <p className="mt-1 flex gap-5">
                      <Link href={`${base}/readings/${reading.id}`} className={link} aria-label={t("editReadingLabel", { title: reading.title })}>
                        {t("editReading")}
                      </Link>
                      <Link href={`${base}/readings/${reading.id}/preview`} className={link} aria-label={t("previewReadingLabel", { title: reading.title })}>
                        {t("previewReading")}
                      </Link>
                    </p>
                  </div>
                  <ItemControls
                    name={reading.title}
                    refs={{ ...refs, readingId: reading.id }}
                    position={reading.position}
                    count={lesson.readings.length}
                    move={moveReadingAction}
                    remove={deleteReadingAction}
                    deleteNote={t("readingDeleteNote")}
                    listHeadingId="readings"
                  />
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="prompts" className="mt-10">
        <h2 id="prompts" tabIndex={-1} className="text-xl font-semibold">
          {t("promptsHeading")}
        </h2>
        <p className="mt-1 text-muted">{t("promptsIntro")}</p>
        {lesson.prompts.length === 0 ? (
          <p className="mt-3 text-muted">{t("promptsEmpty")}</p>
        ) : (
          <ol className="mt-3 space-y-3" aria-label={t("promptsHeading")}>
            {lesson.prompts.map((prompt) => (
              <li key={prompt.id} className={card}>
                <div className="min-w-0 flex-1 break-words">
                  <PromptText courseId={courseId} lessonId={lessonId} readings={readingOptions} prompt={prompt} number={prompt.position} />
                </div>
                <ItemControls
                  name={t("promptName", { number: prompt.position })}
                  refs={{ ...refs, promptId: prompt.id }}
                  position={prompt.position}
                  count={lesson.prompts.length}
                  move={movePromptAction}
                  remove={deletePromptAction}
                  deleteNote={t("promptDeleteNote")}
                  listHeadingId="prompts"
                />
              </li>
            ))}
          </ol>
        )}
        <div className="mt-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
          <h3 className="mb-4 text-lg font-semibold">{t("addPromptHeading")}</h3>
          <PromptForm courseId={courseId} lessonId={lessonId} readings={readingOptions} />
        </div>
      </section>

      <section aria-labelledby="details" className="mt-10 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="details" className="text-xl font-semibold">
          {t("detailsHeading")}
        </h2>
        <LessonDetailsForm courseId={courseId} lessonId={lessonId} initial={{ title: lesson.title, summary: lesson.summary }} />
      </section>
    </ClientMessages>
  );
}
