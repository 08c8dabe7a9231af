"use client";
// Adding or editing a PDF reading: the same details as a text reading, and the file. Sent as a
// multipart form to the upload routes (app/api/courses/…/readings/…/pdf), which check the file
// from its content and answer in the action result shape, so errors land on their fields like
// any other form's. A file over the limit is refused here before it is sent: on a slow
// connection a 40 MB upload is minutes of waiting for a "too large".
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { SavedNote } from "@/components/authoring/saved-note";
import { useActionForm } from "@/components/authoring/use-action-form";
import type { ActionResult } from "@/lib/server/result";
import { MINUTES_MAX } from "@/lib/validations/course";
import { pdfReadingClientSchema, type PdfReadingClientInput, type PdfReadingClientValues } from "@/lib/validations/pdf-reading";

export type PdfReadingFile = { filename: string; byteSize: number; pageCount: number; hasText: boolean };

type Props = {
  courseId: string;
  lessonId: string;
  /** Absent when adding a new reading. */
  readingId?: string;
  initial?: Omit<PdfReadingClientInput, "file">;
  /** The file an existing PDF reading has now. */
  current?: PdfReadingFile | null;
  maxMb: number;
};

const EMPTY: PdfReadingClientInput = { title: "", author: "", source: "", pageRange: "", estimatedMinutes: "" };
const MB = 1024 * 1024;

export function PdfReadingForm({ courseId, lessonId, readingId, initial, current, maxMb }: Props) {
  const t = useTranslations("authoring");
  const router = useRouter();
  const { register, handleSubmit, setError, resetField, reset, formState } = useForm<PdfReadingClientInput, unknown, PdfReadingClientValues>({
    resolver: zodResolver(pdfReadingClientSchema),
    defaultValues: initial ? { ...initial, estimatedMinutes: initial.estimatedMinutes ?? "" } : EMPTY,
  });
  const { formError, saved, run, fieldError } = useActionForm(setError);

  const onSubmit = handleSubmit(async ({ file, ...values }) => {
    const chosen = file instanceof FileList ? file[0] : undefined;
    if (chosen && chosen.size > maxMb * MB) {
      setError("file", { message: t("pdfReading.tooLargeHere", { size: (chosen.size / MB).toFixed(1), max: maxMb }) });
      return;
    }
    const body = new FormData();
    for (const [key, value] of Object.entries(values)) body.set(key, value === null || value === undefined ? "" : String(value));
    if (chosen) body.set("file", chosen);
    const base = `/api/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}/readings`;
    const url = readingId ? `${base}/${encodeURIComponent(readingId)}/pdf` : `${base}/pdf`;
    const done = await run(async () => (await (await fetch(url, { method: "POST", body })).json()) as ActionResult<{ id: string }>);
    if (!done) return;
    if (readingId) {
      reset({ ...values, estimatedMinutes: values.estimatedMinutes === null ? "" : String(values.estimatedMinutes) });
      resetField("file");
      router.refresh();
      return;
    }
    router.push(`/courses/${courseId}/lessons/${lessonId}/readings/${done.data.id}/preview?added=1`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={readingId ? t("reading.editTitle") : t("reading.newTitle")}>
      <FormAlert message={formError} />
      <TextField label={t("fields.readingTitle")} {...register("title")} error={fieldError(formState.errors.title?.message)} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label={t("fields.author")} autoComplete="off" {...register("author")} error={fieldError(formState.errors.author?.message)} />
        <TextField label={t("fields.source")} hint={t("fields.sourceHint")} autoComplete="off" {...register("source")} error={fieldError(formState.errors.source?.message)} />
        <TextField label={t("fields.pageRange")} hint={t("fields.pageRangeHint")} autoComplete="off" {...register("pageRange")} error={fieldError(formState.errors.pageRange?.message)} />
        <TextField
          label={t("fields.minutes")}
          hint={t("fields.minutesHint")}
          type="number"
          inputMode="numeric"
          min={1}
          max={MINUTES_MAX}
          {...register("estimatedMinutes")}
          error={fieldError(formState.errors.estimatedMinutes?.message)}
        />
      </div>
      {current && <PdfFileSummary file={current} />}
      <TextField
        label={current ? t("pdfReading.replaceFile") : t("pdfReading.file")}
        hint={current ? t("pdfReading.replaceHint") : t("pdfReading.fileHint", { max: maxMb })}
        type="file"
        accept="application/pdf,.pdf"
        {...register("file")}
        error={fieldError(formState.errors.file?.message)}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={formState.isSubmitting || (!readingId && formState.isSubmitSuccessful)}>
          {formState.isSubmitting ? t("pdfReading.uploading") : readingId ? t("form.save") : t("pdfReading.add")}
        </Button>
        <SavedNote show={saved && !formState.isDirty} />
      </div>
    </form>
  );
}

/** "850 KB", "12.4 MB": a small export must not read as "0.0 MB". */
function fileSize(bytes: number): string {
  return bytes < MB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / MB).toFixed(1)} MB`;
}

/** The file a PDF reading has: its name, size and pages, and a note when it is a scan. */
export function PdfFileSummary({ file }: { file: PdfReadingFile }) {
  const t = useTranslations("authoring.pdfReading");
  return (
    <div className="rounded-md border border-stone-300 bg-white px-4 py-3">
      <p className="break-words">{t("current", { filename: file.filename, size: fileSize(file.byteSize) })}</p>
      <p className="mt-1 text-sm text-muted">
        {t("pdfPages", { count: file.pageCount })}
        {!file.hasText && ` · ${t("scanned")}`}
      </p>
      {!file.hasText && <p className="mt-1 text-sm">{t("scannedHint")}</p>}
    </div>
  );
}
