// next-intl without locale routing: the locale comes from the person's setting (later) or the
// browser's Accept-Language, falling back to English.
import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from "@/i18n/config";

function pickLocale(acceptLanguage: string | null): AppLocale {
  const wanted = (acceptLanguage ?? "").split(",").map((part) => part.split(";")[0]?.trim().slice(0, 2).toLowerCase());
  return (wanted.find((tag): tag is AppLocale => (LOCALES as readonly string[]).includes(tag ?? "")) ?? DEFAULT_LOCALE);
}

export default getRequestConfig(async () => {
  const locale = pickLocale((await headers()).get("accept-language"));
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});
