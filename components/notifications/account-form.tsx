"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { updateAccountAction } from "@/app/(app)/account/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { useActionForm } from "@/components/forms/use-action-form";
import { accountSchema, type AccountInput } from "@/lib/validations/discussion";

export function AccountForm({ initial, email }: { initial: AccountInput; email: string }) {
  const t = useTranslations("account");
  const { register, handleSubmit, setError, formState } = useForm<AccountInput>({ resolver: zodResolver(accountSchema), defaultValues: initial });
  const { formError, saved, run } = useActionForm(setError);
  const onSubmit = handleSubmit(async (values) => {
    await run(() => updateAccountAction({ values }));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6" aria-label={t("title")}>
      <FormAlert message={formError} />
      <div>
        <label className="flex min-h-11 cursor-pointer items-center gap-3 font-medium">
          <input type="checkbox" className="size-5" aria-describedby="email-notifications-hint" {...register("emailNotifications")} />
          {t("emailNotifications")}
        </label>
        <p id="email-notifications-hint" className="text-sm text-muted">
          {t("emailNotificationsHint", { email })}
        </p>
      </div>
      <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
    </form>
  );
}
