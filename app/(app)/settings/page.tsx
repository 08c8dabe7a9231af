import type { Metadata } from "next";
import { timeZoneChoices } from "@/lib/dates";
import { notFound } from "next/navigation";
import { OrganizationPicker } from "@/components/organizations/organization-picker";
import { getTranslations } from "next-intl/server";
import { OrganizationForm } from "@/components/settings/organization-form";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getOrganizationSettings } from "@/lib/data/organizations";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RetentionForm } from "@/components/settings/retention-form";
import { getRetentionSettings } from "@/lib/retention/settings";
import { EmessageLimitsForm } from "@/components/settings/emessage-limits-form";
import { getEmessageLimits } from "@/lib/data/emessage-limits";

type Props = { searchParams: Promise<{ org?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ searchParams }: Props) {
  const { org } = await searchParams;
  const orgId = typeof org === "string" && org ? org : undefined;
  const user = await requireUser(orgId ? `/settings?org=${encodeURIComponent(orgId)}` : "/settings");
  const { organizations, organization } = await getOrganizationSettings(user, orgId).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const t = await getTranslations("settings");
  const [retention, emessageLimits] = await Promise.all([getRetentionSettings(user, organization.id), getEmessageLimits(user, organization.id)]);
  return (
    <ClientMessages namespaces={["settings.form", "settings.validation", "settings.retention", "emessage.settings", "emessage.service", "emessage.validation"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <OrganizationPicker path="/settings" label={t("chooseOrganization")} organizations={organizations} currentId={organization.id} />
      <OrganizationForm
        key={organization.id}
        organizationId={organization.id}
        timeZones={timeZoneChoices()}
        initial={{
          name: organization.name,
          returnAddress: organization.returnAddressLines.join("\n"),
          defaultMaxPagesPerEnvelope: organization.defaultMaxPagesPerEnvelope === null ? "" : String(organization.defaultMaxPagesPerEnvelope),
          defaultNameAndIdOnEveryPage: organization.defaultNameAndIdOnEveryPage,
          defaultImagesAllowed: organization.defaultImagesAllowed,
          defaultTurnaroundDays: String(organization.defaultTurnaroundDays),
          timeZone: organization.timeZone,
          paperGramsPerSheet: String(organization.paperGramsPerSheet),
          envelopeGrams: String(organization.envelopeGrams),
          postageCurrency: organization.postageCurrency,
          postageRates: organization.postageRates.map((row) => ({ upToGrams: String(row.upToGrams), price: row.price.toFixed(2) })),
        }}
      />
      <RetentionForm
        key={`retention-${organization.id}`}
        organizationId={organization.id}
        initial={{ printRunRetentionDays: String(retention.printRunRetentionDays), scanRetentionDays: retention.scanRetentionDays === null ? "" : String(retention.scanRetentionDays) }}
      />
      <EmessageLimitsForm
        key={`emessage-${organization.id}`}
        organizationId={organization.id}
        initial={Object.fromEntries(Object.entries(emessageLimits).map(([service, chars]) => [service, String(chars)])) as Record<keyof typeof emessageLimits, string>}
      />
    </ClientMessages>
  );
}
