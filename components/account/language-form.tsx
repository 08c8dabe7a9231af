"use client";
// The person's own language for Studypack. Each language is named in itself ("Español"), so
// someone who cannot read the current one still finds theirs. Saved, the page comes back in it.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { setLanguageAction } from "@/app/(app)/account/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";
import { LanguageSelect, type LanguageValue } from "@/components/forms/language-select";

export function LanguageForm({ current, languages }: { current: LanguageValue; languages: { value: "EN" | "ES"; name: string }[] }) {
  const t = useTranslations("account.language");
  const message = useActionMessage();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(current);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setState("saving");
    setError(null);
    try {
      const result = await setLanguageAction({ language: value });
      if (!result.ok) {
        setState("idle");
        return setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
      }
      setState("saved");
      router.refresh();
    } catch {
      setState("idle");
      setError(message("errors.offline"));
    }
  };
  return (
    <form onSubmit={save} className="mt-4 max-w-xl space-y-3" aria-label={t("title")}>
      <FormAlert message={error} />
      <div>
        <label htmlFor={id} className="block font-medium">
          {t("label")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted">
          {t("hint")}
        </p>
        <LanguageSelect
          id={id}
          describedBy={`${id}-hint`}
          value={value}
          onChange={(next) => {
            setValue(next);
            setState("idle");
          }}
          unsetLabel={t("browser")}
          languages={languages}
          className="mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
        />
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={state === "saving"}>
          {t("save")}
        </Button>
        <span role="status" className="text-green-800">
          {state === "saved" ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
