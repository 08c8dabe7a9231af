"use client";
// Correcting a member's personal details recorded wrong (docs/decisions/028); each correction is
// kept in the history with what it replaced. What was typed stays after a failure.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { correctMemberDetailsAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { InvitationLinks, type InvitationLink } from "@/components/roster/invitation-links";
import { Button } from "@/components/ui/button";
import { memberDetailsSchema, type MemberDetailsInput, type MemberDetailsValues } from "@/lib/validations/member-contact";

type Current = { legalName: string; email: string; idNumber: string; housingUnit: string };

export function CorrectDetailsForm({ groupSlug, memberId, current, atFacility, loginEmail }: { groupSlug: string; memberId: string; current: Current; atFacility: boolean; loginEmail: string | null }) {
  const t = useTranslations("members.correct");
  const router = useRouter();
  const [result, setResult] = useState<{ changed: string[]; invitations: InvitationLink[] } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<MemberDetailsInput, unknown, MemberDetailsValues>({
    resolver: zodResolver(memberDetailsSchema),
    defaultValues: { ...current, reason: "" },
  });
  const { formError, run, fieldError: err } = useActionForm(setError);
  const onSubmit = handleSubmit(async (values) => {
    setResult(null);
    const saved = await run(() => correctMemberDetailsAction({ groupSlug, memberId, values }));
    if (!saved) return;
    setResult(saved.data);
    // What is on screen is what was saved (tidied by the server's rules), and the reason is done.
    reset({ legalName: values.legalName, email: values.email, idNumber: values.idNumber, housingUnit: values.housingUnit, reason: "" });
    router.refresh();
  });
  const fields = (names: string[]) => names.map((n) => t(`fields.${n}` as "fields.email")).join(", ");
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-4" aria-label={t("title")}>
      <p className="text-sm text-muted">{t("intro")}</p>
      <FormAlert message={formError} />
      <TextField label={t("legalName")} autoComplete="off" {...register("legalName")} error={err(formState.errors.legalName?.message)} />
      <TextField
        label={t("email")}
        hint={loginEmail ? t("emailLoginHint", { email: loginEmail }) : t("emailHint")}
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        {...register("email")}
        error={err(formState.errors.email?.message)}
      />
      {atFacility && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("idNumber")} autoComplete="off" {...register("idNumber")} error={err(formState.errors.idNumber?.message)} />
          <TextField label={t("housingUnit")} autoComplete="off" {...register("housingUnit")} error={err(formState.errors.housingUnit?.message)} />
        </div>
      )}
      <TextAreaField label={t("reason")} rows={2} {...register("reason")} error={err(formState.errors.reason?.message)} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : t("submit")}
      </Button>
      {result && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4">
          <p>{result.changed.length > 0 ? t("saved", { fields: fields(result.changed) }) : t("unchanged")}</p>
          {result.invitations.length > 0 && (
            <>
              <p className="mt-1">{t("newInvitation")}</p>
              <InvitationLinks title={t("title")} invitations={result.invitations} />
            </>
          )}
        </div>
      )}
    </form>
  );
}
