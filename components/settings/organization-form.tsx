"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveOrganizationSettingsAction } from "@/app/(app)/settings/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { organizationSettingsSchema, type OrganizationSettingsInput, type OrganizationSettingsValues } from "@/lib/validations/organization";

export function OrganizationForm({ organizationId, initial }: { organizationId: string; initial: OrganizationSettingsInput }) {
  const t = useTranslations("settings.form");
  const message = useActionMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, getValues, setError, formState } = useForm<OrganizationSettingsInput, unknown, OrganizationSettingsValues>({
    resolver: zodResolver(organizationSettingsSchema),
    defaultValues: initial,
  });
  const err = (m?: string) => message(m) ?? undefined;

  const onSubmit = handleSubmit(async () => {
    setFormError(null);
    setSaved(false);
    try {
      // The server parses the form as typed (the same schema), not the browser's parsed output.
      const result = await saveOrganizationSettingsAction({ organizationId, values: getValues() });
      if (!result.ok) {
        for (const [field, m] of Object.entries(result.fieldErrors)) setError(field.replace(/^values\./, "").split(".")[0] as keyof OrganizationSettingsInput, { message: m });
        setFormError(message(result.formError) ?? message("errors.formHasErrors"));
        return;
      }
      setSaved(true);
      router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
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
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("saving") : t("save")}
        </Button>
        <span role="status" className="text-green-800">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
