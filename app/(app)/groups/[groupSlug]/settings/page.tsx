import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CompletionRuleForm } from "@/components/certificates/completion-rule-form";
import { ArchiveControl } from "@/components/groups/archive-control";
import { GroupForm } from "@/components/groups/group-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { groupPage } from "@/lib/authz";
import { completionRuleOf } from "@/lib/data/certificates";
import { getGroupSettings, listOrganizationCourses } from "@/lib/data/group-admin";
import { nextDueDate } from "@/lib/groups/schedule";

type Props = { params: Promise<{ groupSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ group }, t] = await Promise.all([groupPage((await params).groupSlug, "group.manage"), getTranslations("groupAdmin")]);
  return { title: `${t("settings")}: ${group.name}` };
}

export default async function GroupSettingsPage({ params }: Props) {
  const ctx = await groupPage((await params).groupSlug, "group.manage");
  const settings = await getGroupSettings(ctx);
  const [courses, t, tLevels, format, completionRule, tCertificates] = await Promise.all([
    listOrganizationCourses(settings.organizationId),
    getTranslations("groupAdmin"),
    getTranslations("levels"),
    getFormatter(),
    completionRuleOf(ctx.group.id),
    getTranslations("certificates.rule"),
  ]);
  const archived = settings.archivedAt !== null;
  const due = nextDueDate({ intervalDays: settings.packIntervalDays }, { dueDate: settings.lastPackDueDate });
  return (
    <ClientMessages namespaces={["groupAdmin.form", "groupAdmin.archive", "groupAdmin.errors", "groupAdmin.validation", "certificates"]}>
      <p>
        <Link href={`/groups/${settings.slug}`} className="text-sm text-accent underline underline-offset-4">
          {t("backToGroup")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">
        {t("settings")}: {settings.name}
      </h1>
      {archived && (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          {t("archivedBanner")}
        </p>
      )}
      <p className="mt-4 text-muted">{due ? t("nextDue", { date: format.dateTime(due, { dateStyle: "long", timeZone: "UTC" }) }) : t("nextDueNone")}</p>
      {settings.packIntervalDays !== null && settings.packIntervalDays % 7 !== 0 && <p className="mt-1 text-sm text-muted">{t("intervalInDays", { days: settings.packIntervalDays })}</p>}
      <GroupForm
        target={{ groupSlug: settings.slug }}
        courses={courses}
        disabled={archived}
        levelLabels={{ INTRODUCTORY: tLevels("INTRODUCTORY"), INTERMEDIATE: tLevels("INTERMEDIATE"), ADVANCED: tLevels("ADVANCED") }}
        initial={{
          name: settings.name,
          slug: settings.slug,
          level: settings.level,
          courseId: settings.courseId,
          turnaroundDays: settings.turnaroundDays === null ? "" : String(settings.turnaroundDays),
          packEveryWeeks: settings.packEveryWeeks === null ? "" : String(settings.packEveryWeeks),
        }}
      />
      <section aria-labelledby="certificates" className="mt-10 border-t border-stone-200 pt-6">
        <h2 id="certificates" className="text-xl font-semibold">
          {tCertificates("title")}
        </h2>
        <p className="mt-2 text-muted">{tCertificates("explain")}</p>
        <div className="mt-3">
          <CompletionRuleForm groupSlug={settings.slug} rule={completionRule} disabled={archived} />
        </div>
        <p className="mt-3">
          <Link href={`/groups/${settings.slug}/certificates`} className="text-accent underline underline-offset-4">
            {tCertificates("link")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="archive" className="mt-10 border-t border-stone-200 pt-6">
        <h2 id="archive" className="text-xl font-semibold">
          {t("archive.title")}
        </h2>
        <div className="mt-3">
          <ArchiveControl groupSlug={settings.slug} groupName={settings.name} archived={archived} />
        </div>
      </section>
    </ClientMessages>
  );
}
