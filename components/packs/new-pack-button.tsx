"use client";
// "Start a new pack" opens a short form: which lessons (the next ones of the course ticked) and
// the due date, so a pack is not started blank by a stray click. Then on to its editor.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { createPackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";

export type StartLesson = { id: string; title: string; inPack: number | null };

export function NewPackButton(props: { groupSlug: string; nextNumber: number; lessons: StartLesson[]; suggestedLessonIds: string[]; suggestedDueDate: string }) {
  const t = useTranslations("packs.lifecycle");
  const message = useActionMessage();
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(() => new Set(props.suggestedLessonIds));
  const [dueDate, setDueDate] = useState(props.suggestedDueDate);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [pending, start] = useTransition();
  const suggested = new Set(props.suggestedLessonIds);

  const submit = () =>
    start(async () => {
      setError(null);
      setFieldError(undefined);
      try {
        // In course order, as the editor keeps them.
        const lessonIds = props.lessons.map((l) => l.id).filter((id) => chosen.has(id));
        const result = await createPackAction({ groupSlug: props.groupSlug, lessonIds, dueDate });
        if (!result.ok) {
          setFieldError(result.fieldErrors["values.dueDate"] ? (message(result.fieldErrors["values.dueDate"]) ?? undefined) : undefined);
          return setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
        }
        router.push(`/groups/${props.groupSlug}/packs/${result.data.number}/edit`);
      } catch {
        setError(message("errors.offline"));
      }
    });

  if (!open)
    return (
      <Button aria-expanded={false} aria-controls={formId} onClick={() => setOpen(true)}>
        {t("start")}
      </Button>
    );

  return (
    <form
      id={formId}
      noValidate
      aria-labelledby={`${formId}-title`}
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id={`${formId}-title`} className="text-lg font-semibold">
        {t("startTitle", { number: props.nextNumber })}
      </h3>
      <p className="text-sm text-muted">{t("startIntro")}</p>
      <FormAlert message={error} />
      <fieldset>
        <legend className="font-medium">{t("lessons")}</legend>
        <p className="text-sm text-muted">{t("lessonsHint")}</p>
        <ul className="mt-2 max-h-80 space-y-2 overflow-y-auto">
          {props.lessons.map((lesson) => (
            <li key={lesson.id}>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 has-[:checked]:border-accent">
                <input
                  type="checkbox"
                  className="mt-1 size-5"
                  checked={chosen.has(lesson.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(lesson.id);
                    else next.delete(lesson.id);
                    setChosen(next);
                  }}
                />
                <span>
                  <span className="block font-medium">{lesson.title}</span>
                  {suggested.has(lesson.id) && <span className="block text-sm text-green-800">{t("suggested")}</span>}
                  {lesson.inPack !== null && <span className="block text-sm text-muted">{t("inPack", { number: lesson.inPack })}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {/* TODO(pack schedule): the group's schedule suggests this date (lib/data/packs suggestDueDate). */}
      <TextField label={t("dueDate")} hint={t("dueDateHint")} type="date" className="max-w-xs" value={dueDate} onChange={(e) => setDueDate(e.target.value)} error={fieldError} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("starting") : t("startSubmit")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
