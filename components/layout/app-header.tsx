import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";

export type NavFlags = { organizer: boolean; facilitator: boolean };

export async function AppHeader({ userName, nav }: { userName: string; nav: NavFlags }) {
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  const tProgress = await getTranslations("progress");
  const staff = nav.organizer || nav.facilitator;
  const links = [
    { href: "/", label: t("home"), show: true },
    { href: "/dashboard", label: tProgress("nav.dashboard"), show: nav.organizer },
    { href: "/courses", label: t("courses"), show: staff },
    { href: "/transcribe", label: t("typeCode"), show: staff },
    { href: "/facilities", label: t("facilities"), show: nav.organizer },
    { href: "/settings", label: t("settings"), show: nav.organizer },
    { href: "/audit", label: t("audit"), show: nav.organizer },
  ].filter((l) => l.show);
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold hover:text-accent">
          {tApp("name")}
        </Link>
        <div className="flex items-center gap-3">
          <span className="text-sm text-muted">{t("signedInAs", { name: userName })}</span>
          <SignOutButton />
        </div>
      </div>
      {links.length > 1 && (
        <nav aria-label={t("mainNavigation")} className="mx-auto max-w-3xl px-4 pb-2">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="inline-block py-1 text-accent underline-offset-4 hover:underline">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
