"use client";
// A labelled select with hint and error.
import { forwardRef, type SelectHTMLAttributes } from "react";
import { controlBorder, FieldFrame, useFieldIds, type FieldProps } from "@/components/forms/field";

type Props = SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { options: { value: string; label: string }[] };

export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ label, hint, error, id, className, options, ...select }, ref) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} ids={ids}>
      <select ref={ref} id={ids.controlId} {...ids.aria} className={`mt-1 block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base ${controlBorder(error)}`} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});
