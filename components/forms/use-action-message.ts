"use client";
import { useTranslations } from "next-intl";

/**
 * Translates a message key from a schema or a server action ("errors.notFound",
 * "packs.validation.responseEmpty", …). An unknown key never shows raw: the fallback does.
 */
export function useActionMessage() {
  const t = useTranslations();
  return (key: string | null | undefined, fallback = "errors.generic"): string | null => {
    if (!key) return null;
    return t.has(key as never) ? t(key as never) : t(fallback as never);
  };
}
