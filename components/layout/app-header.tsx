import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";

export async function AppHeader({ userName }: { userName: string }) {
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <nav aria-label={t("mainNavigation")}>
          <Link href="/" className="text-lg font-semibold hover:text-accent">
            {tApp("name")}
          </Link>
        </nav>
        <div className="flex items-center gap-3">
          <span className="text-sm text-muted">{t("signedInAs", { name: userName })}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
