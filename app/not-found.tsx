import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-muted">{t("notFoundBody")}</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-accent underline underline-offset-4 hover:text-accent-strong">
          {t("goHome")}
        </Link>
      </p>
    </main>
  );
}
