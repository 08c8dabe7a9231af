import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { HeaderMenu } from "@/components/layout/header-menu";
import type { HeaderFacts } from "@/lib/data/header";

export async function AppHeader({ userName, facts }: { userName: string; facts: HeaderFacts }) {
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  const tProgress = await getTranslations("progress");
  const tRoster = await getTranslations("roster");
  const tPeople = await getTranslations("people");
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
    { href: "/people", label: tPeople("navLink"), show: nav.organizer },
    { href: "/roster", label: tRoster("navLink"), show: nav.organizer },
  ].filter((l) => l.show);
  const linkClass = "text-accent underline-offset-4 hover:underline";
  const notifications = (
    // The name is the visible text plus a word for screen readers ("Notifications 12 unread"),
    // never a different label: speech users say what they see (axe: label-content-name-mismatch).
    <Link href="/notifications" className={`inline-flex min-h-11 items-center gap-1 text-sm ${linkClass}`}>
      {tNotifications("link")}
      {unread > 0 && (
        <>
          <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-white">{unread}</span>
          <span className="sr-only">{tNotifications("unreadSuffix")}</span>
        </>
      )}
    </Link>
  );
  const home = (
    <Link href="/" className="text-lg font-semibold hover:text-accent">
      {tApp("name")}
    </Link>
  );
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      {/* Phones: the name, notifications and a menu on one line; the links, the account and
          signing out behind the menu, so an organizer's seven links do not push the page down. */}
      <div className="mx-auto flex max-w-3xl group-has-[[data-wide]]/app:max-w-6xl items-center justify-between gap-3 px-4 py-2 sm:hidden">
        {home}
        <div className="flex items-center gap-3">
          {notifications}
          <HeaderMenu label={t("menu")}>
            <nav aria-label={t("mainNavigation")}>
              <LinkList links={[...links, { href: "/account", label: tAccount("link") }]} className="flex flex-col text-base" linkClassName={`flex min-h-11 items-center ${linkClass}`} />
            </nav>
            <p className="mt-2 border-t border-stone-200 pt-2 text-sm text-muted">{t("signedInAs", { name: userName })}</p>
            <div className="mt-2">
              <SignOutButton />
            </div>
          </HeaderMenu>
        </div>
      </div>
      <div className="mx-auto hidden max-w-3xl group-has-[[data-wide]]/app:max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:flex">
        {home}
        <div className="flex items-center gap-3">
          {notifications}
          <Link href="/account" className={`inline-flex min-h-11 items-center text-sm ${linkClass}`}>
            {tAccount("link")}
          </Link>
          <span className="text-sm text-muted">{t("signedInAs", { name: userName })}</span>
          <SignOutButton />
        </div>
      </div>
      {links.length > 1 && (
        <nav aria-label={t("mainNavigation")} className="mx-auto hidden max-w-3xl group-has-[[data-wide]]/app:max-w-6xl px-4 pb-2 sm:block">
          <LinkList links={links} className="flex flex-wrap gap-x-4 gap-y-1 text-sm" linkClassName={`inline-block py-1 ${linkClass}`} />
        </nav>
      )}
    </header>
  );
}

function LinkList({ links, className, linkClassName }: { links: { href: string; label: string }[]; className: string; linkClassName: string }) {
  return (
    <ul className={className}>
      {links.map((l) => (
        <li key={l.href}>
          <Link href={l.href} className={linkClassName}>
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
