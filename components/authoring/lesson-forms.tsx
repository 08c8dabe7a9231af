"use client";
// A lesson's title and summary: adding one at the end of the course, and editing one.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { createLessonAction } from "@/app/(app)/courses/[courseId]/actions";
import { updateLessonAction } from "@/app/(app)/courses/[courseId]/lessons/[lessonId]/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { SavedNote } from "@/components/authoring/saved-note";
import { useActionForm } from "@/components/authoring/use-action-form";
import { lessonSchema, type LessonInput } from "@/lib/validations/course";

type LessonFormValues = z.input<typeof lessonSchema>;

export function AddLessonForm({ courseId }: { courseId: string }) {
  const t = useTranslations("authoring");
  const [added, setAdded] = useState<{ id: string; title: string } | null>(null);
  const { register, handleSubmit, setError, reset, setFocus, formState } = useForm<LessonFormValues, unknown, LessonInput>({
    resolver: zodResolver(lessonSchema),
    defaultValues: { title: "", summary: "" },
  });
  const { formError, run, fieldError } = useActionForm(setError);

  const onSubmit = handleSubmit(async (values) => {
    setAdded(null);
    const done = await run(() => createLessonAction({ courseId, values }));
    if (!done) return;
    setAdded({ id: done.data.id, title: values.title });
    reset({ title: "", summary: "" });
    // Ready for the next one: outlining a course is often several lessons in a row.
    setFocus("title");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-label={t("course.addLessonHeading")}>
      <FormAlert message={formError} />
      <TextField label={t("fields.lessonTitle")} {...register("title")} error={fieldError(formState.errors.title?.message)} />
      <TextAreaField label={t("fields.summary")} hint={t("fields.summaryHint")} rows={3} {...register("summary")} error={fieldError(formState.errors.summary?.message)} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("form.adding") : t("course.addLesson")}
        </Button>
        <p role="status">
          {added && (
            <>
              <span className="font-medium text-green-800">{t("course.lessonAdded", { title: added.title })}</span>{" "}
              <Link href={`/courses/${courseId}/lessons/${added.id}`} className="text-accent underline underline-offset-4 hover:text-accent-strong">
                {t("course.openLesson")}
              </Link>
            </>
          )}
        </p>
      </div>
    </form>
  );
}

export function LessonDetailsForm({ courseId, lessonId, initial }: { courseId: string; lessonId: string; initial: LessonInput }) {
  const t = useTranslations("authoring");
  const { register, handleSubmit, setError, reset, formState } = useForm<LessonFormValues, unknown, LessonInput>({
    resolver: zodResolver(lessonSchema),
    defaultValues: initial,
  });
  const { formError, saved, run, fieldError } = useActionForm(setError);

  const onSubmit = handleSubmit(async (values) => {
    const done = await run(() => updateLessonAction({ courseId, lessonId, values }));
    if (done) reset(values);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-label={t("lesson.detailsHeading")}>
      <FormAlert message={formError} />
      <TextField label={t("fields.lessonTitle")} {...register("title")} error={fieldError(formState.errors.title?.message)} />
      <TextAreaField label={t("fields.summary")} hint={t("fields.summaryHint")} rows={4} {...register("summary")} error={fieldError(formState.errors.summary?.message)} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("form.saving") : t("form.save")}
        </Button>
        <SavedNote show={saved && !formState.isDirty} />
      </div>
    </form>
  );
}
