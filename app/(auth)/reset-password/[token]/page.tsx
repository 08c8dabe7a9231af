import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { describeReset } from "@/lib/auth/password-reset";
import { resetTokenSchema } from "@/lib/validations/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset.reset"))("title") };
}

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const parsed = resetTokenSchema.safeParse(token);
  const reset = parsed.success ? await describeReset(parsed.data) : { state: "unknown" as const, email: undefined };

  if (reset.state !== "valid" || !reset.email) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("reset.title")}</h1>
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          {t(`state.${reset.state}`)}
        </p>
        <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/forgot-password" className="text-accent underline underline-offset-4">
            {t("reset.askAgain")}
          </Link>
          <Link href="/sign-in" className="text-accent underline underline-offset-4">
            {t("reset.signIn")}
          </Link>
        </p>
      </>
    );
  }

  return (
    <ClientMessages namespaces={["passwordReset.reset", "passwordReset.state", "security.weak"]}>
      <h1 className="text-2xl font-semibold">{t("reset.title")}</h1>
      <p className="mt-2 break-words">{t("reset.intro", { email: reset.email })}</p>
      <ResetPasswordForm token={token} email={reset.email} />
    </ClientMessages>
  );
}
