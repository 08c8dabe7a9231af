"use client";
// What every authoring form does with a server action's result: field errors onto their
// fields, a form error in the alert, a "Saved" note after success. A failed save, even one
// that never reached the server, leaves every typed character in place: values are only
// replaced after a success.
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";

/** Translates a message key from a schema or an action; an unknown key never shows raw. */
export function useMessage() {
  const t = useTranslations();
  return (key: string | null | undefined, fallback = "errors.generic"): string | undefined =>
    key ? (t.has(key as never) ? t(key as never) : t(fallback as never)) : undefined;
}

export function useActionForm<T extends FieldValues>(setError: UseFormSetError<T>) {
  const message = useMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const fieldError = (key?: string) => message(key, "authoring.validation.invalid");

  /** Runs the action; returns its data on success, undefined after showing what went wrong. */
  async function run<D>(call: () => Promise<ActionResult<D>>): Promise<{ data: D } | undefined> {
    setFormError(null);
    setSaved(false);
    let result: ActionResult<D>;
    try {
      result = await call();
    } catch {
      // No answer (offline, or a request too big for the server): nothing was saved.
      setFormError(message("authoring.errors.saveFailed") ?? null);
      return undefined;
    }
    if (!result.ok) {
      const fields = Object.entries(result.fieldErrors);
      for (const [field, key] of fields) setError(field.replace(/^values\./, "") as Path<T>, { message: key });
      setFormError(message(result.formError) ?? (fields.length > 0 ? (message("errors.formHasErrors") ?? null) : null));
      return undefined;
    }
    setSaved(true);
    return { data: result.data };
  }

  return { formError, saved, setSaved, run, message, fieldError };
}
