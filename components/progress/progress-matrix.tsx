// The members × packs matrix. Scrolls sideways inside its own box with the member column
// pinned, so it reads on a phone; prints on paper without the links' decoration.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { GroupProgress, ProgressCellView, ProgressRow } from "@/lib/data/progress";
import { progressQuery, type ProgressFilters } from "@/lib/progress/filters";
import { STATE_CLASSES } from "@/components/progress/state-style";

/** Where a cell leads: the answers, the mail log, or (for a mail member's prompt) the transcription form. */
function cellHref(slug: string, row: ProgressRow, cell: ProgressCellView): string {
  const base = `/groups/${slug}/packs/${cell.packNumber}`;
  if (cell.state === "answered" || cell.state === "feedback") return `${base}/responses`;
  return row.member.channel === "MAIL" ? `${base}/mail` : `${base}/responses`;
}

export async function ProgressMatrix({ slug, data, filters }: { slug: string; data: GroupProgress; filters: ProgressFilters }) {
  const [t, format] = await Promise.all([getTranslations("progress"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const open = data.openPack;
  const href = (f: ProgressFilters) => {
    const q = progressQuery(f);
    return q ? `/groups/${slug}/progress?${q}` : `/groups/${slug}/progress`;
  };
  return (
    <div className="mt-4 max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white print:max-h-none print:overflow-visible">
      <table className="min-w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{t("matrix.title")}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky top-0 left-0 z-20 border-b border-stone-200 bg-white px-3 py-2 text-left font-medium">
              {t("matrix.member")}
            </th>
            {data.packs.map((p) => (
              <th key={p.id} scope="col" colSpan={open?.number === p.number ? open.prompts.length + 1 : 1} className="sticky top-0 z-10 border-b border-l border-stone-200 bg-white px-2 py-2 text-left align-bottom font-medium">
                <span className="block whitespace-nowrap" title={p.title ? t("matrix.packTitle", { number: p.number, title: p.title }) : undefined}>
                  {t("matrix.pack", { number: p.number })}
                </span>
                <span className="block text-xs font-normal whitespace-nowrap text-muted">
                  {t("matrix.rateValue", { respondents: p.respondents, recipients: p.recipients })}
                </span>
                <Link
                  href={href({ ...filters, open: open?.number === p.number ? undefined : p.number })}
                  className="inline-block py-1 text-xs font-normal whitespace-nowrap text-accent underline underline-offset-2 print:hidden"
                  aria-label={open?.number === p.number ? t("matrix.close") : t("matrix.open", { number: p.number })}
                >
                  {open?.number === p.number ? t("matrix.closeShort") : t("matrix.openShort")}
                </Link>
              </th>
            ))}
          </tr>
          {open && (
            <tr>
              <th scope="col" className="sticky left-0 z-10 border-b border-stone-200 bg-white px-3 py-1" />
              {data.packs.map((p) =>
                p.number === open.number ? (
                  [
                    <th key={`${p.id}-all`} scope="col" className="border-b border-l border-stone-200 bg-stone-50 px-2 py-1 text-left text-xs font-normal text-muted">
                      {t("matrix.pack", { number: p.number })}
                    </th>,
                    ...open.prompts.map((pr) => (
                      <th key={pr.id} scope="col" className="border-b border-l border-stone-200 bg-stone-50 px-2 py-1 text-left text-xs font-medium whitespace-nowrap">
                        {t("matrix.prompt", { label: pr.label })}
                      </th>
                    )),
                  ]
                ) : (
                  <th key={p.id} scope="col" className="border-b border-l border-stone-200 bg-stone-50" />
                ),
              )}
            </tr>
          )}
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.member.id}>
              <th scope="row" className="sticky left-0 z-10 max-w-[11rem] border-b border-stone-200 bg-white px-3 py-2 text-left align-top font-normal sm:max-w-none">
                <span className="block font-medium break-words">{row.member.penName}</span>
                {row.member.legalName !== undefined && <span className="block text-xs break-words text-muted">{[row.member.legalName, row.member.facility].filter(Boolean).join(" · ")}</span>}
                <span className="block text-xs text-muted">
                  {row.member.channel === "MAIL" ? t("matrix.filters.mail") : t("matrix.filters.online")}
                  {row.quiet && <> · <span className="font-semibold text-red-900">{t("matrix.quiet")}</span></>}
                </span>
                <Link href={`/groups/${slug}/members/${row.member.id}/timeline`} className="text-xs text-accent underline underline-offset-2 print:no-underline" aria-label={t("matrix.timelineOf", { name: row.member.penName })}>
                  {t("matrix.timeline")}
                </Link>
              </th>
              {row.cells.map((cell) => {
                const main = (
                  <td key={cell.packNumber} className={`border-b border-l border-stone-200 p-0 align-top ${STATE_CLASSES[cell.state]}`}>
                    <Link href={cellHref(slug, row, cell)} className="block min-h-11 px-2 py-2 whitespace-nowrap no-underline hover:underline" data-state={cell.state}>
                      <span className="sr-only">{t("matrix.pack", { number: cell.packNumber })}: </span>
                      {t(`states.${cell.state}`)}
                      {(cell.state === "answered" || cell.state === "feedback") && (
                        <span className="block text-xs">{t("matrix.answeredOf", { answered: cell.answeredPrompts, prompts: data.packs.find((p) => p.number === cell.packNumber)?.prompts ?? 0 })}</span>
                      )}
                      {(cell.state === "mailed" || cell.state === "awaitingMail" || cell.state === "overdue") && cell.mailedOn && <span className="block text-xs">{t("matrix.mailedOn", { date: date(cell.mailedOn) })}</span>}
                      {cell.state === "returned" && cell.reason && <span className="block max-w-[12rem] text-xs font-normal whitespace-normal break-words">{cell.reason}</span>}
                    </Link>
                  </td>
                );
                if (!cell.prompts) return main;
                return [
                  main,
                  ...cell.prompts.map((p) => {
                    const label = p.feedback ? t("matrix.promptFeedback") : p.answered ? t("matrix.promptAnswered") : t("matrix.promptMissing");
                    const to = p.answered ? `/groups/${slug}/packs/${cell.packNumber}/responses#prompt-${p.promptId}` : row.member.channel === "MAIL" ? `/groups/${slug}/packs/${cell.packNumber}/transcribe/${row.member.id}/${p.promptId}` : `/groups/${slug}/packs/${cell.packNumber}/responses#prompt-${p.promptId}`;
                    return (
                      <td key={`${cell.packNumber}-${p.promptId}`} className={`border-b border-l border-stone-200 p-0 align-top ${p.feedback ? STATE_CLASSES.feedback : p.answered ? STATE_CLASSES.answered : STATE_CLASSES.notSent}`}>
                        <Link href={to} className="block min-h-11 px-2 py-2 whitespace-nowrap no-underline hover:underline">
                          {label}
                        </Link>
                      </td>
                    );
                  }),
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
