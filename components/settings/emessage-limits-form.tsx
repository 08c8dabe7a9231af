"use client";
// Characters per message for each prison e-message service (docs/decisions/045). The defaults
// are conservative; services change their limits, so organizers can set what theirs allow now.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { saveEmessageLimitsAction } from "@/app/(app)/settings/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { DEFAULT_CHARS_PER_MESSAGE, EMESSAGE_SERVICES } from "@/lib/emessage/services";
import { emessageLimitsSchema, type EmessageLimitsInput, type EmessageLimitsValues } from "@/lib/validations/emessage";

export function EmessageLimitsForm({ organizationId, initial }: { organizationId: string; initial: EmessageLimitsInput }) {
  const t = useTranslations("emessage.settings");
  const tService = useTranslations("emessage.service");
  const router = useRouter();
  const { register, handleSubmit, getValues, setError, formState } = useForm<EmessageLimitsInput, unknown, EmessageLimitsValues>({
    resolver: zodResolver(emessageLimitsSchema),
    defaultValues: initial,
  });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async () => {
    if (await run(() => saveEmessageLimitsAction({ organizationId, values: getValues() }))) router.refresh();
  });

  return (
    <section aria-labelledby="emessage-limits" className="mt-10">
      <h2 id="emessage-limits" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5">
        <FormAlert message={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          {EMESSAGE_SERVICES.map((service) => (
            <TextField
              key={service}
              label={t("charsFor", { service: tService(service) })}
              hint={t("default", { chars: DEFAULT_CHARS_PER_MESSAGE[service] })}
              inputMode="numeric"
              {...register(service)}
              error={err(formState.errors[service]?.message)}
            />
          ))}
        </div>
        <p className="text-sm text-muted">{t("noAttachments")}</p>
        <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
      </form>
    </section>
  );
}
