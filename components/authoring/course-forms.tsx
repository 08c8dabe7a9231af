"use client";
// A course's title and description: starting a new course (organizers) and editing one.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { createCourseAction } from "@/app/(app)/courses/actions";
import { updateCourseAction } from "@/app/(app)/courses/[courseId]/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { SavedNote } from "@/components/authoring/saved-note";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/authoring/use-action-form";
import { courseSchema, createCourseSchema, type CourseInput } from "@/lib/validations/course";

type CourseFormValues = z.input<typeof courseSchema>;
type NewCourseValues = z.input<typeof createCourseSchema>;

export function NewCourseForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations("authoring");
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<NewCourseValues, unknown, z.output<typeof createCourseSchema>>({
    resolver: zodResolver(createCourseSchema),
    defaultValues: { title: "", description: "", organizationId: organizations[0]?.id ?? "" },
  });
  const { formError, run, fieldError } = useActionForm(setError);

  const onSubmit = handleSubmit(async (values) => {
    const done = await run(() => createCourseAction(values));
    if (done) router.push(`/courses/${done.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-label={t("courses.newTitle")}>
      <FormAlert message={formError} />
      {organizations.length > 1 ? (
        <SelectField label={t("fields.organization")} options={organizations.map((o) => ({ value: o.id, label: o.name }))} {...register("organizationId")} error={fieldError(formState.errors.organizationId?.message)} />
      ) : (
        <input type="hidden" {...register("organizationId")} />
      )}
      <TextField label={t("fields.courseTitle")} {...register("title")} error={fieldError(formState.errors.title?.message)} />
      <TextAreaField label={t("fields.description")} hint={t("fields.descriptionHint")} rows={3} {...register("description")} error={fieldError(formState.errors.description?.message)} />
      <Button type="submit" disabled={formState.isSubmitting || formState.isSubmitSuccessful}>
        {formState.isSubmitting ? t("courses.creating") : t("courses.create")}
      </Button>
    </form>
  );
}

export function CourseDetailsForm({ courseId, initial }: { courseId: string; initial: CourseFormValues }) {
  const t = useTranslations("authoring");
  const { register, handleSubmit, setError, reset, formState } = useForm<CourseFormValues, unknown, CourseInput>({
    resolver: zodResolver(courseSchema),
    defaultValues: initial,
  });
  const { formError, saved, run, fieldError } = useActionForm(setError);

  const onSubmit = handleSubmit(async (values) => {
    const done = await run(() => updateCourseAction({ courseId, values }));
    if (done) reset({ ...values, language: values.language ?? "" });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-label={t("course.detailsHeading")}>
      <FormAlert message={formError} />
      <TextField label={t("fields.courseTitle")} {...register("title")} error={fieldError(formState.errors.title?.message)} />
      <TextAreaField label={t("fields.description")} hint={t("fields.descriptionHint")} rows={4} {...register("description")} error={fieldError(formState.errors.description?.message)} />
      <SelectField
        label={t("fields.language")}
        hint={t("fields.languageHint")}
        className="max-w-xs"
        options={[
          { value: "", label: t("fields.languageUnset") },
          { value: "EN", label: "English" },
          { value: "ES", label: "Español" },
        ]}
        {...register("language")}
        error={fieldError(formState.errors.language?.message)}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("form.saving") : t("form.save")}
        </Button>
        <SavedNote show={saved && !formState.isDirty} />
      </div>
    </form>
  );
}
