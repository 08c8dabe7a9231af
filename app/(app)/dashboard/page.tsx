import { ListSearch } from "@/components/ui/list-search";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrganizationPicker } from "@/components/organizations/organization-picker";
import { BarChart, HorizontalBarChart, RateLineChart } from "@/components/progress/charts";
import { GroupTable } from "@/components/progress/group-table";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getDashboard, rate, type DashboardGroup, type LevelSummary } from "@/lib/data/dashboard";
import { html } from "@/components/ui/html";
import { ServerMarkup } from "@/components/progress/server-markup";
import { messageTemplate } from "@/lib/i18n/message-template";
import { TURNAROUND_CAP_WEEKS, turnaroundChannels, weeklyTurnaround } from "@/lib/progress/turnaround";
import { pagingQuery, parsePagingParams, type PagingParams } from "@/lib/validations/paging";

/** The histogram with the days nobody took filled in as 0, so the bars keep their spacing. */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("dashboard.title") };
}

export default async function DashboardPage({ searchParams }: Props) {
  const params = parsePagingParams(await searchParams);
  const user = await requireUser(`/dashboard${pagingQuery(params)}`);
  const d = await getDashboard(user, params.org, { page: params.page, q: params.q }).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const [t, tLevels, tPaging] = await Promise.all([getTranslations("progress"), getTranslations("levels"), getTranslations("paging")]);
  // The same list at another page: the organization kept only when the user has several.
  const listAt = (page: number, q = params.q) => `/dashboard${pagingQuery({ ...(d.organizations.length > 1 ? { org: d.organization.id } : {}), page, ...(q ? { q } : {}) } satisfies PagingParams)}`;
  const { paging } = d;
  const from = (paging.page - 1) * paging.pageSize + 1;
  // The same few texts stand in many rows of the groups table: each is formatted once, and the
  // messages with numbers are filled in from a template (lib/i18n/message-template.ts).
  const memo = new Map<string, string>();
  const once = (key: string, make: () => string) => memo.get(key) ?? (memo.set(key, make()), memo.get(key)!);
  const percent = messageTemplate(["value"], (m) => t("dashboard.percent", m));
  const dayCount = messageTemplate(["days"], (m) => t("dashboard.days", m));
  const packName = messageTemplate(["number"], (m) => t("matrix.pack", m));
  const packN = messageTemplate(["number"], (m) => t("chart.packN", m));
  const progressValue = messageTemplate(["covered", "lessons", "packs"], (m) => t("dashboard.progressValue", m));
  const none = t("dashboard.none");
  const pct = (respondents: number, recipients: number) => {
    const r = rate(respondents, recipients);
    return r === null ? none : percent({ value: r });
  };
  const days = (n: number | null) => (n === null ? none : dayCount({ days: n }));
  const unknownFacility = t("dashboard.unknownFacility");
  const noReason = t("dashboard.noReason");
  const statusName = (status: string) => once(`s${status}`, () => t(`dashboard.statuses.${status as "RETURNED"}`));
  const orgQuery = d.organizations.length > 1 ? `?org=${encodeURIComponent(d.organization.id)}` : "";
  const levelName = (l: string) => once(`v${l}`, () => tLevels(l as "INTRODUCTORY"));
  const lastRate = ({ lastPack: last }: DashboardGroup) =>
    last ? `${packName({ number: last.number })}: ${pct(last.respondents, last.recipients)}` : none;
  const progressOf = (g: DashboardGroup) => progressValue({ covered: g.lessonsCovered, lessons: g.lessons, packs: g.publishedPacks });
  const levelCell = (l: LevelSummary, key: "groups" | "activeMembers" | "rate" | "online" | "mail" | "emessage" | "quiet") =>
    key === "rate" ? pct(l.respondents, l.recipients) : key === "online" ? days(l.medianOnlineDays) : key === "mail" ? days(l.medianMailDays) : key === "emessage" ? days(l.medianEmessageDays) : l[key];
  // E-message figures only where some answer came back that way (decision 049).
  const channels = turnaroundChannels(d.turnaround);
  const emessage = channels.includes("EMESSAGE");
  const turnaroundTitle = { ONLINE: t("dashboard.turnaroundOnline"), MAIL: t("dashboard.turnaroundMail"), EMESSAGE: t("dashboardEmessage.turnaround") };

  return (
    <>
      {/* data-wide: the page of wide tables gets the wide column (app/(app)/layout.tsx). */}
      <h1 data-wide="" className="text-2xl font-semibold">
        {t("dashboard.title")}
      </h1>
      <p className="mt-2 text-muted">{t("dashboard.intro")}</p>
      <OrganizationPicker path="/dashboard" label={t("dashboard.chooseOrganization")} organizations={d.organizations} currentId={d.organization.id} />

      <section aria-labelledby="levels" className="mt-8">
        <h2 id="levels" className="text-xl font-semibold">
          {t("dashboard.levels")}
        </h2>
        <div tabIndex={0} role="group" aria-label={t("dashboard.levels")} className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
          <table className="min-w-full text-sm">
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-200 px-3 py-2 text-left font-medium">
                  <span className="sr-only">{t("dashboard.level")}</span>
                </th>
                {d.levels.map((l) => (
                  <th key={l.level} scope="col" className="border-b border-stone-200 px-3 py-2 text-right font-medium">
                    {levelName(l.level)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["groups", t("dashboard.groups")],
                  ["activeMembers", t("dashboard.activeMembers")],
                  ["rate", t("dashboard.responseRate")],
                  ["online", t("dashboard.medianOnline")],
                  ["mail", t("dashboard.medianMail")],
                  ...(emessage ? [["emessage", t("dashboardEmessage.median")] as const] : []),
                  ["quiet", t("dashboard.quiet")],
                ] as const
              ).map(([key, label]) => (
                <tr key={key}>
                  <th scope="row" className="border-b border-stone-100 px-3 py-2 text-left font-normal">
                    {label}
                  </th>
                  {d.levels.map((l) => (
                    <td key={l.level} className="border-b border-stone-100 px-3 py-2 text-right tabular-nums">
                      {levelCell(l, key)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="groups" className="mt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="groups" className="text-xl font-semibold">
            {t("dashboard.groups")}
          </h2>
          <a href={`/dashboard/export${orgQuery}`} className="text-accent underline underline-offset-4" download>
            {t("dashboard.export")}
          </a>
        </div>
        {/* Paged, with a search by name: a network has thousands of groups (decision 041). */}
        {(paging.matching > paging.pageSize || paging.q) && (
          <ListSearch
            action="/dashboard"
            organizationId={d.organizations.length > 1 ? d.organization.id : undefined}
            q={paging.q}
            clearHref={listAt(1, "")}
            labels={{ search: t("dashboardPaging.search"), button: t("dashboardPaging.searchButton"), clear: t("dashboardPaging.clear") }}
          />
        )}
        {d.groups.length === 0 ? (
          <p className="mt-3">
            {paging.q ? t("dashboardPaging.noMatch", { q: paging.q }) : paging.matching === 0 ? t("dashboard.noGroups") : t("dashboardPaging.pastEnd")}{" "}
            {paging.matching > 0 && (
              <a href={listAt(1)} className="text-accent underline underline-offset-4">
                {t("dashboardPaging.firstPage")}
              </a>
            )}
          </p>
        ) : (
          <>
            {paging.pages > 1 && <p className="mt-3 text-sm text-muted">{t("dashboardPaging.showing", { from, to: from + d.groups.length - 1, matching: paging.matching })}</p>}
            <GroupTable
              model={{
                head: [
                  t("dashboard.group"),
                  t("dashboard.level"),
                  t("dashboard.activeMembers"),
                  t("dashboard.responseRate"),
                  t("dashboard.lastPack"),
                  t("dashboard.medianOnlineShort"),
                  t("dashboard.medianMailShort"),
                  ...(emessage ? [t("dashboardEmessage.medianShort")] : []),
                  t("dashboard.quiet"),
                  t("dashboard.progress"),
                ],
                rows: d.groups.map((g) => ({
                  slug: g.slug,
                  name: g.name,
                  cells: [
                    levelName(g.level),
                    String(g.activeMembers),
                    pct(g.respondents, g.recipients),
                    lastRate(g),
                    days(g.medianOnlineDays),
                    days(g.medianMailDays),
                    ...(emessage ? [days(g.medianEmessageDays)] : []),
                    String(g.quiet),
                    progressOf(g),
                  ],
                  quiet: g.quiet,
                })),
              }}
            />
          </>
        )}
        <Pager
          label={t("dashboardPaging.pagerLabel")}
          page={paging.page}
          pages={paging.pages}
          href={(page) => listAt(page)}
          text={{ previous: tPaging("previous"), next: tPaging("next"), pageOf: tPaging("pageOf", { page: paging.page, pages: paging.pages }) }}
        />
        <p className="mt-2 text-sm">
          <a href={`/dashboard/export${orgQuery}${orgQuery ? "&" : "?"}table=packs`} className="text-accent underline underline-offset-4" download>
            {t("dashboard.exportPacks")}
          </a>
        </p>
      </section>

      <section aria-labelledby="rates" className="mt-10">
        <h2 id="rates" className="text-xl font-semibold">
          {t("dashboard.ratesTitle")}
        </h2>
        <RateLineChart
          title={t("dashboard.ratesTitle")}
          description={t("dashboard.ratesIntro")}
          series={d.levels.filter((l) => l.groups > 0).map((l) => ({ label: levelName(l.level), points: l.packRates.map((p) => ({ x: p.number, y: rate(p.respondents, p.recipients) })) }))}
          xLabel={t("chart.packAxis")}
          yLabel={t("chart.rateAxis")}
          tableLabel={t("chart.table")}
          emptyLabel={t("chart.empty")}
          xName={(n) => packN({ number: n })}
        />
      </section>

      <section aria-labelledby="turnaround" className="mt-10">
        <h2 id="turnaround" className="text-xl font-semibold">
          {t("dashboard.turnaroundTitle")}
        </h2>
        <p className="mt-1 text-muted">{t("dashboard.turnaroundIntro", { cap: TURNAROUND_CAP_WEEKS })}</p>
        {channels.map((channel) => (
          <BarChart
            key={channel}
            title={turnaroundTitle[channel]}
            bars={weeklyTurnaround(d.turnaround[channel]).map((w) => ({ label: w.orMore ? t("chart.weekOrMore", { week: w.week }) : String(w.week), value: w.cells }))}
            xLabel={t("chart.weeksAxis")}
            yLabel={t("chart.countAxis")}
            tableLabel={t("chart.table")}
            emptyLabel={t("chart.empty")}
          />
        ))}
      </section>

      <section aria-labelledby="facilities" className="mt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="facilities" className="text-xl font-semibold">
            {t("dashboard.facilitiesTitle")}
          </h2>
          <a href={`/dashboard/export${orgQuery}${orgQuery ? "&" : "?"}table=facilities`} className="text-accent underline underline-offset-4" download>
            {t("dashboard.exportFacilities")}
          </a>
        </div>
        <p className="mt-1 text-muted">{t("dashboard.facilitiesIntro")}</p>
        {d.facilityIssues.length === 0 ? (
          <p className="mt-3">{t("dashboard.noIssues")}</p>
        ) : (
          <>
            <HorizontalBarChart
              title={t("dashboard.facilitiesTitle")}
              bars={[...d.facilityIssues.reduce((m, f) => m.set(f.facility || unknownFacility, (m.get(f.facility || unknownFacility) ?? 0) + f.count), new Map<string, number>())]
                .map(([label, value]) => ({ label, value }))
                .sort((a, b) => b.value - a.value)}
              nameLabel={t("dashboard.facility")}
              valueLabel={t("dashboard.count")}
              tableLabel={t("chart.table")}
              emptyLabel={t("chart.empty")}
            />
            {/* Markup, not React elements, sent once: a network has hundreds of these rows (decisions 015, 043). */}
            <ServerMarkup
              className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
              scrollLabel={t("dashboard.facilitiesTitle")}
              markup={html`<table class="min-w-full text-sm [&_tbody_td]:border-b [&_tbody_td]:border-stone-100 [&_tbody_td]:px-3 [&_tbody_td]:py-2 [&_tbody_th]:border-b [&_tbody_th]:border-stone-100 [&_tbody_th]:px-3 [&_tbody_th]:py-2 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_th]:break-words"><thead><tr><th scope="col" class="border-b border-stone-200 px-3 py-2 text-left font-medium">${t("dashboard.facility")}</th><th scope="col" class="border-b border-stone-200 px-3 py-2 text-left font-medium">${t("dashboard.reason")}</th><th scope="col" class="border-b border-stone-200 px-3 py-2 text-right font-medium">${t("dashboard.count")}</th></tr></thead><tbody>${d.facilityIssues.map(
                (f) => html`<tr><th scope="row">${f.facility || unknownFacility}</th><td class="break-words"><span class="font-medium">${statusName(f.status)}</span>: ${f.reason || noReason}</td><td class="text-right tabular-nums">${f.count}</td></tr>`,
              )}</tbody></table>`}
            />
          </>
        )}
      </section>
    </>
  );
}
