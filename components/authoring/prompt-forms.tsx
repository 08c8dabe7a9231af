"use client";
// Prompts of a lesson: the form to add one, and each listed prompt, which turns into the same
// form to edit it. A prompt may be about one reading of the lesson, or about the whole lesson.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { createPromptAction, updatePromptAction } from "@/app/(app)/courses/[courseId]/lessons/[lessonId]/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { Button } from "@/components/ui/button";
import { SavedNote } from "@/components/authoring/saved-note";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/authoring/use-action-form";
import { promptSchema, type PromptInput, type PromptValues } from "@/lib/validations/course";

type ReadingOption = { id: string; title: string };
type FormProps = {
  courseId: string;
  lessonId: string;
  readings: ReadingOption[];
  /** Editing this prompt; absent when adding one. */
  prompt?: { id: string; text: string; readingId: string | null };
  onDone?: () => void;
  onCancel?: () => void;
  /** Put the cursor in the question at once (when the form opens in place of a prompt). */
  autoFocus?: boolean;
};

export function PromptForm({ courseId, lessonId, readings, prompt, onDone, onCancel, autoFocus }: FormProps) {
  const t = useTranslations("authoring");
  const { register, handleSubmit, setError, reset, setFocus, formState } = useForm<PromptInput, unknown, PromptValues>({
    resolver: zodResolver(promptSchema),
    defaultValues: { text: prompt?.text ?? "", readingId: prompt?.readingId ?? "" },
  });
  useEffect(() => {
    if (autoFocus) setFocus("text");
  }, [autoFocus, setFocus]);
  const { formError, saved, run, fieldError } = useActionForm(setError);
  const label = prompt ? t("lesson.editPrompt") : t("lesson.addPromptHeading");

  const onSubmit = handleSubmit(async (values) => {
    const done = prompt
      ? await run(() => updatePromptAction({ courseId, lessonId, promptId: prompt.id, values }))
      : await run(() => createPromptAction({ courseId, lessonId, values }));
    if (!done) return;
    reset(prompt ? { text: values.text, readingId: values.readingId ?? "" } : { text: "", readingId: values.readingId ?? "" });
    onDone?.();
  });

  const options = [{ value: "", label: t("fields.promptWholeLesson") }, ...readings.map((r) => ({ value: r.id, label: r.title }))];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={label}>
      <FormAlert message={formError} />
      <TextAreaField label={t("fields.promptText")} hint={prompt ? undefined : t("fields.promptTextHint")} rows={3} {...register("text")} error={fieldError(formState.errors.text?.message)} />
      <SelectField label={t("fields.promptReading")} options={options} {...register("readingId")} error={fieldError(formState.errors.readingId?.message)} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("form.saving") : prompt ? t("form.save") : t("lesson.addPrompt")}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={formState.isSubmitting}>
            {t("form.cancel")}
          </Button>
        )}
        {!prompt && <SavedNote show={saved && !formState.isDirty} text={t("lesson.promptAdded")} />}
      </div>
    </form>
  );
}

/** A prompt as listed on the lesson page, with an Edit button that opens the form in place. */
export function PromptText({ courseId, lessonId, readings, prompt, number }: Required<Pick<FormProps, "courseId" | "lessonId" | "readings" | "prompt">> & { number: number }) {
  const t = useTranslations("authoring.lesson");
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const about = readings.find((r) => r.id === prompt.readingId);

  // Back from the form, the cursor returns to the Edit button it came from.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      editButton.current?.focus();
      returnFocus.current = false;
    }
  }, [editing]);
  const close = (wasSaved: boolean) => {
    returnFocus.current = true;
    setSaved(wasSaved);
    setEditing(false);
  };

  return (
    <div>
      <p className="text-sm text-muted">{t("promptNumber", { number })}</p>
      {editing ? (
        <div className="mt-2">
          <PromptForm courseId={courseId} lessonId={lessonId} readings={readings} prompt={prompt} autoFocus onCancel={() => close(false)} onDone={() => close(true)} />
        </div>
      ) : (
        <>
          <p className="mt-1 whitespace-pre-line">{prompt.text}</p>
          <p className="mt-1 text-sm text-muted">{about ? t("promptAbout", { title: about.title }) : t("promptAboutLesson")}</p>
          <div className="mt-1 flex flex-wrap items-center gap-4">
            <button
              ref={editButton}
              type="button"
              className="inline-flex min-h-11 items-center text-accent underline underline-offset-4 hover:text-accent-strong"
              aria-label={t("editPromptNumber", { number })}
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t("edit")}
            </button>
            <SavedNote show={saved} />
          </div>
        </>
      )}
    </div>
  );
}
