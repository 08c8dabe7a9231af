"use client";
import { useTranslations } from "next-intl";

/**
 * Translates a message key from a server action's result ("errors.notFound",
 * "packs.validation.responseEmpty", …). An unknown key shows the generic message rather than
 * the key itself.
 */
export function useActionMessage() {
  const t = useTranslations();
  return (key: string | null | undefined): string | null => {
    if (!key) return null;
    return t.has(key as never) ? t(key as never) : t("errors.generic");
  };
}
