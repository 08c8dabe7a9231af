import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/authoring/back-link";
import { Markdown } from "@/components/markdown/markdown";
import { PdfReadingView } from "@/components/authoring/pdf-reading-view";
import { lessonPath, loadReading } from "../../../../../../load";

type Props = {
  params: Promise<{ courseId: string; lessonId: string; readingId: string }>;
  searchParams: Promise<{ added?: string }>;
};

const load = async (params: Props["params"]) => {
  const { courseId, lessonId, readingId } = await params;
  const editPath = `${lessonPath({ courseId, lessonId })}/readings/${encodeURIComponent(readingId)}`;
  return { editPath, reading: await loadReading(courseId, lessonId, readingId, `${editPath}/preview`) };
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reading } = await load(params);
  return { title: (await getTranslations("authoring.reading"))("previewTitle", { title: reading.title }) };
}

export default async function ReadingPreviewPage({ params, searchParams }: Props) {
  const [{ editPath, reading }, { added }, t, tp] = await Promise.all([load(params), searchParams, getTranslations("authoring.reading"), getTranslations("authoring.pdfReading")]);
  const { courseId, lessonId } = await params;
  const meta = [reading.source, reading.pageRange && t("pages", { range: reading.pageRange }), reading.estimatedMinutes && t("minutes", { minutes: reading.estimatedMinutes })].filter(Boolean);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-6">
        <BackLink href={lessonPath({ courseId, lessonId })}>{reading.lesson.title}</BackLink>
        <Link href={editPath} className="inline-flex min-h-11 items-center text-accent underline underline-offset-4 hover:text-accent-strong">
          {t("edit")}
        </Link>
      </div>
      <p role="status" className="mt-3 rounded-md border border-stone-300 bg-stone-100 px-4 py-3 text-sm">
        {added ? t("added") : t("previewNote")}
      </p>
      <article className="mt-8">
        <header className="max-w-[65ch] border-b border-stone-300 pb-6">
          <h1 className="text-3xl leading-tight font-bold break-words text-stone-900 sm:text-4xl">{reading.title}</h1>
          {reading.author && <p className="mt-2 text-lg break-words">{t("by", { author: reading.author })}</p>}
          {meta.length > 0 && <p className="mt-1 text-sm break-words text-muted">{meta.join(" · ")}</p>}
        </header>
        {reading.pdf ? (
          <div className="max-w-[65ch]">
            <PdfReadingView readingId={reading.id} title={reading.title} pageCount={reading.pdf.pageCount} />
            {!reading.pdf.hasText && (
              <p className="mt-3 text-sm">
                <strong>{tp("scanned")}.</strong> {tp("scannedHint")}
              </p>
            )}
          </div>
        ) : (
          <Markdown source={reading.bodyMarkdown} headingLevel={2} className="mt-8" />
        )}
      </article>
    </>
  );
}
