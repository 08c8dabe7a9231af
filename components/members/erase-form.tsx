"use client";
// Erasure, confirmed by typing the member's pen name (organizers).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { eraseMemberAction } from "@/app/(app)/groups/[groupSlug]/members/[memberId]/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { eraseSchema, type EraseInput } from "@/lib/validations/member";

export function EraseForm({ groupSlug, memberId, penName }: { groupSlug: string; memberId: string; penName: string }) {
  const t = useTranslations("roster.erase");
  const { register, handleSubmit, setError, formState } = useForm<EraseInput>({ resolver: zodResolver(eraseSchema), defaultValues: { confirmation: "" } });
  const { formError, run, fieldError } = useActionForm(setError);
  const router = useRouter();
  const onSubmit = handleSubmit(async (values) => {
    // Back to the list: this page no longer has anything to show but the erasure.
    if (await run(() => eraseMemberAction({ groupSlug, memberId, values }))) router.push(`/groups/${groupSlug}/members`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={t("title")}>
      <FormAlert message={formError} />
      <TextField label={t("confirmation", { penName })} autoComplete="off" {...register("confirmation")} error={fieldError(formState.errors.confirmation?.message)} />
      <Button type="submit" className="bg-danger hover:bg-red-800" disabled={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
