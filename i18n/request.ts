// next-intl without locale routing: the locale is the signed-in person's own choice (account
// page), else the browser's Accept-Language, else English. Read on every request, so a change of
// language takes effect at the next page.
import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALES, MESSAGE_FILES, type AppLocale } from "@/i18n/config";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

/** The first language of the browser's list that the UI has (`available`: the UI's languages). */
export function pickLocale(acceptLanguage: string | null, available: readonly string[] = LOCALES): AppLocale {
  const wanted = (acceptLanguage ?? "").split(",").map((part) => part.split(";")[0]?.trim().slice(0, 2).toLowerCase());
  return (wanted.find((tag): tag is AppLocale => available.includes(tag ?? "")) ?? DEFAULT_LOCALE);
}

/** A person's own choice when the UI has that language; otherwise what their browser asks for. */
export function chooseLocale(chosen: "EN" | "ES" | null | undefined, acceptLanguage: string | null, available: readonly string[] = LOCALES): AppLocale {
  const own = chosen?.toLowerCase();
  if (own && available.includes(own)) return own as AppLocale;
  return pickLocale(acceptLanguage, available);
}

export async function loadMessages(locale: AppLocale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(MESSAGE_FILES.map(async (file) => (await import(`../messages/${locale}/${file}.json`)).default as Record<string, unknown>));
  return Object.assign({}, ...parts);
}

export default getRequestConfig(async () => {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  const locale = chooseLocale(user?.locale, requestHeaders.get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    // Instants in the organization's time zone; calendar days pass timeZone "UTC" (lib/dates.ts).
    timeZone: user?.timeZone ?? "UTC",
    // A missing key or a message that cannot be formatted shows its key and is logged. The
    // browser tests' server sets STUDYPACK_STRICT_MESSAGES=1 so the page fails instead and the
    // test that opened it goes red (a log line nobody reads would let it through).
    onError: (error) => {
      if (env().STUDYPACK_STRICT_MESSAGES === "1") throw error;
      console.error(error);
    },
  };
});
