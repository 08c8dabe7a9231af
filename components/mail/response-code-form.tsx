"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { openResponseCodeAction } from "@/app/(app)/transcribe/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";

type CodeState = { error: string | null; value: string };

/** A code that names a response sheet opens its transcription form (the action redirects there). */
async function openCode(_previous: CodeState, form: FormData): Promise<CodeState> {
  const value = String(form.get("code") ?? "");
  try {
    const result = await openResponseCodeAction(form);
    return { error: result.ok ? null : (result.fieldErrors.code ?? result.formError), value };
  } catch (error) {
    // The redirect to the form travels as a thrown value; anything else is a lost connection.
    if (error && typeof error === "object" && "digest" in error) throw error;
    return { error: "errors.offline", value };
  }
}

/** `inputId`/`label`/`hint`: the desk's "next letter" box (focused after a letter is filed). */
export function ResponseCodeForm(props: { inputId?: string; label?: string; hint?: string } = {}) {
  const t = useTranslations("mail.code");
  const message = useActionMessage();
  const [state, action, pending] = useActionState<CodeState, FormData>(openCode, { error: null, value: "" });
  return (
    <form action={action} className="mt-6 max-w-sm space-y-4">
      <TextField
        key={state.value}
        id={props.inputId}
        name="code"
        label={props.label ?? t("label")}
        hint={props.hint ?? t("hint")}
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
