import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrganizationPicker } from "@/components/organizations/organization-picker";
import { RosterImport } from "@/components/roster/roster-import";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { rosterOrganizations } from "@/lib/data/roster";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { searchParams: Promise<{ org?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roster"))("title") };
}

export default async function RosterPage({ searchParams }: Props) {
  const { org } = await searchParams;
  const orgId = typeof org === "string" && org ? org : undefined;
  const user = await requireUser(orgId ? `/roster?org=${encodeURIComponent(orgId)}` : "/roster");
  const { organizations, organization, groups, facilities } = await rosterOrganizations(user, orgId).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const t = await getTranslations("roster");
  const list = (items: string[]) => (items.length ? items.join(", ") : t("template.none"));
  return (
    <ClientMessages namespaces={["emessage.validation", "invitation", "invitations", "packs.errors", "roster", "security.weak"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <OrganizationPicker path="/roster" label={t("chooseOrganization")} organizations={organizations} currentId={organization.id} />
      <section aria-labelledby="template" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="template" className="text-lg font-semibold">
          {t("template.title")}
        </h2>
        <p className="mt-2">{t("template.body", { example: groups[0]?.slug ?? "intro" })}</p>
        <p className="mt-2">{t("template.emessage")}</p>
        <p className="mt-2 text-sm text-muted break-words">{t("template.groups", { list: list(groups.map((g) => `${g.name} (${g.slug})`)) })}</p>
        <p className="mt-1 text-sm text-muted break-words">{t("template.facilities", { list: list(facilities.map((f) => f.name)) })}</p>
        <p className="mt-3">
          <a href={`/roster/template?org=${encodeURIComponent(organization.id)}`} download className="inline-block py-2 font-medium text-accent underline underline-offset-4">
            {t("template.download")}
          </a>
        </p>
      </section>
      <RosterImport key={organization.id} organizationId={organization.id} />
    </ClientMessages>
  );
}
