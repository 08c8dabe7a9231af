"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { saveOrganizationSettingsAction } from "@/app/(app)/settings/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextAreaField } from "@/components/forms/text-area-field";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { USPS_LETTER_RATES_2025 } from "@/lib/packs/postage";
import { organizationSettingsSchema, POSTAGE_MAX_RATES, type OrganizationSettingsInput, type OrganizationSettingsValues } from "@/lib/validations/organization";

export function OrganizationForm({ organizationId, initial, timeZones }: { organizationId: string; initial: OrganizationSettingsInput; timeZones: string[] }) {
  const t = useTranslations("settings.form");
  const router = useRouter();
  const { register, handleSubmit, getValues, setValue, setError, formState, control } = useForm<OrganizationSettingsInput, unknown, OrganizationSettingsValues>({
    resolver: zodResolver(organizationSettingsSchema),
    defaultValues: initial,
  });
  const rates = useFieldArray({ control, name: "postageRates" });
  // Filled in the form only: nothing is saved until the organizer reads the rows and saves.
  const fillUsps = () => {
    rates.replace(USPS_LETTER_RATES_2025.map((row) => ({ upToGrams: String(row.upToGrams), price: row.price.toFixed(2) })));
    setValue("postageCurrency", "$");
  };
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
      <SelectField label={t("timeZone")} hint={t("timeZoneHint")} options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))} {...register("timeZone")} error={err(formState.errors.timeZone?.message)} />
      <TextField
        label={t("turnaround")}
        hint={t("turnaroundHint")}
        inputMode="numeric"
        className="max-w-xs"
        {...register("defaultTurnaroundDays")}
        error={err(formState.errors.defaultTurnaroundDays?.message)}
      />
      <fieldset className="space-y-5 rounded-lg border border-stone-200 p-4">
        <legend className="px-1 font-semibold">{t("postage")}</legend>
        <p className="text-sm text-muted">{t("postageHint")}</p>
        <div className="grid gap-5 sm:grid-cols-3">
          <TextField label={t("paperGrams")} hint={t("paperGramsHint")} inputMode="decimal" {...register("paperGramsPerSheet")} error={err(formState.errors.paperGramsPerSheet?.message)} />
          <TextField label={t("envelopeGrams")} hint={t("envelopeGramsHint")} inputMode="decimal" {...register("envelopeGrams")} error={err(formState.errors.envelopeGrams?.message)} />
          <TextField label={t("currency")} hint={t("currencyHint")} {...register("postageCurrency")} error={err(formState.errors.postageCurrency?.message)} />
        </div>
        <div>
          <h3 className="font-medium">{t("rates")}</h3>
          <p className="text-sm text-muted">{t("ratesHint", { max: POSTAGE_MAX_RATES })}</p>
          {rates.fields.length === 0 && <p className="mt-2 text-sm">{t("noRates")}</p>}
          <ol className="mt-3 max-w-md space-y-3">
            {rates.fields.map((field, i) => (
              <li key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-end gap-3">
                <TextField
                  label={t("rateWeight", { n: i + 1 })}
                  inputMode="decimal"
                  {...register(`postageRates.${i}.upToGrams`)}
                  error={err(formState.errors.postageRates?.[i]?.upToGrams?.message)}
                />
                <TextField
                  label={t("ratePrice", { n: i + 1 })}
                  inputMode="decimal"
                  {...register(`postageRates.${i}.price`)}
                  error={err(formState.errors.postageRates?.[i]?.price?.message)}
                />
                <Button type="button" variant="quiet" onClick={() => rates.remove(i)} aria-label={t("removeRateLabel", { n: i + 1 })}>
                  {t("removeRate")}
                </Button>
              </li>
            ))}
          </ol>
          {err(formState.errors.postageRates?.message ?? formState.errors.postageRates?.root?.message) && (
            <p className="mt-2 text-sm text-danger" role="alert">
              {err(formState.errors.postageRates?.message ?? formState.errors.postageRates?.root?.message)}
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-3">
            <Button type="button" variant="secondary" disabled={rates.fields.length >= POSTAGE_MAX_RATES} onClick={() => rates.append({ upToGrams: "", price: "" })}>
              {t("addRate")}
            </Button>
            <Button type="button" variant="secondary" onClick={fillUsps}>
              {t("fillUsps")}
            </Button>
          </div>
        </div>
      </fieldset>
      <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
    </form>
  );
}
