"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { addFeedbackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { feedbackSchema } from "@/lib/validations/response";

const formSchema = feedbackSchema.pick({ body: true });
type FormValues = z.input<typeof formSchema>;

export function FeedbackForm({ groupSlug, packNumber, responseId, penName }: { groupSlug: string; packNumber: number; responseId: string; penName: string }) {
  const t = useTranslations("packs.review");
  const message = useActionMessage();
  const router = useRouter();
  // One key per piece of feedback: a retry of the same text sends the same key.
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const { register, handleSubmit, reset, formState } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { body: "" } });

  const onSubmit = handleSubmit(async ({ body }) => {
    setFormError(null);
    setSent(false);
    try {
      const result = await addFeedbackAction({ groupSlug, packNumber, responseId, body, clientKey });
      if (!result.ok) return setFormError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
      setClientKey(crypto.randomUUID());
      reset({ body: "" });
      setSent(true);
      router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
      <FormAlert message={formError} />
      <TextAreaField label={t("feedbackLabel", { penName })} hint={t("feedbackHint")} rows={4} {...register("body")} error={message(formState.errors.body?.message) ?? undefined} />
      <div className="flex items-center gap-4">
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("sending") : t("sendFeedback")}
        </Button>
        <span role="status" className="text-green-800">
          {sent ? t("sent") : ""}
        </span>
      </div>
    </form>
  );
}
