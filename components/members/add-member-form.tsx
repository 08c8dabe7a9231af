"use client";
// Adding a member by mail or by prison e-message (docs/decisions/049), on the members page. Its
// own module so the member page, which renders the other member forms, does not carry its messages.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { addMemberAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { EMESSAGE_SERVICES } from "@/lib/emessage/services";
import { ADD_MEMBER_CHANNELS, addMemberSchema, type AddMemberInput, type AddMemberValues } from "@/lib/validations/add-member";

type Facility = { id: string; name: string };

/**
 * A member who gets packs by mail or by prison e-message (docs/decisions/049): the same person
 * fields for both, and for e-message the service and their identifier in it, checked as the
 * switch on the member page checks them. One action, one transaction.
 */
export function AddMemberForm({ groupSlug, facilities }: { groupSlug: string; facilities: Facility[] }) {
  const t = useTranslations("members.add");
  const tc = useTranslations("members.addChannel");
  const te = useTranslations("emessage.channel");
  const tService = useTranslations("emessage.service");
  const message = useActionMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, reset, control, getValues, formState } = useForm<AddMemberInput, unknown, AddMemberValues>({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { channel: "MAIL", legalName: "", penName: "", facilityId: facilities[0]?.id ?? "", idNumber: "", housingUnit: "", service: "CORRLINKS", contact: "" },
  });
  const byEmessage = useWatch({ control, name: "channel" }) === "EMESSAGE";
  const apply = (result: Awaited<ReturnType<typeof addMemberAction>>): boolean => {
    if (result.ok) return true;
    for (const [field, m] of Object.entries(result.fieldErrors)) setError(field.replace(/^values\./, "") as keyof AddMemberInput, { message: m });
    setFormError(message(result.formError) ?? message("errors.formHasErrors"));
    return false;
  };
  const err = (m?: string) => message(m) ?? undefined;
  const errorOf = (field: "service" | "contact") => err(typeof formState.errors[field]?.message === "string" ? formState.errors[field]?.message : undefined);
  // The fields go to the server as typed (the schema's output is its own shape); it parses them again.
  const onSubmit = handleSubmit(async () => {
    setFormError(null);
    setSaved(false);
    const typed = getValues();
    try {
      if (!apply(await addMemberAction({ groupSlug, values: typed }))) return;
      reset({ ...typed, legalName: "", penName: "", idNumber: "", housingUnit: "", contact: "" });
      setSaved(true);
      router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label={tc("title")}>
      <FormAlert message={formError} />
      <SelectField
        label={tc("channel")}
        options={ADD_MEMBER_CHANNELS.map((c) => ({ value: c, label: tc(`channels.${c}`) }))}
        {...register("channel")}
        error={err(formState.errors.channel?.message)}
      />
      <TextField label={t("legalName")} hint={t("legalNameHint")} {...register("legalName")} error={err(formState.errors.legalName?.message)} />
      <TextField label={t("penName")} hint={t("penNameHint")} {...register("penName")} error={err(formState.errors.penName?.message)} />
      <SelectField
        label={t("facility")}
        hint={byEmessage ? tc("facilityHint") : undefined}
        options={facilities.map((f) => ({ value: f.id, label: f.name }))}
        {...register("facilityId")}
        error={err(formState.errors.facilityId?.message)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("idNumber")} {...register("idNumber")} error={err(formState.errors.idNumber?.message)} />
        <TextField label={t("housingUnit")} {...register("housingUnit")} error={err(formState.errors.housingUnit?.message)} />
      </div>
      {byEmessage && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={te("service")} options={EMESSAGE_SERVICES.map((s) => ({ value: s, label: tService(s) }))} {...register("service")} error={errorOf("service")} />
          <TextField label={te("contact")} hint={te("contactHint")} autoComplete="off" {...register("contact")} error={errorOf("contact")} />
        </div>
      )}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={formState.isSubmitting}>
          {t("submit")}
        </Button>
        <span role="status" className="text-green-800">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
