"use client";
// Create or edit a group (decision 023). The address is suggested from the name until the
// organizer types one of their own; the server checks it again and says when it is taken.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createGroupAction } from "@/app/(app)/groups/new/actions";
import { updateGroupAction } from "@/app/(app)/groups/[groupSlug]/settings/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { GROUP_LEVELS, groupFormSchema, suggestSlug, type GroupFormInput, type GroupFormValues } from "@/lib/validations/group-form";

type Props = {
  /** Creating in this organization, or editing the group at this slug. */
  target: { organizationId: string } | { groupSlug: string };
  initial: GroupFormInput;
  courses: { id: string; title: string }[];
  levelLabels: Record<(typeof GROUP_LEVELS)[number], string>;
  disabled?: boolean;
};

export function GroupForm({ target, initial, courses, levelLabels, disabled = false }: Props) {
  const t = useTranslations("groupAdmin.form");
  const router = useRouter();
  const creating = "organizationId" in target;
  const [slugTouched, setSlugTouched] = useState(!creating);
  const { register, handleSubmit, setError, setValue, formState } = useForm<GroupFormInput, unknown, GroupFormValues>({ resolver: zodResolver(groupFormSchema), defaultValues: initial });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async (values) => {
    const result = await run(() => ("organizationId" in target ? createGroupAction({ organizationId: target.organizationId, values }) : updateGroupAction({ groupSlug: target.groupSlug, values })));
    if (!result) return;
    if (creating) router.push(`/groups/${result.data.slug}`);
    else if (result.data.slug !== target.groupSlug) router.replace(`/groups/${result.data.slug}/settings`);
    else router.refresh();
  });

  const name = register("name", { onChange: (e: { target: { value: string } }) => !slugTouched && setValue("slug", suggestSlug(e.target.value)) });
  const slug = register("slug", { onChange: () => setSlugTouched(true) });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5">
      <FormAlert message={formError} />
      <fieldset disabled={disabled} className="space-y-5">
        <TextField label={t("name")} {...name} error={err(formState.errors.name?.message)} />
        <TextField label={t("slug")} hint={t("slugHint")} autoCapitalize="none" autoCorrect="off" spellCheck={false} {...slug} error={err(formState.errors.slug?.message)} />
        <SelectField label={t("level")} options={GROUP_LEVELS.map((level) => ({ value: level, label: levelLabels[level] }))} {...register("level")} error={err(formState.errors.level?.message)} />
        <SelectField label={t("course")} options={courses.map((c) => ({ value: c.id, label: c.title }))} {...register("courseId")} error={err(formState.errors.courseId?.message)} />
        <TextField label={t("turnaround")} hint={t("turnaroundHint")} inputMode="numeric" className="max-w-xs" {...register("turnaroundDays")} error={err(formState.errors.turnaroundDays?.message)} />
        <TextField label={t("schedule")} hint={t("scheduleHint")} inputMode="numeric" className="max-w-xs" {...register("packEveryWeeks")} error={err(formState.errors.packEveryWeeks?.message)} />
        {!disabled && <SaveRow submitting={formState.isSubmitting} saved={saved} labels={creating ? { save: t("create"), saving: t("creating"), saved: t("saved") } : { save: t("save"), saving: t("saving"), saved: t("saved") }} />}
      </fieldset>
    </form>
  );
}
