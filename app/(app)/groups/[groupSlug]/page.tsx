import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoleBadges } from "@/components/groups/role-badges";
import { NewPackButton } from "@/components/packs/new-pack-button";
import { PackList } from "@/components/packs/pack-list";
import { groupPage } from "@/lib/authz";
import { isGroupArchived } from "@/lib/data/group-archive";
import { getGroupOverview } from "@/lib/data/groups";
import { listPacks, packStartOptions } from "@/lib/data/packs";
import { canInGroup } from "@/lib/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { WeekPanel } from "@/components/week/week-panel";
import { getGroupWeek } from "@/lib/data/week";

type Props = { params: Promise<{ groupSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = await groupPage((await params).groupSlug);
  return { title: group.name };
}

export default async function GroupHomePage({ params }: Props) {
  const { groupSlug } = await params;
  const ctx = await groupPage(groupSlug);
  const { group, roles } = ctx;
  const [overview, archived, packs, t, tLevels, tPacks] = await Promise.all([
    getGroupOverview(group.id),
    isGroupArchived(group.id),
    listPacks(ctx),
    getTranslations("group"),
    getTranslations("levels"),
    getTranslations("packs"),
  ]);
  const tMembers = await getTranslations("members");
  const tDiscussion = await getTranslations("discussion");
  const tAdmin = await getTranslations("groupAdmin");
  const staff = canInGroup(roles, "pack.edit");
  const start = staff && !archived ? await packStartOptions(ctx) : null;
  // What waits this week, for staff; an archived group is read-only, so nothing waits there.
  const week = archived ? null : await getGroupWeek(ctx);
  return (
    <ClientMessages namespaces={["discussion.errors.notFeaturable", "discussion.validation", "mail.validation.receivedInFuture", "packs.errors", "packs.lifecycle", "packs.validation"]}>
      <p>
        <Link href="/" className="text-sm text-accent underline underline-offset-4">
          {t("backToGroups")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{group.name}</h1>
      {archived && (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          {tAdmin("archivedBanner")}
        </p>
      )}
      {week && <WeekPanel items={week} />}
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
      <section aria-labelledby="packs" className="mt-10">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="packs" className="text-xl font-semibold">
            {tPacks("title")}
          </h2>
          {canInGroup(roles, "progress.view") && <Link href={`/groups/${group.slug}/progress`} className="text-accent underline underline-offset-4">{(await getTranslations("progress"))("nav.progress")}</Link>}
          {canInGroup(roles, "member.viewPersonal") && (
            <Link href={`/groups/${group.slug}/members`} className="text-accent underline underline-offset-4">
              {tMembers("link")}
            </Link>
          )}
          {canInGroup(roles, "course.edit") && (
            <Link href={`/courses/${group.courseId}`} className="text-accent underline underline-offset-4">
              {tPacks("editCourse")}
            </Link>
          )}
          <Link href={`/groups/${group.slug}/discussion`} className="text-accent underline underline-offset-4">
            {tDiscussion("link")}
          </Link>
          {canInGroup(roles, "group.manage") && (
            <Link href={`/groups/${group.slug}/settings`} className="text-accent underline underline-offset-4">
              {tAdmin("settings")}
            </Link>
          )}
          {canInGroup(roles, "group.manage") && (
            <Link href={`/groups/${group.slug}/certificates`} className="text-accent underline underline-offset-4">
              {(await getTranslations("certificates"))("link")}
            </Link>
          )}
        </div>
        {start && (
          <div className="mt-3">
            <NewPackButton groupSlug={group.slug} {...start} />
          </div>
        )}
        <PackList groupSlug={group.slug} packs={packs} staff={staff} />
      </section>
    </ClientMessages>
  );
}
