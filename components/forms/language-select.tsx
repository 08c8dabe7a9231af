"use client";
// A choice of language: "not set" (with what that means, given by the caller) and each language
// the app has, named in itself ("Español") and marked with its lang, so someone who cannot read
// the page's language still finds theirs.
export type LanguageValue = "" | "EN" | "ES";

export function LanguageSelect({
  id,
  describedBy,
  value,
  onChange,
  unsetLabel,
  languages,
  className,
}: {
  id: string;
  describedBy: string;
  value: LanguageValue;
  onChange: (value: LanguageValue) => void;
  unsetLabel: string;
  languages: { value: "EN" | "ES"; name: string }[];
  className: string;
}) {
  return (
    <select id={id} aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value as LanguageValue)} className={className}>
      <option value="">{unsetLabel}</option>
      {languages.map((l) => (
        <option key={l.value} value={l.value} lang={l.value.toLowerCase()}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
