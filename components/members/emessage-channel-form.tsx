"use client";
// Switching a member to the e-message channel, or changing their service or identifier
// (docs/decisions/045). Their records stay as they are; only future packs go as messages.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { switchToEmessageAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { EMESSAGE_SERVICES } from "@/lib/emessage/services";
import { emessageChannelSchema, type EmessageChannelInput, type EmessageChannelValues } from "@/lib/validations/emessage";

export function EmessageChannelForm({ groupSlug, memberId, current, switching }: { groupSlug: string; memberId: string; current: EmessageChannelInput; switching: boolean }) {
  const t = useTranslations("emessage.channel");
  const tService = useTranslations("emessage.service");
  const message = useActionMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<EmessageChannelInput, unknown, EmessageChannelValues>({
    resolver: zodResolver(emessageChannelSchema),
    defaultValues: current,
  });
  const err = (m?: string) => message(m) ?? undefined;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const result = await switchToEmessageAction({ groupSlug, memberId, values });
      if (!result.ok) {
        for (const [field, m] of Object.entries(result.fieldErrors)) setError(field.replace(/^values\./, "") as "service" | "contact", { message: m });
        setFormError(message(result.formError) ?? message("errors.formHasErrors"));
        return;
      }
      setSaved(true);
      router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
      <FormAlert message={formError} />
      {switching && <p className="text-sm text-muted">{t("keepsRecords")}</p>}
      <SelectField label={t("service")} options={EMESSAGE_SERVICES.map((s) => ({ value: s, label: tService(s) }))} {...register("service")} error={err(formState.errors.service?.message)} />
      <TextField label={t("contact")} hint={t("contactHint")} autoComplete="off" {...register("contact")} error={err(formState.errors.contact?.message)} />
      <div className="flex items-center gap-4">
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          {switching ? t("switch") : t("save")}
        </Button>
        <span role="status" className="text-green-800">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
