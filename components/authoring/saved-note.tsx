"use client";
import { useTranslations } from "next-intl";

/** "Saved." beside a submit button; a status region, so screen readers hear it too. */
export function SavedNote({ show, text }: { show: boolean; text?: string }) {
  const t = useTranslations("authoring.form");
  return (
    <span role="status" className="font-medium text-green-800">
      {show ? (text ?? t("saved")) : ""}
    </span>
  );
}
