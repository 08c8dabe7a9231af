"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { signInSchema, type SignInInput } from "@/lib/validations/auth";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const tv = useTranslations("validation");
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });
  const fieldError = (message?: string) => (message ? tv(message as "invalid") : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!result || result.error) {
        // Both parts are named together: the message never says which one was wrong. A throttled
        // attempt says how long to wait ("TooManyAttempts:3", lib/auth/options.ts).
        const throttled = /^TooManyAttempts:(\d+)$/.exec(result?.error ?? "");
        setFormError(throttled ? t("throttled", { minutes: Math.max(1, Number(throttled[1])) }) : t("invalid"));
        return;
      }
      // A full navigation, so every server component reads the new session.
      window.location.assign(returnTo);
    } catch {
      setFormError(t("failed"));
    }
  });

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="mt-6 space-y-5" aria-label={t("title")}>
      <FormAlert message={formError} />
      <TextField label={t("email")} type="email" autoComplete="email" {...register("email")} error={fieldError(formState.errors.email?.message)} />
      <TextField label={t("password")} type="password" autoComplete="current-password" {...register("password")} error={fieldError(formState.errors.password?.message)} />
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <p>
        <Link href="/forgot-password" className="inline-block py-2 text-accent underline underline-offset-4">
          {t("forgotPassword")}
        </Link>
      </p>
    </form>
  );
}
