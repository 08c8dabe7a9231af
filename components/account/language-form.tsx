"use client";
// The person's own language for Studypack. Each language is named in itself ("Español"), so
// someone who cannot read the current one still finds theirs. Saved, the page comes back in it.
import { useTranslations } from "next-intl";
import { setLanguageAction } from "@/app/(app)/account/actions";
import { SettingSelectForm } from "@/components/account/setting-select-form";
import type { LanguageValue } from "@/components/forms/language-select";

export function LanguageForm({ current, languages }: { current: LanguageValue; languages: { value: "EN" | "ES"; name: string }[] }) {
  const t = useTranslations("account.language");
  return (
    <SettingSelectForm
      title={t("title")}
      label={t("label")}
      hint={t("hint")}
      current={current}
      options={[{ value: "", label: t("browser") }, ...languages.map((l) => ({ value: l.value, label: l.name, lang: l.value.toLowerCase() }))]}
      save={(language) => setLanguageAction({ language })}
      labels={{ save: t("save"), saved: t("saved") }}
    />
  );
}
