import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OrganizationPicker } from "@/components/organizations/organization-picker";
import { InviteStaffForm } from "@/components/people/invite-staff-form";
import { StaffInvitations } from "@/components/people/staff-invitations";
import { StaffList } from "@/components/people/staff-list";
import { requireUser } from "@/lib/auth/session";
import { authorizeOrganization } from "@/lib/authz";
import { listOrganizedOrganizations } from "@/lib/data/organizations";
import { listStaff } from "@/lib/data/staff";

type Props = { searchParams: Promise<{ org?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

/** The organization's staff and their roles (docs/decisions/028). Organizers only; a 404 to anyone else. */
export default async function PeoplePage({ searchParams }: Props) {
  const { org } = await searchParams;
  const orgId = typeof org === "string" && org ? org : undefined;
  const user = await requireUser(orgId ? `/people?org=${encodeURIComponent(orgId)}` : "/people");
  const organizations = await listOrganizedOrganizations(user);
  const organization = orgId === undefined ? organizations[0] : organizations.find((o) => o.id === orgId);
  if (!organization) notFound();
  const ctx = await authorizeOrganization(user, organization.id);
  const [{ staff, invitations, groups }, t] = await Promise.all([listStaff(ctx), getTranslations("people")]);
  return (
    <ClientMessages namespaces={["confirmDialog", "invitation", "people", "roster.invite", "security.weak"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <OrganizationPicker path="/people" label={t("chooseOrganization")} organizations={organizations} currentId={organization.id} />
      <section aria-labelledby="staff" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="staff" className="text-lg font-semibold">
          {t("staffTitle")}
        </h2>
        <StaffList organizationId={organization.id} staff={staff} groups={groups} currentUserId={user.id} />
      </section>
      <section aria-labelledby="invite" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="invite" className="text-lg font-semibold">
          {t("invite.title")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("invite.intro")}</p>
        <InviteStaffForm organizationId={organization.id} groups={groups} />
      </section>
      <section aria-labelledby="pending" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="pending" className="text-lg font-semibold">
          {t("pending.title")}
        </h2>
        <StaffInvitations organizationId={organization.id} invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))} />
      </section>
    </ClientMessages>
  );
}
