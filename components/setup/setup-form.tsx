"use client";
// The first-run form: the organization, then its first organizer. On success it signs the new
// organizer in and opens the home page.
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { setUpAction } from "@/app/(auth)/setup/[token]/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";
import { setupSchema, type SetupInput } from "@/lib/validations/setup";

export function SetupForm({ token, timeZones }: { token: string; timeZones: string[] }) {
  const t = useTranslations("setup");
  const message = useActionMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setValue, formState } = useForm<SetupInput>({
    resolver: zodResolver(setupSchema, undefined, { raw: true }),
    defaultValues: { timeZone: "UTC" },
  });
  // Short keys ("passwordTooShort") are under "validation"; the server's are whole ("security.weak.common").
  const fieldError = (m?: string) => (m ? (message(m.includes(".") ? m : `validation.${m}`, "validation.invalid") ?? undefined) : undefined);

  // The browser's own time zone is the likeliest answer.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && timeZones.includes(zone)) setValue("timeZone", zone);
  }, [setValue, timeZones]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await setUpAction({ token, values });
    if (!result.ok) {
      for (const [field, m] of Object.entries(result.fieldErrors)) setError(field.replace(/^values\./, "") as keyof SetupInput, { message: m });
      setFormError(message(result.formError) ?? (Object.keys(result.fieldErrors).length ? message("errors.formHasErrors") : null));
      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
    window.location.assign(signedIn?.ok ? "/" : "/sign-in");
  });

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="mt-6 space-y-5" aria-label={t("title")}>
      <FormAlert message={formError} />
      <fieldset className="space-y-5">
        <legend className="text-lg font-semibold">{t("organization")}</legend>
        <TextField label={t("organizationName")} hint={t("organizationNameHint")} autoComplete="organization" {...register("organizationName")} error={fieldError(formState.errors.organizationName?.message)} />
        <TextAreaField label={t("returnAddress")} hint={t("returnAddressHint")} rows={4} {...register("returnAddress")} error={fieldError(formState.errors.returnAddress?.message)} />
        <SelectField label={t("timeZone")} hint={t("timeZoneHint")} options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))} {...register("timeZone")} error={fieldError(formState.errors.timeZone?.message)} />
      </fieldset>
      <fieldset className="space-y-5">
        <legend className="text-lg font-semibold">{t("organizer")}</legend>
        <TextField label={t("name")} autoComplete="name" {...register("name")} error={fieldError(formState.errors.name?.message)} />
        <TextField label={t("email")} type="email" autoComplete="email" {...register("email")} error={fieldError(formState.errors.email?.message)} />
        <TextField label={t("password")} hint={t("passwordHint")} type="password" autoComplete="new-password" {...register("password")} error={fieldError(formState.errors.password?.message)} />
        <TextField label={t("confirmPassword")} type="password" autoComplete="new-password" {...register("confirmPassword")} error={fieldError(formState.errors.confirmPassword?.message)} />
      </fieldset>
      <Button type="submit" disabled={formState.isSubmitting || formState.isSubmitSuccessful} className="w-full">
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
