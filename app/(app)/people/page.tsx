import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ListSearch } from "@/components/ui/list-search";
import { OrganizationPicker } from "@/components/organizations/organization-picker";
import { InviteStaffForm } from "@/components/people/invite-staff-form";
import { StaffInvitations } from "@/components/people/staff-invitations";
import { StaffList } from "@/components/people/staff-list";
import { requireUser } from "@/lib/auth/session";
import { authorizeOrganization } from "@/lib/authz";
import { listOrganizedOrganizations } from "@/lib/data/organizations";
import { listStaff } from "@/lib/data/staff";
import { Pager } from "@/components/ui/pager";
import { pagingQuery, parsePagingParams } from "@/lib/validations/paging";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

/** The organization's staff and their roles (docs/decisions/028). Organizers only; a 404 to anyone else. */
export default async function PeoplePage({ searchParams }: Props) {
  const params = parsePagingParams(await searchParams);
  const orgId = params.org;
  const user = await requireUser(`/people${pagingQuery(params)}`);
  const organizations = await listOrganizedOrganizations(user);
  const organization = orgId === undefined ? organizations[0] : organizations.find((o) => o.id === orgId);
  if (!organization) notFound();
  const ctx = await authorizeOrganization(user, organization.id);
  // Paged, with a search: a network has thousands of facilitators (decision 041).
  const [{ staff, paging, invitations, invitationCount, groups }, t, tPaging] = await Promise.all([listStaff(ctx, { page: params.page, q: params.q }), getTranslations("people"), getTranslations("paging")]);
  const listAt = (page: number, q = params.q) => `/people${pagingQuery({ ...(organizations.length > 1 ? { org: organization.id } : {}), page, ...(q ? { q } : {}) })}`;
  const from = (paging.page - 1) * paging.pageSize + 1;
  return (
    <ClientMessages namespaces={["confirmDialog", "invitation", "people", "roster.invite", "security.weak"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <OrganizationPicker path="/people" label={t("chooseOrganization")} organizations={organizations} currentId={organization.id} />
      <section aria-labelledby="staff" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="staff" className="text-lg font-semibold">
          {t("staffTitle")}
        </h2>
        {(paging.matching > paging.pageSize || paging.q) && (
          <ListSearch
            action="/people"
            organizationId={organizations.length > 1 ? organization.id : undefined}
            q={paging.q}
            clearHref={listAt(1, "")}
            labels={{ search: t("paging.search"), button: t("paging.searchButton"), clear: t("paging.clear") }}
          />
        )}
        {staff.length === 0 && (paging.q || paging.page > 1) ? (
          <p className="mt-3">
            {paging.q ? t("paging.noMatch", { q: paging.q }) : t("paging.pastEnd")}{" "}
            {paging.matching > 0 && (
              <a href={listAt(1)} className="text-accent underline underline-offset-4">
                {t("paging.firstPage")}
              </a>
            )}
          </p>
        ) : (
          <>
            {paging.pages > 1 && <p className="mt-3 text-sm text-muted">{t("paging.showing", { from, to: from + staff.length - 1, matching: paging.matching })}</p>}
            <StaffList organizationId={organization.id} staff={staff} groups={groups} currentUserId={user.id} />
          </>
        )}
        <Pager
          label={t("paging.pagerLabel")}
          page={paging.page}
          pages={paging.pages}
          href={(page) => listAt(page)}
          text={{ previous: tPaging("previous"), next: tPaging("next"), pageOf: tPaging("pageOf", { page: paging.page, pages: paging.pages }) }}
        />
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
        <StaffInvitations organizationId={organization.id} invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))} total={invitationCount} />
      </section>
    </ClientMessages>
  );
}
