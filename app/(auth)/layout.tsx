import { getTranslations } from "next-intl/server";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-md px-4 py-4">
          <p className="text-lg font-semibold">{t("name")}</p>
          <p className="text-sm text-muted">{t("tagline")}</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </div>
  );
}
