import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FacilityForm } from "@/components/facilities/facility-form";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getFacility } from "@/lib/data/facilities";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ facilityId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("facilities"))("edit") };
}

export default async function FacilityPage({ params }: Props) {
  const { facilityId } = await params;
  const user = await requireUser(`/facilities/${facilityId}`);
  const facility = await getFacility(user, facilityId).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const t = await getTranslations("facilities");
  return (
    <ClientMessages namespaces={["facilities.errors", "facilities.form", "facilities.validation", "packs.errors"]}>
      <p>
        <Link href="/facilities" className="text-sm text-accent underline underline-offset-4">
          {t("title")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{facility.name}</h1>
      <p className="mt-1 text-sm text-muted">{t("rulesApply")}</p>
      <FacilityForm
        id={facility.id}
        organizationId={facility.organizationId}
        initial={{
          name: facility.name,
          address: facility.addressLines.join("\n"),
          maxPagesPerEnvelope: facility.maxPagesPerEnvelope ?? "",
          nameAndIdOnEveryPage: facility.nameAndIdOnEveryPage,
          imagesAllowed: facility.imagesAllowed,
          notes: facility.notes,
        }}
      />
    </ClientMessages>
  );
}
