"use client";
// Release: a mail member becomes an online member with an invitation (see releaseMember).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { releaseMemberAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { InvitationLinks, type InvitationLink } from "@/components/roster/invitation-links";
import { Button } from "@/components/ui/button";
import { releaseSchema, type ReleaseInput } from "@/lib/validations/member";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToday } from "@/components/forms/use-today";

/**
 * Stays mounted after the release (`released`), so the new invitation link is still shown once
 * the page has refreshed to the member's new channel: the token exists nowhere else.
 */
export function ReleaseForm({ groupSlug, memberId, penName, released }: { groupSlug: string; memberId: string; penName: string; released: boolean }) {
  const t = useTranslations("roster.release");
  const router = useRouter();
  const [links, setLinks] = useState<InvitationLink[]>([]);
  const today = useToday();
  const { register, handleSubmit, setError, formState } = useForm<ReleaseInput>({
    resolver: zodResolver(releaseSchema),
    defaultValues: { email: "", occurredOn: today, reason: "" },
  });
  const { formError, saved, run, fieldError } = useActionForm(setError);
  const { confirm, dialog } = useConfirm();
  const onSubmit = handleSubmit(async (values) => {
    if (!(await confirm({ title: t("confirm", { name: penName }), confirmLabel: t("submit") }))) return;
    const done = await run(() => releaseMemberAction({ groupSlug, memberId, values }));
    if (!done) return;
    setLinks(done.data.invitations);
    router.refresh();
  });
  return (
    <div>
      {!released && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-accent">{t("title")}</summary>
          <p className="mt-3 text-sm text-muted">{t("intro")}</p>
          <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={t("title")}>
            {dialog}
            <FormAlert message={formError} />
            <TextField label={t("email")} hint={t("emailHint")} type="email" autoComplete="off" {...register("email")} error={fieldError(formState.errors.email?.message)} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label={t("date")} type="date" {...register("occurredOn")} error={fieldError(formState.errors.occurredOn?.message)} />
              <TextField label={t("reason")} {...register("reason")} error={fieldError(formState.errors.reason?.message)} />
            </div>
            <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
              {t("submit")}
            </Button>
          </form>
        </details>
      )}
      <p role="status" className="mt-2 text-green-800">
        {saved ? t("done") : ""}
      </p>
      <InvitationLinks title={t("linkTitle")} invitations={links} />
    </div>
  );
}
