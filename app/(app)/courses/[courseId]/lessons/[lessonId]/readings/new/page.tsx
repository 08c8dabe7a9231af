import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/authoring/back-link";
import { ReadingForm } from "@/components/authoring/reading-form";
import { lessonPath, loadLesson } from "../../../../../load";
import { ClientMessages } from "@/components/i18n/client-messages";
import { env } from "@/lib/env";

type Props = { params: Promise<{ courseId: string; lessonId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("authoring.reading"))("newTitle") };
}

export default async function NewReadingPage({ params }: Props) {
  const { courseId, lessonId } = await params;
  const [lesson, t] = await Promise.all([loadLesson(courseId, lessonId), getTranslations("authoring.reading")]);
  return (
    <ClientMessages namespaces={["authoring.errors", "authoring.fields", "authoring.form", "authoring.formatting", "authoring.pdfReading", "authoring.reading", "authoring.validation", "emessage.reading"]}>
      <BackLink href={lessonPath({ courseId, lessonId })}>{t("backToLesson", { title: lesson.title })}</BackLink>
      <p className="mt-2 text-sm break-words text-muted">{t("toLesson", { position: lesson.position, title: lesson.title })}</p>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <ReadingForm courseId={courseId} lessonId={lessonId} maxPdfMb={env().MAX_READING_MB} />
    </ClientMessages>
  );
}
