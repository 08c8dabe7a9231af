"use client";
// The group's rule for when a member has completed the course, for certificates
// (docs/decisions/047-certificates.md). Two choices, saved at once.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setCompletionRuleAction } from "@/app/(app)/groups/[groupSlug]/certificates/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";

type Rule = "STATUS_COMPLETED" | "ALL_PACKS_ANSWERED";

export function CompletionRuleForm({ groupSlug, rule, disabled }: { groupSlug: string; rule: Rule; disabled: boolean }) {
  const t = useTranslations("certificates.rule");
  const message = useActionMessage();
  const router = useRouter();
  const [choice, setChoice] = useState<Rule>(rule);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();

  const save = () =>
    start(async () => {
      setError(null);
      setSaved(false);
      try {
        const result = await setCompletionRuleAction({ groupSlug, rule: choice });
        if (!result.ok) return setError(message(result.formError));
        setSaved(true);
        router.refresh();
      } catch {
        setError(message("errors.offline"));
      }
    });

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <fieldset disabled={disabled || pending}>
        <legend className="font-medium">{t("legend")}</legend>
        {(["STATUS_COMPLETED", "ALL_PACKS_ANSWERED"] as const).map((value) => (
          <label key={value} className="mt-2 flex items-start gap-2">
            <input type="radio" name="rule" value={value} checked={choice === value} onChange={() => setChoice(value)} className="mt-1.5 size-4" />
            <span>{t(value)}</span>
          </label>
        ))}
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={disabled || pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <span role="status" className="text-green-800">
          {saved ? t("saved") : ""}
        </span>
      </div>
      <FormAlert message={error} />
    </form>
  );
}
