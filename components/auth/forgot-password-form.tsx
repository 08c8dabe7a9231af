"use client";
// "Forgot password": one e-mail field. After a send the form says the same thing whatever the
// e-mail was, so it never tells whether an account exists.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { forgotPasswordAction } from "@/app/(auth)/forgot-password/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validations/password-reset";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset.forgot");
  const { register, handleSubmit, setError, formState } = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { formError, saved, run, message } = useActionForm(setError);
  const fieldError = (key?: string) => (key ? (message(key.includes(".") ? key : `validation.${key}`, "validation.invalid") ?? undefined) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    await run(() => forgotPasswordAction({ values }));
  });

  if (saved) {
    return (
      <>
        <p role="status" className="mt-6 rounded-md border border-green-300 bg-green-50 p-4">
          {t("sent")}
        </p>
        <p className="mt-6">
          <Link href="/sign-in" className="text-accent underline underline-offset-4">
            {t("backToSignIn")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="mt-6 space-y-5" aria-label={t("title")}>
      <FormAlert message={formError} />
      <TextField label={t("email")} type="email" autoComplete="email" {...register("email")} error={fieldError(formState.errors.email?.message)} />
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
