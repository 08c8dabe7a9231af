"use client";
// Issuing a certificate to one member (docs/decisions/047-certificates.md). The printed name is
// always typed or confirmed by the organizer: it is the name the member chose to have printed,
// and it is shown to anyone who checks the code, so nothing fills it in silently.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { issueCertificateAction } from "@/app/(app)/groups/[groupSlug]/certificates/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";

type Values = { printedName: string; completedOn: string; hours: string; signerName: string; signerTitle: string };

export function IssueForm(props: { groupSlug: string; memberId: string; penName: string; legalName: string | null; signer: { name: string; title: string }; certified: boolean }) {
  const t = useTranslations("certificates.issue");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [issuedCode, setIssuedCode] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    defaultValues: { printedName: props.legalName ?? "", completedOn: "", hours: "", signerName: props.signer.name, signerTitle: props.signer.title },
  });
  const { formError, run, fieldError } = useActionForm(setError, { invalid: "validation.invalid", saveFailed: "errors.offline" });
  const errors = formState.errors;

  if (issuedCode) return <p role="status" className="text-green-800">{t("issued", { code: issuedCode })}</p>;
  // Issued earlier (or just now by someone else): the row already says "certificate issued".
  if (props.certified) return null;
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={t("title", { name: props.penName })}>
        {t("submit")}
      </Button>
    );
  }
  const onSubmit = handleSubmit(async (values) => {
    const done = await run(() => issueCertificateAction({ groupSlug: props.groupSlug, values: { memberId: props.memberId, ...values } }));
    if (done) {
      setIssuedCode(`${done.data.code.slice(0, 4)}-${done.data.code.slice(4, 8)}-${done.data.code.slice(8)}`);
      router.refresh();
    }
  });
  const id = (name: string) => `${name}-${props.memberId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-stone-300 bg-white p-4" aria-label={t("title", { name: props.penName })}>
      <h3 className="font-semibold">{t("title", { name: props.penName })}</h3>
      <TextField id={id("printedName")} label={t("printedName")} hint={props.legalName ? `${t("printedNameHint")} ${t("printedNamePrefilled")}` : t("printedNameHint")} error={fieldError(errors.printedName?.message)} {...register("printedName")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("completedOn")} type="date" label={t("completedOn")} hint={t("completedOnHint")} error={fieldError(errors.completedOn?.message)} {...register("completedOn")} />
        <TextField id={id("hours")} inputMode="numeric" label={t("hours")} hint={t("hoursHint")} error={fieldError(errors.hours?.message)} {...register("hours")} />
        <TextField id={id("signerName")} label={t("signerName")} error={fieldError(errors.signerName?.message)} {...register("signerName")} />
        <TextField id={id("signerTitle")} label={t("signerTitle")} error={fieldError(errors.signerTitle?.message)} {...register("signerTitle")} />
      </div>
      <FormAlert message={formError} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("submitting") : t("submit")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
