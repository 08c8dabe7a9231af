import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/notifications/account-form";
import { requireUser } from "@/lib/auth/session";
import { getEmailPreference } from "@/lib/data/notifications";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [emailNotifications, t] = await Promise.all([getEmailPreference(user), getTranslations("account")]);
  return (
    <ClientMessages namespaces={["account", "discussion.validation"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <AccountForm email={user.email} initial={{ emailNotifications }} />
    </ClientMessages>
  );
}
