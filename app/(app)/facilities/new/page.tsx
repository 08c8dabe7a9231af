import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FacilityForm } from "@/components/facilities/facility-form";
import { requireUser } from "@/lib/auth/session";
import { organizerOrganizationIds } from "@/lib/authz";
import { db } from "@/lib/db";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("facilities"))("add") };
}

export default async function NewFacilityPage() {
  const user = await requireUser("/facilities/new");
  const [organizationId] = await organizerOrganizationIds(user);
  if (!organizationId) notFound();
  // New facilities start from the organization's default mail rules.
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultMaxPagesPerEnvelope: true, defaultNameAndIdOnEveryPage: true, defaultImagesAllowed: true } });
  const t = await getTranslations("facilities");
  return (
    <ClientMessages namespaces={["facilities.errors", "facilities.form", "facilities.validation", "packs.errors"]}>
      <p>
        <Link href="/facilities" className="text-sm text-accent underline underline-offset-4">
          {t("title")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("add")}</h1>
      <FacilityForm
        organizationId={organizationId}
        initial={{ name: "", address: "", maxPagesPerEnvelope: org.defaultMaxPagesPerEnvelope ?? "", nameAndIdOnEveryPage: org.defaultNameAndIdOnEveryPage, imagesAllowed: org.defaultImagesAllowed, notes: "" }}
      />
    </ClientMessages>
  );
}
