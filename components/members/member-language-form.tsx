"use client";
// Staff set the language a member's packs and letters are printed in (issue 17). Each language
// is named in itself.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { setMemberLanguageAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";
import { LanguageSelect, type LanguageValue } from "@/components/forms/language-select";

type Choice = LanguageValue;

export function MemberLanguageForm({ groupSlug, memberId, current, languages }: { groupSlug: string; memberId: string; current: Choice; languages: { value: "EN" | "ES"; name: string }[] }) {
  const t = useTranslations("members.language");
  const message = useActionMessage();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState<Choice>(current);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      const result = await setMemberLanguageAction({ groupSlug, memberId, language: value });
      if (!result.ok) return setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
      setSaved(true);
      router.refresh();
    } catch {
      setError(message("errors.offline"));
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={save} className="mt-3 space-y-2" aria-label={t("label")}>
      <FormAlert message={error} />
      <label htmlFor={id} className="block font-medium">
        {t("label")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t("hint")}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <LanguageSelect id={id} describedBy={`${id}-hint`} value={value} onChange={setValue} unsetLabel={t("unset")} languages={languages} className="block min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base" />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        <span role="status" className="text-green-800">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
