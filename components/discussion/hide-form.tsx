"use client";
// A facilitator hides a response or reply from the group, with a reason the writer will read.
// Its check (zod) loads when the form is first used: the discussion page carries this form for
// moderators, and Next puts one page's client components in one chunk, so a static import of
// zod here would send it to every member reading the discussion (lazy-resolver.ts).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { hideAction } from "@/app/(app)/groups/[groupSlug]/discussion/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import type { hideFormSchema } from "./hide-resolver";

type FormValues = z.input<typeof hideFormSchema>;

const { resolver, preload } = lazyResolver<FormValues>(() => import("./hide-resolver").then((m) => m.hideResolver));

export function HideForm({ groupSlug, kind, id }: { groupSlug: string; kind: "response" | "reply"; id: string }) {
  const t = useTranslations("discussion");
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<FormValues>({ resolver, defaultValues: { reason: "" } });
  const { formError, run, fieldError: err } = useActionForm(setError);
  const onSubmit = handleSubmit(async ({ reason }) => {
    if (await run(() => hideAction({ groupSlug, kind, id, reason }))) router.refresh();
  });
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-accent">{t("hide")}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
        <FormAlert message={formError} />
        <TextField label={t("hideReason")} onFocus={preload} {...register("reason")} error={err(formState.errors.reason?.message)} />
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("hiding") : t("hideConfirm")}
        </Button>
      </form>
    </details>
  );
}
