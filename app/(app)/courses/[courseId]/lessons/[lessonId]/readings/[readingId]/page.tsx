import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/authoring/back-link";
import { ReadingForm } from "@/components/authoring/reading-form";
import { lessonPath, loadReading } from "../../../../../load";
import { ClientMessages } from "@/components/i18n/client-messages";
import { env } from "@/lib/env";

type Props = { params: Promise<{ courseId: string; lessonId: string; readingId: string }> };

const load = async (params: Props["params"]) => {
  const { courseId, lessonId, readingId } = await params;
  const path = `${lessonPath({ courseId, lessonId })}/readings/${encodeURIComponent(readingId)}`;
  return { path, reading: await loadReading(courseId, lessonId, readingId, path) };
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reading } = await load(params);
  return { title: reading.title };
}

export default async function EditReadingPage({ params }: Props) {
  const [{ path, reading }, t] = await Promise.all([load(params), getTranslations("authoring.reading")]);
  const { courseId, lessonId } = await params;
  return (
    <ClientMessages namespaces={["authoring.errors", "authoring.fields", "authoring.form", "authoring.formatting", "authoring.pdfReading", "authoring.reading", "authoring.validation", "emessage.reading"]}>
      <BackLink href={lessonPath({ courseId, lessonId })}>{t("backToLesson", { title: reading.lesson.title })}</BackLink>
      <p className="mt-2 text-sm break-words text-muted">{t("toLesson", { position: reading.lesson.position, title: reading.lesson.title })}</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
        <Link href={`${path}/preview`} className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100">
          {t("preview")}
        </Link>
      </div>
      <ReadingForm
        courseId={courseId}
        lessonId={lessonId}
        readingId={reading.id}
        pdf={reading.pdf}
        maxPdfMb={env().MAX_READING_MB}
        initial={{
          title: reading.title,
          author: reading.author,
          source: reading.source,
          pageRange: reading.pageRange,
          estimatedMinutes: reading.estimatedMinutes,
          bodyMarkdown: reading.bodyMarkdown,
          emessageByMailOnly: reading.emessageByMailOnly,
        }}
      />
    </ClientMessages>
  );
}
