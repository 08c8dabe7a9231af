"use client";
// Adding an online member by name and e-mail, with their invitation (docs/decisions/028). What
// was typed stays after a failure.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addOnlineMemberAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { InvitationLinks, type InvitationLink } from "@/components/roster/invitation-links";
import { Button } from "@/components/ui/button";
import { onlineMemberSchema, type OnlineMemberInput, type OnlineMemberValues } from "@/lib/validations/member-contact";

export function AddOnlineMemberForm({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations("members.addOnline");
  const router = useRouter();
  const [added, setAdded] = useState<{ penName: string; canSignIn: boolean; invitations: InvitationLink[] } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<OnlineMemberInput, unknown, OnlineMemberValues>({
    resolver: zodResolver(onlineMemberSchema),
    defaultValues: { legalName: "", email: "", penName: "" },
  });
  const { formError, run, fieldError: err } = useActionForm(setError);
  const onSubmit = handleSubmit(async (values) => {
    setAdded(null);
    const result = await run(() => addOnlineMemberAction({ groupSlug, values }));
    if (!result) return;
    setAdded(result.data);
    reset();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label={t("title")}>
      <p className="text-sm text-muted">{t("intro")}</p>
      <FormAlert message={formError} />
      <TextField label={t("legalName")} hint={t("legalNameHint")} autoComplete="off" {...register("legalName")} error={err(formState.errors.legalName?.message)} />
      <TextField label={t("email")} type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} {...register("email")} error={err(formState.errors.email?.message)} />
      <TextField label={t("penName")} hint={t("penNameHint")} autoComplete="off" {...register("penName")} error={err(formState.errors.penName?.message)} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {t("submit")}
      </Button>
      {added && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4">
          <p>{t("added", { penName: added.penName })}</p>
          {added.canSignIn && <p className="mt-1">{t("canSignIn")}</p>}
          <InvitationLinks title={t("linksTitle")} invitations={added.invitations} />
        </div>
      )}
    </form>
  );
}
