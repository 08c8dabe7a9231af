import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/authoring/back-link";
import { CourseDetailsForm } from "@/components/authoring/course-forms";
import { ItemControls } from "@/components/authoring/item-controls";
import { AddLessonForm } from "@/components/authoring/lesson-forms";
import { loadCourse } from "../load";
import { deleteLessonAction, moveLessonAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadCourse((await params).courseId)).title };
}

export default async function CourseEditorPage({ params }: Props) {
  const { courseId } = await params;
  const [course, t] = await Promise.all([loadCourse(courseId), getTranslations("authoring.course")]);
  const count = course.lessons.length;
  return (
    <ClientMessages namespaces={["authoring.controls", "authoring.course", "authoring.courses", "authoring.errors", "authoring.fields", "authoring.form", "authoring.lesson.detailsHeading", "authoring.validation"]}>
      <BackLink href="/courses">{t("backToCourses")}</BackLink>
      <p className="mt-2 text-sm text-muted">{t("eyebrow", { organization: course.organizationName })}</p>
      <h1 className="text-2xl font-semibold break-words">{course.title}</h1>
      {course.description && <p className="mt-2 whitespace-pre-line break-words">{course.description}</p>}
      <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm">{t("sharedNote")}</p>

      <section aria-labelledby="lessons" className="mt-8">
        <h2 id="lessons" tabIndex={-1} className="text-xl font-semibold">
          {t("lessonsHeading")}
        </h2>
        {count === 0 ? (
          <p className="mt-3 text-muted">{t("lessonsEmpty")}</p>
        ) : (
          <ol className="mt-3 space-y-3" aria-label={t("lessonsHeading")}>
            {course.lessons.map((lesson) => {
              const minutes = lesson.readings.reduce((sum, r) => sum + (r.estimatedMinutes ?? 0), 0);
              return (
                <li key={lesson.id} className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <p className="text-sm text-muted">{t("lessonNumber", { position: lesson.position })}</p>
                    <h3 className="text-lg font-semibold break-words">
                      <Link href={`/courses/${course.id}/lessons/${lesson.id}`} className="text-accent underline-offset-4 hover:underline">
                        {lesson.title}
                      </Link>
                    </h3>
                    <p className="mt-1 text-sm text-muted">
                      {t("lessonMeta", { readings: lesson.readings.length, prompts: lesson.prompts.length })}
                      {minutes > 0 && ` · ${t("lessonMinutes", { minutes })}`}
                    </p>
                  </div>
                  <ItemControls
                    name={lesson.title}
                    refs={{ courseId: course.id, lessonId: lesson.id }}
                    position={lesson.position}
                    count={count}
                    move={moveLessonAction}
                    remove={deleteLessonAction}
                    deleteNote={t("lessonDeleteNote")}
                    cannotDelete={lesson.packCount > 0 ? t("lessonInPack") : undefined}
                    listHeadingId="lessons"
                  />
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="add-lesson" className="mt-8 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="add-lesson" className="text-xl font-semibold">
          {t("addLessonHeading")}
        </h2>
        <AddLessonForm courseId={course.id} />
      </section>

      <section aria-labelledby="details" className="mt-8 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="details" className="text-xl font-semibold">
          {t("detailsHeading")}
        </h2>
        <CourseDetailsForm courseId={course.id} initial={{ title: course.title, description: course.description, language: course.locale ?? "" }} />
      </section>
    </ClientMessages>
  );
}
