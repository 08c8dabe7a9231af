"use client";
// A labelled textarea with hint and error.
import { forwardRef, type TextareaHTMLAttributes } from "react";
import { controlBorder, FieldFrame, useFieldIds, type FieldProps } from "@/components/forms/field";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps;

export const TextAreaField = forwardRef<HTMLTextAreaElement, Props>(function TextAreaField({ label, hint, error, id, className, rows = 8, ...input }, ref) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} ids={ids}>
      <textarea
        ref={ref}
        id={ids.controlId}
        rows={rows}
        {...ids.aria}
        className={`mt-1 block w-full resize-y rounded-md border bg-white px-3 py-2 text-base leading-relaxed ${controlBorder(error)}`}
        {...input}
      />
    </FieldFrame>
  );
});
