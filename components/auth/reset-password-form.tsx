"use client";
// Setting a new password with a reset link. Length and "the two match" are checked here and on
// the server; whether it is too easy to guess only on the server, which answers beside the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { resetPasswordAction } from "@/app/(auth)/reset-password/[token]/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validations/password-reset";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("passwordReset.reset");
  const { register, handleSubmit, setError, formState } = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { password: "", confirmPassword: "" } });
  const { formError, saved, run, message } = useActionForm(setError);
  const fieldError = (key?: string) => (key ? (message(key.includes(".") ? key : `validation.${key}`, "validation.invalid") ?? undefined) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    await run(() => resetPasswordAction({ token, values }));
  });

  if (saved) {
    return (
      <>
        <p role="status" className="mt-6 rounded-md border border-green-300 bg-green-50 p-4">
          {t("done")}
        </p>
        <p className="mt-6">
          <Link href="/sign-in" className="font-medium text-accent underline underline-offset-4">
            {t("signIn")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="mt-6 space-y-5" aria-label={t("title")}>
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormAlert message={formError} />
      <TextField label={t("password")} hint={t("passwordHint")} type="password" autoComplete="new-password" {...register("password")} error={fieldError(formState.errors.password?.message)} />
      <TextField label={t("confirmPassword")} type="password" autoComplete="new-password" {...register("confirmPassword")} error={fieldError(formState.errors.confirmPassword?.message)} />
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
