"use client";
// Records what happened to one mailed pack: mailed, delivered, returned or rejected (with the
// reason), resent. Only the changes that can follow the current status are offered.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { recordDeliveryEventAction } from "@/app/(app)/groups/[groupSlug]/packs/mail-actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { deliveryEventSchema } from "@/lib/validations/mail";
import { useToday } from "@/components/forms/use-today";

const formSchema = deliveryEventSchema.pick({ status: true, occurredOn: true, reason: true, note: true });
type Values = z.input<typeof formSchema>;
type Status = Values["status"];

export function DeliveryEventForm(props: { groupSlug: string; packNumber: number; deliveryId: string; next: Status[]; label: string }) {
  const t = useTranslations("mail");
  const message = useActionMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const today = useToday();
  const { register, handleSubmit, control, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { status: props.next[0], occurredOn: today, reason: "", note: "" },
  });
  const status = useWatch({ control, name: "status" });
  const needsReason = status === "RETURNED" || status === "REJECTED";

  const onSubmit = handleSubmit(async (values, event) => {
    setFormError(null);
    if (needsReason && !values.reason?.trim()) return setError("reason", { message: "mail.validation.reasonRequired" });
    try {
      const result = await recordDeliveryEventAction({ groupSlug: props.groupSlug, packNumber: props.packNumber, deliveryId: props.deliveryId, ...values });
      if (!result.ok) {
        for (const [field, m] of Object.entries(result.fieldErrors)) setError(field as keyof Values, { message: m });
        if (result.formError === "mail.validation.reasonRequired") setError("reason", { message: result.formError });
        else setFormError(message(result.formError));
        return;
      }
      reset();
      // Saved: fold the form away; the new status shows on the card.
      (event?.target as HTMLElement | undefined)?.closest("details")?.removeAttribute("open");
      router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={props.label}>
      <FormAlert message={formError} />
      <div>
        <label className="block font-medium" htmlFor={`${props.deliveryId}-status`}>
          {t("log.newStatus")}
        </label>
        <select id={`${props.deliveryId}-status`} {...register("status")} className="mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3">
          {props.next.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t("log.date")} type="date" className="max-w-xs" {...register("occurredOn")} error={message(formState.errors.occurredOn?.message) ?? undefined} />
      {needsReason && <TextField label={t("log.reason")} hint={t("log.reasonHint")} {...register("reason")} error={message(formState.errors.reason?.message) ?? undefined} />}
      <TextField label={t("log.note")} {...register("note")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("log.saving") : t("log.save")}
      </Button>
    </form>
  );
}
