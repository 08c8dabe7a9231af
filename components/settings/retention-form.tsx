"use client";
// How long the organization keeps stored files (docs/decisions/039): print-run PDFs and scans of
// letters. The daily retention job deletes them once that time has passed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { saveRetentionSettingsAction } from "@/app/(app)/settings/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { retentionSettingsSchema, type RetentionSettingsInput, type RetentionSettingsValues } from "@/lib/validations/retention";

export function RetentionForm({ organizationId, initial }: { organizationId: string; initial: RetentionSettingsInput }) {
  const t = useTranslations("settings.retention");
  const router = useRouter();
  const { register, handleSubmit, getValues, setError, formState } = useForm<RetentionSettingsInput, unknown, RetentionSettingsValues>({
    resolver: zodResolver(retentionSettingsSchema),
    defaultValues: initial,
  });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async () => {
    if (await run(() => saveRetentionSettingsAction({ organizationId, values: getValues() }))) router.refresh();
  });

  return (
    <section aria-labelledby="retention" className="mt-10">
      <h2 id="retention" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5">
        <FormAlert message={formError} />
        <TextField
          label={t("printRunDays")}
          hint={t("printRunDaysHint")}
          inputMode="numeric"
          className="max-w-xs"
          {...register("printRunRetentionDays")}
          error={err(formState.errors.printRunRetentionDays?.message)}
        />
        <TextField label={t("scanDays")} hint={t("scanDaysHint")} inputMode="numeric" className="max-w-xs" {...register("scanRetentionDays")} error={err(formState.errors.scanRetentionDays?.message)} />
        <p className="text-sm text-muted">{t("fixed")}</p>
        <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
      </form>
    </section>
  );
}
