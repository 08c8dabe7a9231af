import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { AccountForm } from "@/components/notifications/account-form";
import { requireUser } from "@/lib/auth/session";
import { getEmailPreference } from "@/lib/data/notifications";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [emailNotifications, t, ts] = await Promise.all([getEmailPreference(user), getTranslations("account"), getTranslations("security")]);
  return (
    <ClientMessages namespaces={["account", "discussion.validation", "security"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <AccountForm email={user.email} initial={{ emailNotifications }} />

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
