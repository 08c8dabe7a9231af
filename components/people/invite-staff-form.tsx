"use client";
// Invite an organizer, or a facilitator of one group (docs/decisions/028). With e-mail set up
// the link goes by e-mail; without it the link is shown once here, to copy and send by hand.
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { inviteStaffAction } from "@/app/(app)/people/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CopyLink } from "@/components/ui/copy-link";
import { staffInvitationSchema, type StaffInvitationInput, type StaffInvitationValues } from "@/lib/validations/staff";

type Issued = { email: string; emailQueued: boolean; url: string | null; expiresAt: string };

/** `groups` null: the organization has too many open groups to list, and the group's address is typed. */
export function InviteStaffForm({ organizationId, groups }: { organizationId: string; groups: { slug: string; name: string }[] | null }) {
  const t = useTranslations("people.invite");
  const tPaging = useTranslations("people.paging");
  const hasGroups = groups === null || groups.length > 0;
  const firstGroup = groups?.[0]?.slug ?? "";
  const format = useFormatter();
  const router = useRouter();
  const [issued, setIssued] = useState<Issued | null>(null);
  const { register, handleSubmit, setError, control, reset, formState } = useForm<StaffInvitationInput, unknown, StaffInvitationValues>({
    resolver: zodResolver(staffInvitationSchema),
    defaultValues: { role: hasGroups ? "FACILITATOR" : "ORGANIZER", email: "", groupSlug: firstGroup },
  });
  const { formError, run, fieldError: err } = useActionForm(setError);
  const role = useWatch({ control, name: "role" });

  const onSubmit = handleSubmit(async (values) => {
    setIssued(null);
    const result = await run(() => inviteStaffAction({ organizationId, values }));
    if (!result) return;
    const { path, ...rest } = result.data;
    setIssued({ ...rest, url: path ? new URL(path, window.location.origin).toString() : null });
    reset({ role: values.role, email: "", groupSlug: values.role === "FACILITATOR" ? values.groupSlug : firstGroup });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <FormAlert message={formError} />
      <TextField label={t("email")} type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} {...register("email")} error={err(formState.errors.email?.message)} />
      <SelectField
        label={t("role")}
        options={[...(hasGroups ? [{ value: "FACILITATOR", label: t("roleFacilitator") }] : []), { value: "ORGANIZER", label: t("roleOrganizer") }]}
        {...register("role")}
        error={err(formState.errors.role?.message)}
      />
      {role === "FACILITATOR" &&
        (groups === null ? (
          <TextField label={tPaging("groupAddress")} hint={tPaging("groupAddressHint")} autoCapitalize="none" spellCheck={false} maxLength={100} {...register("groupSlug")} error={err(formState.errors.groupSlug?.message)} />
        ) : (
          <SelectField label={t("group")} options={groups.map((g) => ({ value: g.slug, label: g.name }))} {...register("groupSlug")} error={err(formState.errors.groupSlug?.message)} />
        ))}
      {!hasGroups && <p className="text-sm text-muted">{t("noGroups")}</p>}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("sending") : t("send")}
      </Button>
      {issued && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4">
          {issued.emailQueued || !issued.url ? (
            <p>{t("emailed", { email: issued.email })}</p>
          ) : (
            <>
              <p>{t("linkMade", { email: issued.email, expires: format.dateTime(new Date(issued.expiresAt), { dateStyle: "medium" }) })}</p>
              <CopyLink url={issued.url} label={t("linkLabel")} copy={t("copy")} copied={t("copied")} />
            </>
          )}
        </div>
      )}
    </form>
  );
}
