// next-intl without locale routing: the locale comes from the person's setting (later) or the
// browser's Accept-Language, falling back to English.
import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALES, MESSAGE_FILES, type AppLocale } from "@/i18n/config";

export function pickLocale(acceptLanguage: string | null): AppLocale {
  const wanted = (acceptLanguage ?? "").split(",").map((part) => part.split(";")[0]?.trim().slice(0, 2).toLowerCase());
  return (wanted.find((tag): tag is AppLocale => (LOCALES as readonly string[]).includes(tag ?? "")) ?? DEFAULT_LOCALE);
}

export async function loadMessages(locale: AppLocale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(MESSAGE_FILES.map(async (file) => (await import(`../messages/${locale}/${file}.json`)).default as Record<string, unknown>));
  return Object.assign({}, ...parts);
}

export default getRequestConfig(async () => {
  const locale = pickLocale((await headers()).get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: "UTC",
  };
});
