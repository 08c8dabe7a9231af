"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { openResponseCodeAction, type CodeState } from "@/app/(app)/transcribe/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";

export function ResponseCodeForm() {
  const t = useTranslations("mail.code");
  const message = useActionMessage();
  const [state, action, pending] = useActionState<CodeState, FormData>(openResponseCodeAction, { error: null, value: "" });
  return (
    <form action={action} className="mt-6 max-w-sm space-y-4">
      <TextField
        key={state.value}
        name="code"
        label={t("label")}
        hint={t("hint")}
        defaultValue={state.value}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="[&_input]:font-mono [&_input]:text-xl [&_input]:tracking-widest"
        error={message(state.error) ?? undefined}
      />
      <Button type="submit" disabled={pending}>
        {t("open")}
      </Button>
    </form>
  );
}
