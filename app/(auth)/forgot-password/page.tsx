import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { emailConfigured } from "@/lib/email/send";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset.forgot");
  // Whether this instance sends e-mail is the same for everyone: saying so reveals no account.
  const sendsEmail = emailConfigured();
  return (
    <ClientMessages namespaces={["passwordReset.forgot", "passwordReset.errors"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {sendsEmail ? (
        <>
          <p className="mt-2 text-muted">{t("intro")}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          {t("noEmail")}
        </p>
      )}
    </ClientMessages>
  );
}
