"use client";
// Pen name and sharing preference: a member's own (no date: given now), or a mail member's as
// recorded by a facilitator (with the date of the letter).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { recordConsentAction, updateMySharingAction } from "@/app/(app)/groups/[groupSlug]/discussion/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { recordConsentSchema, type RecordConsentInput } from "@/lib/validations/discussion";

type Props = {
  groupSlug: string;
  /** Set when a facilitator records a member's choice. */
  memberId?: string;
  initial: RecordConsentInput;
};

const PREFERENCES = ["GROUP", "FACILITATORS"] as const;

export function SharingForm({ groupSlug, memberId, initial }: Props) {
  const t = useTranslations("discussion.sharing");
  const tr = useTranslations("discussion.record");
  const router = useRouter();
  // One schema for both: the member's own form sends today's date, which the server ignores.
  const { register, handleSubmit, setError, formState } = useForm<RecordConsentInput>({ resolver: zodResolver(recordConsentSchema), defaultValues: initial });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async ({ givenOn, ...values }) => {
    const call = memberId ? () => recordConsentAction({ groupSlug, memberId, values: { ...values, givenOn } }) : () => updateMySharingAction({ groupSlug, values });
    if (await run(call)) router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6" aria-label={t("title")}>
      <FormAlert message={formError} />
      <TextField label={t("penName")} hint={t("penNameHint")} autoComplete="off" maxLength={60} {...register("penName")} error={err(formState.errors.penName?.message)} />
      <fieldset>
        <legend className="font-medium">{t("preference")}</legend>
        <div className="mt-2 space-y-2">
          {PREFERENCES.map((value) => (
            <label key={value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-stone-200 bg-white p-3 has-[:checked]:border-accent">
              <input type="radio" value={value} className="mt-1 size-5" {...register("sharingPreference")} />
              <span>
                <span className="block font-medium">{t(value)}</span>
                <span className="block text-sm text-muted">{t(`${value}_hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {formState.errors.sharingPreference && <p className="mt-1 text-sm font-medium text-danger">{err(formState.errors.sharingPreference.message)}</p>}
        {!memberId && <p className="mt-2 text-sm text-muted">{t("perResponse")}</p>}
      </fieldset>
      {memberId && <TextField label={tr("givenOn")} hint={tr("givenOnHint")} type="date" className="max-w-xs" {...register("givenOn")} error={err(formState.errors.givenOn?.message)} />}
      <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
    </form>
  );
}
