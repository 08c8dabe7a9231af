"use client";
// The frame every form field shares: a label, an optional hint, the control, and an error wired
// to it for screen readers (aria-describedby, aria-invalid). TextField, TextAreaField and
// SelectField only differ in the control they put inside.
import { useId, type ReactNode } from "react";

export type FieldProps = { label: string; hint?: string; error?: string; id?: string; className?: string };

/** Ids and ARIA attributes for a field's control. */
export function useFieldIds({ id, hint, error }: Pick<FieldProps, "id" | "hint" | "error">) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return {
    controlId,
    hintId,
    errorId,
    aria: {
      "aria-invalid": error ? (true as const) : undefined,
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    },
  };
}

export function FieldFrame({ label, hint, error, className = "", ids, children }: FieldProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={ids.controlId} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={ids.hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={ids.errorId} className="mt-1 text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

export const controlBorder = (error?: string) => (error ? "border-danger" : "border-stone-400");
