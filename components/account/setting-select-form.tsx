"use client";
// One setting chosen from a list and saved with its own button (the account page's language and
// time zone): the saved value shows at once, as the page is refreshed after saving.
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/result";

export type SettingOption = { value: string; label: string; lang?: string };

export function SettingSelectForm({
  title,
  label,
  hint,
  current,
  options,
  save,
  labels,
}: {
  title: string;
  label: string;
  hint: ReactNode;
  current: string;
  options: SettingOption[];
  save: (value: string) => Promise<ActionResult<unknown>>;
  labels: { save: string; saved: string };
}) {
  const message = useActionMessage();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(current);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState("saving");
    setError(null);
    try {
      const result = await save(value);
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
    <form onSubmit={submit} className="mt-4 max-w-xl space-y-3" aria-label={title}>
      <FormAlert message={error} />
      <div>
        <label htmlFor={id} className="block font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
        <select
          id={id}
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setState("idle");
          }}
          className="mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={state === "saving"}>
          {labels.save}
        </Button>
        <span role="status" className="text-green-800">
          {state === "saved" ? labels.saved : ""}
        </span>
      </div>
    </form>
  );
}
