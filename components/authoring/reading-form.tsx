"use client";
// Adding or editing a reading, which is either text (Markdown) or an uploaded PDF: the author
// chooses first, then fills in that kind's form (the PDF one is components/authoring/
// pdf-reading-form.tsx). The text is usually pasted whole (a 30-page article), so the form
// guards it: a failed save keeps it, leaving the page with unsaved changes asks first, and the
// word count with a suggested reading time updates as the text changes.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useForm, useWatch, type Control, type UseFormSetValue } from "react-hook-form";
import { createReadingAction, updateReadingAction } from "@/app/(app)/courses/[courseId]/lessons/[lessonId]/readings/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { PdfReadingForm, type PdfReadingFile } from "@/components/authoring/pdf-reading-form";
import { SavedNote } from "@/components/authoring/saved-note";
import { useActionForm } from "@/components/authoring/use-action-form";
import { MINUTES_MAX, readingSchema, type ReadingInput, type ReadingValues } from "@/lib/validations/course";

type Props = {
  courseId: string;
  lessonId: string;
  /** Absent when adding a new reading. */
  readingId?: string;
  initial?: ReadingValues;
};

type Kind = "text" | "pdf";

/** The choice of kind, then that kind's form. `pdf`: the file of an existing PDF reading. */
export function ReadingForm({ pdf, maxPdfMb, ...props }: Props & { pdf?: PdfReadingFile | null; maxPdfMb: number }) {
  const t = useTranslations("authoring.pdfReading");
  const [kind, setKind] = useState<Kind>(pdf ? "pdf" : "text");
  const name = useId();
  const initial = props.initial;
  const details = initial && { title: initial.title, author: initial.author, source: initial.source, pageRange: initial.pageRange, estimatedMinutes: initial.estimatedMinutes };
  return (
    <>
      <fieldset className="mt-6">
        <legend className="font-medium">{t("kindLegend")}</legend>
        <div className="mt-2 flex flex-col gap-1 sm:flex-row sm:gap-6">
          {(["text", "pdf"] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name={name} value={value} checked={kind === value} onChange={() => setKind(value)} className="size-5 accent-accent" />
              {value === "text" ? t("kindText") : t("kindPdf")}
            </label>
          ))}
        </div>
        {pdf && kind === "text" && <p className="mt-1 text-sm text-muted">{t("kindSwitchNote")}</p>}
      </fieldset>
      {kind === "pdf" ? (
        <PdfReadingForm {...props} initial={details} current={pdf} maxMb={maxPdfMb} />
      ) : (
        <TextReadingForm {...props} />
      )}
    </>
  );
}

const EMPTY: ReadingInput = { title: "", author: "", source: "", pageRange: "", estimatedMinutes: "", bodyMarkdown: "", emessageByMailOnly: false };

function TextReadingForm({ courseId, lessonId, readingId, initial }: Props) {
  const t = useTranslations("authoring");
  const tEmessage = useTranslations("emessage.reading");
  const router = useRouter();
  const { register, handleSubmit, setError, reset, setValue, control, formState } = useForm<ReadingInput, unknown, ReadingValues>({
    resolver: zodResolver(readingSchema),
    defaultValues: initial ? { ...initial, estimatedMinutes: initial.estimatedMinutes ?? "" } : EMPTY,
  });
  const { formError, saved, run, fieldError } = useActionForm(setError);
  const mailOnlyHint = useId();
  useWarnBeforeLeaving(formState.isDirty && !formState.isSubmitSuccessful);

  const onSubmit = handleSubmit(async (values) => {
    const lesson = `/courses/${courseId}/lessons/${lessonId}`;
    if (readingId) {
      const done = await run(() => updateReadingAction({ courseId, lessonId, readingId, values }));
      if (done) reset({ ...values, estimatedMinutes: values.estimatedMinutes ?? "" });
      return;
    }
    const done = await run(() => createReadingAction({ courseId, lessonId, values }));
    if (done) router.push(`${lesson}/readings/${done.data.id}/preview?added=1`);
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
      <div>
        <TextAreaField
          label={t("fields.body")}
          hint={t("fields.bodyHint")}
          rows={18}
          spellCheck
          {...register("bodyMarkdown")}
          error={fieldError(formState.errors.bodyMarkdown?.message)}
        />
        <BodyStats control={control} setValue={setValue} />
        <FormattingHelp />
      </div>
      <div>
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" className="mt-1 size-5" aria-describedby={`${mailOnlyHint}`} {...register("emessageByMailOnly")} />
          <span>{tEmessage("byMailOnly")}</span>
        </label>
        <p id={mailOnlyHint} className="ml-8 text-sm text-muted">
          {tEmessage("byMailOnlyHint")}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={formState.isSubmitting || (!readingId && formState.isSubmitSuccessful)}>
          {formState.isSubmitting ? t("form.saving") : readingId ? t("form.save") : t("reading.add")}
        </Button>
        <SavedNote show={saved && !formState.isDirty} />
      </div>
    </form>
  );
}

/** Roughly how long a careful first reading of study material takes, in words per minute. */
const WORDS_PER_MINUTE = 150;

function BodyStats({ control, setValue }: { control: Control<ReadingInput, unknown, ReadingValues>; setValue: UseFormSetValue<ReadingInput> }) {
  const t = useTranslations("authoring.reading");
  // Watched here, not in the form, so a keystroke re-renders only this line.
  const [body, minutes] = useWatch({ control, name: ["bodyMarkdown", "estimatedMinutes"] });
  const words = body.trim() ? body.trim().split(/\s+/).length : 0;
  if (words === 0) return null;
  const suggested = Math.min(MINUTES_MAX, Math.max(1, Math.round(words / WORDS_PER_MINUTE)));
  const current = typeof minutes === "number" ? minutes : Number(minutes || 0);
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <span>{t("wordCount", { words, minutes: suggested })}</span>
      {current !== suggested && (
        <button
          type="button"
          className="min-h-11 text-accent underline underline-offset-4 hover:text-accent-strong"
          onClick={() => setValue("estimatedMinutes", String(suggested), { shouldDirty: true, shouldValidate: true })}
        >
          {t("useSuggestion", { minutes: suggested })}
        </button>
      )}
    </p>
  );
}

function FormattingHelp() {
  const t = useTranslations("authoring.formatting");
  const rows = ["heading", "subheading", "quote", "emphasis", "list", "numbered", "footnote", "paragraph"] as const;
  return (
    <details className="mt-2 rounded-md border border-stone-200 bg-white px-4 py-2">
      <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent">{t("summary")}</summary>
      <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      <dl className="mt-3 grid gap-x-6 gap-y-3 pb-2 text-sm sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        {rows.map((row) => (
          <div key={row} className="contents">
            <dt className="font-medium">{t(`${row}.label`)}</dt>
            <dd className="-mt-2 sm:mt-0">
              <code className="block w-fit max-w-full rounded bg-stone-100 px-2 py-1 whitespace-pre-wrap">{t(`${row}.example`)}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The browser asks before the page is closed or reloaded while there are unsaved changes. */
function useWarnBeforeLeaving(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
