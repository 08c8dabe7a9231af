import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { BASE_NAMESPACES, pickMessages, type Messages } from "@/components/i18n/pick-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        {/* Only the base set: pages add what their client components need with <ClientMessages>
            (docs/decisions/013-client-messages.md). Without `messages`, next-intl would send the
            whole catalog into every page. */}
        <NextIntlClientProvider messages={pickMessages((await getMessages()) as Messages, BASE_NAMESPACES)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
