import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/forms/select-field";
import { RateLineChart } from "@/components/progress/charts";
import { PrintButton } from "@/components/progress/print-button";
import { ProgressMatrix } from "@/components/progress/progress-matrix";
import { STATE_CLASSES } from "@/components/progress/state-style";
import { groupPage } from "@/lib/authz";
import { rate } from "@/lib/data/dashboard";
import { viewGroupProgress } from "@/lib/data/progress";
import { messageTemplate } from "@/lib/i18n/message-template";
import { CELL_STATES } from "@/lib/progress/cell-state";
import { parseProgressFilters, progressQuery, STATUS_FILTERS } from "@/lib/progress/filters";

type Props = { params: Promise<{ groupSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("matrix.title") };
}

export default async function ProgressPage({ params, searchParams }: Props) {
  const { groupSlug } = await params;
  const ctx = await groupPage(groupSlug, "progress.view");
  const { filters, ignored } = parseProgressFilters(await searchParams);
  const [data, t] = await Promise.all([viewGroupProgress(ctx, filters), getTranslations("progress")]);
  const base = `/groups/${groupSlug}/progress`;
  const query = progressQuery({ ...filters, open: undefined, upto: undefined });
  const latest = data.allPacks.at(-1)?.number;
  const windowHref = (upto: number) => `${base}?${progressQuery({ ...filters, open: undefined, upto: upto === latest ? undefined : upto })}`.replace(/\?$/, "");
  // Said once for each of the group's packs (the filter, the chart): formatted once.
  const packName = messageTemplate(["number"], (m) => t("matrix.pack", m));
  const packN = messageTemplate(["number"], (m) => t("chart.packN", m));
  const filtered = Boolean(filters.channel || filters.status || filters.facility || filters.pack);

  return (
    <>
      <p className="print:hidden">
        <Link href={`/groups/${groupSlug}`} className="text-sm text-accent underline underline-offset-4">
          {ctx.group.name}
        </Link>
      </p>
      {/* data-wide: the matrix gets the wide column (app/(app)/layout.tsx). */}
      <h1 data-wide="" className="mt-2 text-2xl font-semibold">
        {t("matrix.title")} <span className="hidden print:inline">· {ctx.group.name}</span>
      </h1>
      <p className="mt-2 text-muted">{t("matrix.intro", { days: data.turnaroundDays })}</p>
      {data.personal && <p className="mt-1 text-sm text-muted">{t("matrix.privacy")}</p>}

      <form method="get" action={base} className="mt-6 max-w-3xl rounded-lg border border-stone-200 bg-white p-4 print:hidden">
        <fieldset>
          <legend className="text-lg font-semibold">{t("matrix.filters.legend")}</legend>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("matrix.filters.status")}
              name="status"
              defaultValue={filters.status ?? ""}
              options={[{ value: "", label: t("matrix.filters.any") }, ...STATUS_FILTERS.map((s) => ({ value: s, label: t(`states.${s}`) }))]}
            />
            <SelectField
              label={t("matrix.filters.pack")}
              name="pack"
              defaultValue={filters.pack ? String(filters.pack) : ""}
              options={[{ value: "", label: t("matrix.filters.anyPack") }, ...data.allPacks.map((p) => ({ value: String(p.number), label: packName({ number: p.number }) }))]}
            />
            <SelectField
              label={t("matrix.filters.channel")}
              name="channel"
              defaultValue={filters.channel ?? ""}
              options={[
                { value: "", label: t("matrix.filters.any") },
                { value: "ONLINE", label: t("matrix.filters.online") },
                { value: "MAIL", label: t("matrix.filters.mail") },
                { value: "EMESSAGE", label: t("matrix.filters.emessage") },
              ]}
            />
            {data.personal && data.facilities.length > 0 && (
              <SelectField
                label={t("matrix.filters.facility")}
                name="facility"
                defaultValue={filters.facility ?? ""}
                options={[{ value: "", label: t("matrix.filters.any") }, ...data.facilities.map((f) => ({ value: f.id, label: f.name }))]}
              />
            )}
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
            <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-medium text-white hover:bg-accent-strong">
              {t("matrix.filters.apply")}
            </button>
            {filtered && (
              <Link href={base} className="inline-block py-2 text-accent underline underline-offset-4">
                {t("matrix.filters.clear")}
              </Link>
            )}
          </div>
        </fieldset>
      </form>
      {ignored.length > 0 && (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("matrix.ignored", { fields: ignored.map((f) => t(`matrix.filters.${f === "open" || f === "upto" ? "pack" : f}`)).join(", ") })}
        </p>
      )}

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted" role="status">
          {t("matrix.showing", { shown: data.rows.length, total: data.total })}
        </p>
        <div className="flex flex-wrap gap-3 print:hidden">
          <a href={`${base}/export${query ? `?${query}` : ""}`} className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 font-medium text-accent hover:bg-stone-50" download>
            {t("matrix.export")}
          </a>
          <PrintButton label={t("matrix.print")} />
        </div>
      </div>

      {data.packs.length === 0 ? (
        <p className="mt-4">{t("matrix.noPacks")}</p>
      ) : data.rows.length === 0 ? (
        <p className="mt-4">{t("matrix.none")}</p>
      ) : (
        <>
          {(data.pager.earlier !== null || data.pager.later !== null) && (
            <nav aria-label={t("matrix.pager")} className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm print:hidden">
              <span className="text-muted">{t("matrix.window", { first: data.packs[0]!.number, last: data.packs.at(-1)!.number, count: data.allPacks.length })}</span>
              {data.pager.earlier !== null && (
                <a href={windowHref(data.pager.earlier)} className="inline-block py-2 text-accent underline underline-offset-4">
                  {t("matrix.earlier")}
                </a>
              )}
              {data.pager.later !== null && (
                <a href={windowHref(data.pager.later)} className="inline-block py-2 text-accent underline underline-offset-4">
                  {t("matrix.later")}
                </a>
              )}
            </nav>
          )}
          <ProgressMatrix slug={groupSlug} data={data} filters={filters} />
        </>
      )}

      <details open className="mt-4 print:hidden">
        <summary className="cursor-pointer text-sm font-medium text-accent">{t("matrix.legend")}</summary>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {CELL_STATES.filter((s) => s !== "answered" && s !== "feedback").map((s) => (
            <li key={s} className={`rounded px-2 py-1 ${STATE_CLASSES[s]}`}>
              <span className="font-semibold">{t(`matrix.short.${s}`)}</span>: {t(`states.${s}`)}
            </li>
          ))}
          <li className={`rounded px-2 py-1 ${STATE_CLASSES.answered}`}>{t("matrix.legendAnswered")}</li>
        </ul>
      </details>

      {data.allPacks.length > 0 && (
        <RateLineChart
          title={t("matrix.ratesChart")}
          series={[{ label: ctx.group.name, points: data.allPacks.map((p) => ({ x: p.number, y: rate(p.respondents, p.recipients) })) }]}
          xLabel={t("chart.packAxis")}
          yLabel={t("chart.rateAxis")}
          tableLabel={t("chart.table")}
          emptyLabel={t("chart.empty")}
          xName={(n) => packN({ number: n })}
        />
      )}
    </>
  );
}
