"use client";
// Changing one's own password. Length and "the two match" are checked here as well as on the
// server; whether the new password is too easy to guess only on the server (its dictionaries
// stay out of the browser), which answers with a reason beside the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validations/auth";

const EMPTY: ChangePasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("security.changePassword");
  const { register, handleSubmit, setError, reset, formState } = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const { formError, saved, run, message } = useActionForm(setError);
  const [endedSessions, setEndedSessions] = useState(0);
  // The shared schema's keys are short ("passwordTooShort", under "validation"); the server's are whole.
  const fieldError = (key?: string) => (key ? (message(key.includes(".") ? key : `validation.${key}`, "validation.invalid") ?? undefined) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    const result = await run(() => changePasswordAction({ values }));
    if (!result) return;
    setEndedSessions(result.data.endedSessions);
    reset(EMPTY);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-labelledby="change-password-title">
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormAlert message={formError} />
      <TextField label={t("current")} type="password" autoComplete="current-password" {...register("currentPassword")} error={fieldError(formState.errors.currentPassword?.message)} />
      <TextField label={t("new")} hint={t("newHint")} type="password" autoComplete="new-password" {...register("newPassword")} error={fieldError(formState.errors.newPassword?.message)} />
      <TextField label={t("confirm")} type="password" autoComplete="new-password" {...register("confirmPassword")} error={fieldError(formState.errors.confirmPassword?.message)} />
      <SaveRow
        submitting={formState.isSubmitting}
        saved={saved}
        labels={{ save: t("submit"), saving: t("submitting"), saved: endedSessions > 0 ? t("doneOthers", { count: endedSessions }) : t("done") }}
      />
    </form>
  );
}
