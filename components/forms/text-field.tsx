"use client";
// A labelled input with its hint and error. Used by every form with react-hook-form's register().
import { forwardRef, type InputHTMLAttributes } from "react";
import { controlBorder, FieldFrame, useFieldIds, type FieldProps } from "@/components/forms/field";

type Props = InputHTMLAttributes<HTMLInputElement> & FieldProps;

export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ label, hint, error, id, className, ...input }, ref) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} ids={ids}>
      <input ref={ref} id={ids.controlId} {...ids.aria} className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base ${controlBorder(error)}`} {...input} />
    </FieldFrame>
  );
});
