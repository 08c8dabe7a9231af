// The public verification pages (docs/decisions/047-certificates.md): outside the signed-in
// app, so a parole officer without an account can open them. The same plain frame as sign-in.
import { getTranslations } from "next-intl/server";

export default async function VerifyLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-xl px-4 py-4">
          <p className="text-lg font-semibold">{t("name")}</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-10">
        {children}
      </main>
    </div>
  );
}
