import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrganizationForm } from "@/components/settings/organization-form";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getOrganizationSettings } from "@/lib/data/organizations";

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
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {organizations.length > 1 && (
        <nav aria-label={t("chooseOrganization")} className="mt-6">
          <h2 className="font-medium">{t("chooseOrganization")}</h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {organizations.map((o) => (
              <li key={o.id}>
                {o.id === organization.id ? (
                  <span aria-current="page" className="inline-block py-2 font-semibold">
                    {o.name}
                  </span>
                ) : (
                  <Link href={`/settings?org=${encodeURIComponent(o.id)}`} className="inline-block py-2 text-accent underline underline-offset-4">
                    {o.name}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      {organizations.length > 1 && <h2 className="mt-6 text-xl font-semibold">{organization.name}</h2>}
      <OrganizationForm
        key={organization.id}
        organizationId={organization.id}
        initial={{
          name: organization.name,
          returnAddress: organization.returnAddressLines.join("\n"),
          defaultMaxPagesPerEnvelope: organization.defaultMaxPagesPerEnvelope === null ? "" : String(organization.defaultMaxPagesPerEnvelope),
          defaultNameAndIdOnEveryPage: organization.defaultNameAndIdOnEveryPage,
          defaultImagesAllowed: organization.defaultImagesAllowed,
          defaultTurnaroundDays: String(organization.defaultTurnaroundDays),
        }}
      />
    </>
  );
}
