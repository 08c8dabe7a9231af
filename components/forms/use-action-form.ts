"use client";
// What every form does with a server action's result: field errors onto their fields, a form
// error in the alert, a "Saved" note after success. A failed save, even one that never reached
// the server, leaves every typed character in place: values are only replaced after a success.
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { useActionMessage } from "@/components/forms/use-action-message";
import type { ActionResult } from "@/lib/server/result";

export type ActionFormKeys = {
  /** Shown under a field whose message key is unknown. */
  invalid: string;
  /** Shown when the action did not answer (offline, or a request too big for the server). */
  saveFailed: string;
};

const DEFAULT_KEYS: ActionFormKeys = { invalid: "validation.invalid", saveFailed: "errors.offline" };

export function useActionForm<T extends FieldValues>(setError: UseFormSetError<T>, keys: ActionFormKeys = DEFAULT_KEYS) {
  const message = useActionMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const fieldError = (key?: string) => message(key, keys.invalid) ?? undefined;

  /** Runs the action; returns its data on success, undefined after showing what went wrong. */
  async function run<D>(call: () => Promise<ActionResult<D>>): Promise<{ data: D } | undefined> {
    setFormError(null);
    setSaved(false);
    let result: ActionResult<D>;
    try {
      result = await call();
    } catch {
      setFormError(message(keys.saveFailed));
      return undefined;
    }
    if (!result.ok) {
      const fields = Object.entries(result.fieldErrors);
      // "values.address.0" → "address": the form's own field names.
      for (const [field, key] of fields) setError(field.replace(/^(values|details)\./, "").split(".")[0] as Path<T>, { message: key });
      setFormError(message(result.formError) ?? (fields.length > 0 ? message("errors.formHasErrors") : null));
      return undefined;
    }
    setSaved(true);
    return { data: result.data };
  }

  return { formError, saved, setSaved, run, message, fieldError };
}
