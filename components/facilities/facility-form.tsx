"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { saveFacilityAction } from "@/app/(app)/facilities/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { facilitySchema, type FacilityInput, type FacilityValues } from "@/lib/validations/facility";

export function FacilityForm({ id, organizationId, initial }: { id?: string; organizationId: string; initial: FacilityInput }) {
  const t = useTranslations("facilities.form");
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<FacilityInput, unknown, FacilityValues>({ resolver: zodResolver(facilitySchema), defaultValues: initial });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async (values) => {
    const result = await run(() => saveFacilityAction({ id, organizationId, values }));
    if (!result) return;
    if (!id) router.push(`/facilities/${result.data.id}`);
    else router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5">
      <FormAlert message={formError} />
      <TextField label={t("name")} {...register("name")} error={err(formState.errors.name?.message)} />
      <TextAreaField label={t("address")} hint={t("addressHint")} rows={4} {...register("address")} error={err(formState.errors.address?.message)} />
      <TextField label={t("maxPages")} hint={t("maxPagesHint")} inputMode="numeric" className="max-w-xs" {...register("maxPagesPerEnvelope")} error={err(formState.errors.maxPagesPerEnvelope?.message)} />
      <label className="flex min-h-11 items-start gap-3">
        <input type="checkbox" className="mt-1 size-5" {...register("nameAndIdOnEveryPage")} />
        <span>{t("nameAndId")}</span>
      </label>
      <label className="flex min-h-11 items-start gap-3">
        <input type="checkbox" className="mt-1 size-5" {...register("imagesAllowed")} />
        <span>{t("images")}</span>
      </label>
      <TextAreaField label={t("notes")} hint={t("notesHint")} rows={3} {...register("notes")} error={err(formState.errors.notes?.message)} />
      <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
    </form>
  );
}
