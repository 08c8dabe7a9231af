import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { HeaderFacts } from "@/lib/data/header";

export async function AppHeader({ userName, facts }: { userName: string; facts: HeaderFacts }) {
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  const tProgress = await getTranslations("progress");
  const tRoster = await getTranslations("roster");
  const { unread, ...nav } = facts;
  const staff = nav.organizer || nav.facilitator;
  const tNotifications = await getTranslations("notifications");
  const tAccount = await getTranslations("account");
  const links = [
    { href: "/", label: t("home"), show: true },
    { href: "/dashboard", label: tProgress("nav.dashboard"), show: nav.organizer },
    { href: "/courses", label: t("courses"), show: staff },
    { href: "/transcribe", label: t("typeCode"), show: staff },
    { href: "/facilities", label: t("facilities"), show: nav.organizer },
    { href: "/settings", label: t("settings"), show: nav.organizer },
    { href: "/audit", label: t("audit"), show: nav.organizer },
    { href: "/roster", label: tRoster("navLink"), show: nav.organizer },
  ].filter((l) => l.show);
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold hover:text-accent">
          {tApp("name")}
        </Link>
        <div className="flex items-center gap-3">
          <Link href="/notifications" className="inline-flex min-h-11 items-center gap-1 text-sm text-accent underline-offset-4 hover:underline" aria-label={unread > 0 ? tNotifications("linkUnread", { count: unread }) : tNotifications("link")}>
            {tNotifications("link")}
            {unread > 0 && <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-white">{unread}</span>}
          </Link>
          <Link href="/account" className="hidden min-h-11 items-center text-sm sm:inline-flex text-accent underline-offset-4 hover:underline">
            {tAccount("link")}
          </Link>
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
