"use client";
// The shared form hook (components/forms/use-action-form.ts) with the authoring area's own
// fallback messages.
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { useActionForm as useSharedActionForm } from "@/components/forms/use-action-form";
import { useActionMessage } from "@/components/forms/use-action-message";

/** Translates a message key; returns undefined (not null) for use as a field's `error`. */
export function useMessage() {
  const message = useActionMessage();
  return (key: string | null | undefined, fallback = "errors.generic"): string | undefined => message(key, fallback) ?? undefined;
}

export function useActionForm<T extends FieldValues>(setError: UseFormSetError<T>) {
  return useSharedActionForm(setError, { invalid: "authoring.validation.invalid", saveFailed: "authoring.errors.saveFailed" });
}
