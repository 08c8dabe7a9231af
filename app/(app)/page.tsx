import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RoleBadges } from "@/components/groups/role-badges";
import { MemberNextSteps } from "@/components/home/member-next-steps";
import { requireUser } from "@/lib/auth/session";
import { organizerOrganizationIds } from "@/lib/authz";
import { listArchivedGroups } from "@/lib/data/group-admin";
import { listMyGroups } from "@/lib/data/groups";
import { listMyRecentFeedback } from "@/lib/data/feedback";
import { WeekSummary } from "@/components/week/week-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<{ archived?: string | string[] }> }) {
  const user = await requireUser("/");
  // Archived groups are left out of the list; an organizer opens them with ?archived=1 (decision 023).
  const showArchived = (await searchParams).archived === "1";
  const [{ groups, moreOnDashboard }, feedback, organizes, t, tLevels, tFeedback, tAdmin, format] = await Promise.all([
    listMyGroups(user),
    listMyRecentFeedback(user),
    organizerOrganizationIds(user).then((ids) => ids.length > 0),
    getTranslations("home"),
    getTranslations("levels"),
    getTranslations("packs.home"),
    getTranslations("groupAdmin"),
    getFormatter(),
  ]);
  const archived = organizes && showArchived ? await listArchivedGroups(user) : [];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-muted">{t("greeting", { name: user.name })}</p>
      <MemberNextSteps user={user} />
      <WeekSummary user={user} />
      {organizes && (
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/groups/new" className="text-accent underline underline-offset-4">
            {tAdmin("new")}
          </Link>
          <Link href={showArchived ? "/" : "/?archived=1"} className="text-accent underline underline-offset-4">
            {showArchived ? tAdmin("hideArchived") : tAdmin("showArchived")}
          </Link>
        </p>
      )}
      {groups.length === 0 && organizes ? (
        // A new program's first organizer, just after setup: what to do first.
        <div className="mt-8 rounded-md border border-stone-200 bg-white p-4">
          <p>{t("emptyOrganizer")}</p>
          <p className="mt-3">
            <Link href="/courses" className="font-medium text-accent underline underline-offset-4">
              {t("toCourses")}
            </Link>
          </p>
        </div>
      ) : groups.length === 0 ? (
        <p className="mt-8 rounded-md border border-stone-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label={t("title")}>
          {groups.map((group) => (
            <li key={group.slug}>
              <Link
                href={`/groups/${group.slug}`}
                className="block rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-accent"
              >
                <span className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="text-lg font-semibold text-accent">{group.name}</span>
                  <span className="text-sm text-muted">{tLevels(group.level)}</span>
                </span>
                <span className="mt-1 block text-muted">{t("course", { title: group.courseTitle })}</span>
                <span className="mt-2 flex items-center gap-2 text-sm">
                  <span className="sr-only">{t("yourRole")}:</span>
                  <RoleBadges roles={group.roles} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {moreOnDashboard > 0 && (
        <p className="mt-4">
          <Link href="/dashboard" className="text-accent underline underline-offset-4">
            {t("moreOnDashboard", { count: moreOnDashboard })}
          </Link>
        </p>
      )}
      {organizes && showArchived && (
        <section aria-labelledby="archived" className="mt-10">
          <h2 id="archived" className="text-xl font-semibold">
            {tAdmin("archivedTitle")}
          </h2>
          {archived.length === 0 ? (
            <p className="mt-3 text-muted">{tAdmin("archivedNone")}</p>
          ) : (
            <ul className="mt-3 space-y-3" aria-label={tAdmin("archivedTitle")}>
              {archived.map((group) => (
                <li key={group.slug}>
                  <Link href={`/groups/${group.slug}`} className="block rounded-lg border border-dashed border-stone-300 bg-stone-50 p-4 hover:border-accent">
                    <span className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="text-lg font-semibold text-accent">{group.name}</span>
                      <span className="text-sm text-muted">{tLevels(group.level)}</span>
                    </span>
                    <span className="mt-1 block text-muted">{t("course", { title: group.course.title })}</span>
                    <span className="mt-1 block text-sm text-muted">{tAdmin("archivedOn", { date: format.dateTime(group.archivedAt!, { dateStyle: "medium" }) })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {feedback.length > 0 && (
        <section aria-labelledby="feedback" className="mt-10">
          <h2 id="feedback" className="text-xl font-semibold">
            {tFeedback("feedbackTitle")}
          </h2>
          <ul className="mt-3 space-y-3">
            {feedback.map((f) => (
              <li key={f.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <Link href={`/groups/${f.groupSlug}/packs/${f.packNumber}`} className="text-sm text-accent underline underline-offset-4">
                  {tFeedback("onPrompt", { prompt: f.promptText.length > 90 ? `${f.promptText.slice(0, 90)}…` : f.promptText, number: f.packNumber, group: f.groupName })}
                </Link>
                <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-green-700 pl-3">{f.body}</blockquote>
                <p className="mt-1 text-sm text-muted">
                  {tFeedback("from", { name: f.authorName })} · {format.dateTime(f.createdAt, { dateStyle: "medium" })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
