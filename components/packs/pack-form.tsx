"use client";
// A pack's letter, title, due date and lessons. Lessons appear in the pack in course order.
// "Publish to members" sends the form as it is on screen with the publish, and the server saves
// and publishes it in one transaction: an unsaved edit (the due date, say) is never left out
// of a pack that cannot be recalled (docs/decisions/025-packs-without-traps.md).
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { publishPackAction, updatePackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { packDetailsSchema, type PackDetailsInput } from "@/lib/validations/pack";

type Lesson = { id: string; title: string; readings: number; prompts: number; pdfs?: { pages: number; scanned: boolean }[] };

export function PackForm(props: { groupSlug: string; packNumber: number; published: boolean; lessons: Lesson[]; initial: PackDetailsInput }) {
  const t = useTranslations("packs.edit");
  const tl = useTranslations("packs.lifecycle");
  const format = useFormatter();
  const { confirm, dialog } = useConfirm();
  const router = useRouter();
  const { register, handleSubmit, setError, control, setValue, formState } = useForm<PackDetailsInput>({
    resolver: zodResolver(packDetailsSchema),
    defaultValues: props.initial,
  });
  const chosen = new Set(useWatch({ control, name: "lessonIds" }));
  const toggle = (id: string, on: boolean) => {
    const next = props.lessons.map((l) => l.id).filter((lessonId) => (lessonId === id ? on : chosen.has(lessonId)));
    setValue("lessonIds", next, { shouldDirty: true });
  };
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async (details) => {
    if (await run(() => updatePackAction({ groupSlug: props.groupSlug, packNumber: props.packNumber, details }))) router.refresh();
  });

  // Validated like a save, but the confirmation is asked outside handleSubmit: the form is not
  // "submitting" (and its buttons not disabled) while the dialog is open, so focus can return.
  const [publishing, setPublishing] = useState(false);
  const onPublish = async () => {
    let details: PackDetailsInput | undefined;
    await handleSubmit((values) => {
      details = values;
    })();
    if (!details) return;
    const agreed = await confirm({
      title: tl("publishTitle", { number: props.packNumber }),
      body: (
        <>
          <p>{tl("publishBody")}</p>
          <ul className="list-disc pl-6">
            <li>{details.dueDate ? tl("publishDue", { date: format.dateTime(new Date(`${details.dueDate}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) }) : tl("publishNoDue")}</li>
            <li>{tl("publishLessons", { count: details.lessonIds.length })}</li>
          </ul>
          <p className="text-sm text-muted">{tl("publishSavesFirst")}</p>
        </>
      ),
      confirmLabel: tl("publishConfirm"),
    });
    if (!agreed) return;
    setPublishing(true);
    const sent = details;
    const published = await run(() => publishPackAction({ groupSlug: props.groupSlug, packNumber: props.packNumber, details: sent }));
    setPublishing(false);
    if (published) router.refresh();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6" aria-label={t("title", { number: props.packNumber })}>
      <FormAlert message={formError} />
      <TextField label={t("packTitle")} hint={t("packTitleHint")} {...register("title")} error={err(formState.errors.title?.message)} />
      <TextAreaField label={t("letter")} hint={t("letterHint")} rows={12} {...register("letterMarkdown")} error={err(formState.errors.letterMarkdown?.message)} />
      <TextField label={t("dueDate")} hint={t("dueDateHint")} type="date" className="max-w-xs" {...register("dueDate")} error={err(formState.errors.dueDate?.message)} />
      <fieldset>
        <legend className="font-medium">{t("lessons")}</legend>
        <p className="text-sm text-muted">{props.published ? t("lessonsLocked") : t("lessonsHint")}</p>
        {props.lessons.length === 0 && <p className="mt-2">{t("noCourseLessons")}</p>}
        <ul className="mt-3 space-y-2">
          {props.lessons.map((lesson) => (
            <li key={lesson.id}>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-stone-200 bg-white p-3 has-[:checked]:border-accent">
                <input
                  type="checkbox"
                  className="mt-1 size-5"
                  checked={chosen.has(lesson.id)}
                  disabled={props.published}
                  onChange={(e) => toggle(lesson.id, e.target.checked)}
                />
                <span>
                  <span className="block font-medium">{lesson.title}</span>
                  <span className="block text-sm text-muted">{t("lessonMeta", { readings: lesson.readings, prompts: lesson.prompts })}</span>
                  {lesson.pdfs?.map((pdf, i) => (
                    <span key={i} className="block text-sm text-muted">
                      {t("pdfReadingMeta", { pages: pdf.pages, scanned: String(pdf.scanned) })}
                    </span>
                  ))}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {formState.errors.lessonIds && <p className="mt-1 text-sm font-medium text-danger">{err(formState.errors.lessonIds.message)}</p>}
      </fieldset>
      <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
      {!props.published && (
        <div className="border-t border-stone-200 pt-6">
          <Button variant="secondary" disabled={formState.isSubmitting || publishing} onClick={() => void onPublish()}>
            {publishing ? t("publishing") : t("publish")}
          </Button>
          <p className="mt-2 text-sm text-muted">{t("publishHint")}</p>
        </div>
      )}
      {dialog}
    </form>
  );
}
