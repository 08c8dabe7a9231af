// A PDF reading as a member meets it on the pack page (and its author in the preview): its
// page count, "Read it here" and "Download". Links rather than an embedded viewer: phone
// browsers show an embedded PDF as its first page or not at all, while a link hands it to the
// phone's own PDF viewer; and Chromium refuses to show a PDF inside an <iframe sandbox>
// (docs/decisions/029-pdf-readings.md). The PDF itself is served sandboxed by its own
// Content-Security-Policy, so opening it in a new tab runs nothing of it in our pages.
import { useTranslations } from "next-intl";

export function pdfReadingUrl(readingId: string, download = false): string {
  return `/api/readings/${encodeURIComponent(readingId)}/pdf${download ? "?download=1" : ""}`;
}

export function PdfReadingView({ readingId, title, pageCount }: { readingId: string; title: string; pageCount: number }) {
  const t = useTranslations("packs.view");
  const button = "inline-flex min-h-11 items-center rounded-md px-4 font-medium";
  return (
    <div className="mt-3 rounded-lg border border-stone-200 bg-white p-4">
      <p className="text-sm text-muted">{t("pdfPages", { count: pageCount })}</p>
      <p className="mt-3 flex flex-wrap gap-3">
        <a href={pdfReadingUrl(readingId)} target="_blank" rel="noopener" aria-label={t("readHereLabel", { title })} className={`${button} bg-accent text-white hover:bg-accent-strong`}>
          {t("readHere")}
        </a>
        <a href={pdfReadingUrl(readingId, true)} download aria-label={t("downloadLabel", { title })} className={`${button} border border-stone-400 bg-white hover:bg-stone-100`}>
          {t("download")}
        </a>
      </p>
      <p className="mt-2 text-sm text-muted">{t("pdfHint")}</p>
    </div>
  );
}
