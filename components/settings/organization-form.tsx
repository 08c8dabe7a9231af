"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { saveOrganizationSettingsAction } from "@/app/(app)/settings/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { organizationSettingsSchema, type OrganizationSettingsInput, type OrganizationSettingsValues } from "@/lib/validations/organization";

export function OrganizationForm({ organizationId, initial }: { organizationId: string; initial: OrganizationSettingsInput }) {
  const t = useTranslations("settings.form");
  const router = useRouter();
  const { register, handleSubmit, getValues, setError, formState } = useForm<OrganizationSettingsInput, unknown, OrganizationSettingsValues>({
    resolver: zodResolver(organizationSettingsSchema),
    defaultValues: initial,
  });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async () => {
    // The server parses the form as typed (the same schema), not the browser's parsed output.
    if (await run(() => saveOrganizationSettingsAction({ organizationId, values: getValues() }))) router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5">
      <FormAlert message={formError} />
      <TextField label={t("name")} hint={t("nameHint")} autoComplete="organization" {...register("name")} error={err(formState.errors.name?.message)} />
      <TextAreaField label={t("returnAddress")} hint={t("returnAddressHint")} rows={4} {...register("returnAddress")} error={err(formState.errors.returnAddress?.message)} />
      <fieldset className="space-y-5 rounded-lg border border-stone-200 p-4">
        <legend className="px-1 font-semibold">{t("facilityDefaults")}</legend>
        <p className="text-sm text-muted">{t("facilityDefaultsHint")}</p>
        <TextField
          label={t("maxPages")}
          hint={t("maxPagesHint")}
          inputMode="numeric"
          className="max-w-xs"
          {...register("defaultMaxPagesPerEnvelope")}
          error={err(formState.errors.defaultMaxPagesPerEnvelope?.message)}
        />
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" className="mt-1 size-5" {...register("defaultNameAndIdOnEveryPage")} />
          <span>{t("nameAndId")}</span>
        </label>
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" className="mt-1 size-5" {...register("defaultImagesAllowed")} />
          <span>{t("images")}</span>
        </label>
      </fieldset>
      <TextField
        label={t("turnaround")}
        hint={t("turnaroundHint")}
        inputMode="numeric"
        className="max-w-xs"
        {...register("defaultTurnaroundDays")}
        error={err(formState.errors.defaultTurnaroundDays?.message)}
      />
      <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
    </form>
  );
}
