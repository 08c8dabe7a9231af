"use client";
// The person's own time zone, for someone who lives somewhere other than their organization
// (a facilitator far from the program). Dates and times are then shown in it; what counts as
// "today" for a group's due dates stays the group's organization's.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { setTimeZoneAction } from "@/app/(app)/account/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";

export function TimeZoneForm({ current, timeZones }: { current: string; timeZones: string[] }) {
  const t = useTranslations("account.timeZone");
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
      const result = await setTimeZoneAction({ timeZone: value });
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
          <option value="">{t("organization")}</option>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
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
