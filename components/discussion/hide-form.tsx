"use client";
// A facilitator hides a response or reply from the group, with a reason the writer will read.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { hideAction } from "@/app/(app)/groups/[groupSlug]/discussion/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { hideSchema } from "@/lib/validations/discussion";

const formSchema = hideSchema.pick({ reason: true });
type FormValues = z.input<typeof formSchema>;

export function HideForm({ groupSlug, kind, id }: { groupSlug: string; kind: "response" | "reply"; id: string }) {
  const t = useTranslations("discussion");
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { reason: "" } });
  const { formError, run, fieldError: err } = useActionForm(setError);
  const onSubmit = handleSubmit(async ({ reason }) => {
    if (await run(() => hideAction({ groupSlug, kind, id, reason }))) router.refresh();
  });
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-accent">{t("hide")}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
        <FormAlert message={formError} />
        <TextField label={t("hideReason")} {...register("reason")} error={err(formState.errors.reason?.message)} />
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("hiding") : t("hideConfirm")}
        </Button>
      </form>
    </details>
  );
}
