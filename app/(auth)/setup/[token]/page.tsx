// First-run setup: reached only through the one-time link the server printed in its log, and
// only until the first organizer exists (then, and for any other link, the 404 page).
import type { Metadata } from "next";
import { timeZoneChoices } from "@/lib/dates";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SetupForm } from "@/components/setup/setup-form";
import { db } from "@/lib/db";
import { setupTokenIsOpen } from "@/lib/setup/setup-token";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}


export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await setupTokenIsOpen(db, token))) notFound();
  const t = await getTranslations("setup");
  return (
    <ClientMessages namespaces={["setup", "settings.validation", "security.weak"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <SetupForm token={token} timeZones={timeZoneChoices()} />
    </ClientMessages>
  );
}
