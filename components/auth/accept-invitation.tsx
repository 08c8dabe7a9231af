"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { acceptAsNewUserAction, acceptAsUserAction } from "@/app/(auth)/invitations/[token]/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/validations/auth";

export function AcceptInvitationForm({ token, email, penName }: { token: string; email: string; penName: string | null }) {
  const t = useTranslations("invitation");
  const tv = useTranslations("validation");
  const message = useActionMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AcceptInvitationInput>({ resolver: zodResolver(acceptInvitationSchema) });
  // The schema's keys are short ("passwordTooShort", under "validation"); the server's whole ("security.weak.common").
  const fieldError = (m?: string) => (m ? (m.includes(".") ? (message(m, "validation.invalid") ?? undefined) : tv(m as "invalid")) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await acceptAsNewUserAction({ token, values });
    if (!result.ok) {
      for (const [field, m] of Object.entries(result.fieldErrors)) {
        const name = field.replace(/^values\./, "") as keyof AcceptInvitationInput;
        setError(name, { message: m });
      }
      setFormError(message(result.formError) ?? (Object.keys(result.fieldErrors).length ? message("errors.formHasErrors") : null));
      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
    window.location.assign(signedIn?.ok && result.data.groupSlug ? `/groups/${result.data.groupSlug}` : "/");
  });

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="mt-6 space-y-5">
      <FormAlert message={formError} />
      <div>
        <p className="font-medium">{t("emailLabel")}</p>
        <p className="mt-1 break-all">{email}</p>
      </div>
      <TextField label={t("name")} hint={t("nameHint")} autoComplete="name" {...register("name")} error={fieldError(formState.errors.name?.message)} />
      {penName && <p className="text-sm text-muted">{t("penNameNote", { penName })}</p>}
      <TextField label={t("password")} hint={t("passwordHint")} type="password" autoComplete="new-password" {...register("password")} error={fieldError(formState.errors.password?.message)} />
      <TextField label={t("confirmPassword")} type="password" autoComplete="new-password" {...register("confirmPassword")} error={fieldError(formState.errors.confirmPassword?.message)} />
      <Button type="submit" disabled={formState.isSubmitting || formState.isSubmitSuccessful} className="w-full">
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

export function AcceptAsUserButton({ token, label }: { token: string; label: string }) {
  const message = useActionMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-6 space-y-4">
      <FormAlert message={error} />
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptAsUserAction({ token });
            if (!result.ok) return setError(message(result.formError));
            window.location.assign(result.data.groupSlug ? `/groups/${result.data.groupSlug}` : "/");
          })
        }
      >
        {label}
      </Button>
    </div>
  );
}
