import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { AccountForm } from "@/components/notifications/account-form";
import { requireUser } from "@/lib/auth/session";
import { getEmailPreference } from "@/lib/data/notifications";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageForm } from "@/components/account/language-form";
import { LOCALES } from "@/i18n/config";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { getOwnTimeZone } from "@/lib/data/languages";
import { timeZoneChoices } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [emailNotifications, t, ts, tLanguages, ownTimeZone] = await Promise.all([getEmailPreference(user), getTranslations("account"), getTranslations("security"), getTranslations("languages"), getOwnTimeZone(user)]);
  // Offered only once the UI has more than one language (issue 17).
  const languages = LOCALES.map((l) => l.toUpperCase() as "EN" | "ES").map((value) => ({ value, name: tLanguages(value) }));
  return (
    <ClientMessages namespaces={["account", "discussion.validation", "security"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <AccountForm email={user.email} initial={{ emailNotifications }} />
      {languages.length > 1 && (
        <section aria-labelledby="language-title" className="mt-10">
          <h2 id="language-title" className="text-xl font-semibold">
            {t("language.title")}
          </h2>
          <LanguageForm current={user.locale ?? ""} languages={languages} />
        </section>
      )}
      <section aria-labelledby="time-zone-title" className="mt-10">
        <h2 id="time-zone-title" className="text-xl font-semibold">
          {t("timeZone.title")}
        </h2>
        <TimeZoneForm current={ownTimeZone ?? ""} timeZones={timeZoneChoices()} />
      </section>

      <h2 className="mt-12 text-xl font-semibold">{ts("title")}</h2>
      <section aria-labelledby="change-password-title" className="mt-4 max-w-xl">
        <h3 id="change-password-title" className="text-lg font-semibold">
          {ts("changePassword.title")}
        </h3>
        <p className="mt-1 text-muted">{ts("changePassword.intro")}</p>
        <ChangePasswordForm email={user.email} />
      </section>
      <section aria-labelledby="sign-out-everywhere-title" className="mt-10 max-w-xl">
        <h3 id="sign-out-everywhere-title" className="text-lg font-semibold">
          {ts("signOutEverywhere.title")}
        </h3>
        <p className="mt-1 text-muted">{ts("signOutEverywhere.intro")}</p>
        <SignOutEverywhere />
      </section>
    </ClientMessages>
  );
}
