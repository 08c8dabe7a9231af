import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoleBadges } from "@/components/groups/role-badges";
import { groupPage } from "@/lib/authz";
import { getGroupOverview } from "@/lib/data/groups";
import { canInGroup } from "@/lib/permissions";

type Props = { params: Promise<{ groupSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = await groupPage((await params).groupSlug);
  return { title: group.name };
}

export default async function GroupHomePage({ params }: Props) {
  const { groupSlug } = await params;
  const { group, roles } = await groupPage(groupSlug);
  const [overview, t, tLevels] = await Promise.all([getGroupOverview(group.id), getTranslations("group"), getTranslations("levels")]);
  return (
    <>
      <p>
        <Link href="/" className="text-sm text-accent underline underline-offset-4">
          {t("backToGroups")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{group.name}</h1>
      <dl className="mt-6 grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-muted">{t("levelLabel")}</dt>
          <dd>{tLevels(group.level as "INTRODUCTORY")}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("course")}</dt>
          <dd>{overview.courseTitle}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("facilitators")}</dt>
          <dd>{overview.facilitatorNames.length ? overview.facilitatorNames.join(", ") : t("noFacilitators")}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("yourRoles")}</dt>
          <dd className="mt-1">
            <RoleBadges roles={roles} />
          </dd>
        </div>
        {canInGroup(roles, "progress.view") && (
          <div>
            <dt className="text-sm text-muted">{t("members")}</dt>
            <dd>
              {overview.activeMembers}{" "}
              <span className="text-muted">({t("membersByChannel", { online: overview.onlineMembers, mail: overview.mailMembers })})</span>
            </dd>
          </div>
        )}
      </dl>
      <p className="mt-8 text-muted">{t("packsComing")}</p>
    </>
  );
}
