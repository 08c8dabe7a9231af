import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResponseCodeForm } from "@/components/mail/response-code-form";
import { requireUser } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.code"))("title") };
}

export default async function TranscribeByCodePage() {
  await requireUser("/transcribe");
  const t = await getTranslations("mail.code");
  return (
    <ClientMessages namespaces={["mail.code"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <ResponseCodeForm />
    </ClientMessages>
  );
}
