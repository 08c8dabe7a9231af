// The members × packs matrix (a window of packs; the page pages through them). Scrolls sideways
// inside its own box with the member column pinned, so it reads on a phone; prints on paper
// without the links' decoration. A group is thousands of cells, so each cell is kept small: a
// plain <a> (no client component, no prefetch) whose look comes from the table's shared classes,
// a short visible code, and the full state in words as the link's accessible name.
import { getFormatter, getTranslations } from "next-intl/server";
import type { GroupProgress, ProgressCellView, ProgressRow } from "@/lib/data/progress";
import { CELL_STATES, type CellState } from "@/lib/progress/cell-state";
import { progressQuery, type ProgressFilters } from "@/lib/progress/filters";
import { STATE_CLASSES } from "@/components/progress/state-style";

/** Where a cell leads: the answers, the mail log, or (for a mail member's prompt) the transcription form. */
function cellHref(slug: string, row: ProgressRow, cell: ProgressCellView): string {
  const base = `/groups/${slug}/packs/${cell.packNumber}`;
  if (cell.state === "answered" || cell.state === "feedback") return `${base}/responses`;
  return row.member.channel === "MAIL" ? `${base}/mail` : `${base}/responses`;
}

// Written once on the table instead of on each of its cells.
const TABLE =
  "min-w-full border-separate border-spacing-0 text-sm [&_td]:border-b [&_td]:border-l [&_td]:border-stone-200 [&_td]:p-0 [&_td]:align-top [&_td>a]:block [&_td>a]:min-h-11 [&_td>a]:px-2 [&_td>a]:py-2 [&_td>a]:whitespace-nowrap [&_td>a]:no-underline [&_td>a:hover]:underline [&_small]:block [&_small]:text-xs [&_small]:font-normal";

export async function ProgressMatrix({ slug, data, filters }: { slug: string; data: GroupProgress; filters: ProgressFilters }) {
  const [t, format] = await Promise.all([getTranslations("progress"), getFormatter()]);
  const open = data.openPack;
  const href = (f: ProgressFilters) => {
    const q = progressQuery(f);
    return q ? `/groups/${slug}/progress?${q}` : `/groups/${slug}/progress`;
  };
  // Every label is made once, not once per cell.
  const full = Object.fromEntries(CELL_STATES.map((s) => [s, t(`states.${s}`)])) as Record<CellState, string>;
  const short = Object.fromEntries(CELL_STATES.map((s) => [s, t(`matrix.short.${s}`)])) as Record<CellState, string>;
  const promptsOf = new Map(data.packs.map((p) => [p.number, p.prompts]));
  const memo = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = make()));
    return v;
  };
  const day = (d: Date) => once(`d${d.getTime()}`, () => format.dateTime(d, { day: "numeric", month: "short", timeZone: "UTC" }));
  const mailedOn = (d: Date) => once(`m${d.getTime()}`, () => t("matrix.mailedOn", { date: format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) }));
  const answeredOf = (answered: number, prompts: number) => once(`a${answered}/${prompts}`, () => t("matrix.answeredOf", { answered, prompts }));
  const promptLabel = { feedback: t("matrix.promptFeedback"), answered: t("matrix.promptAnswered"), missing: t("matrix.promptMissing") };

  const cell = (row: ProgressRow, c: ProgressCellView) => {
    const answered = c.state === "answered" || c.state === "feedback";
    const prompts = promptsOf.get(c.packNumber) ?? 0;
    const mailed = (c.state === "mailed" || c.state === "awaitingMail" || c.state === "overdue") && c.mailedOn ? c.mailedOn : null;
    const reason = c.state === "returned" ? c.reason : null;
    const name = [full[c.state], answered ? answeredOf(c.answeredPrompts, prompts) : null, mailed ? mailedOn(mailed) : null, reason].filter(Boolean).join(", ");
    return (
      <td key={c.packNumber} className={STATE_CLASSES[c.state]}>
        <a href={cellHref(slug, row, c)} aria-label={name}>
          {answered ? `${c.answeredPrompts}/${prompts}${c.state === "feedback" ? " ✓" : ""}` : short[c.state]}
          {mailed && <small>{day(mailed)}</small>}
          {reason && <small className="max-w-[12rem] whitespace-normal break-words">{reason}</small>}
        </a>
      </td>
    );
  };

  return (
    <div className="mt-4 max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white print:max-h-none print:overflow-visible">
      <table className={TABLE}>
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
                <a
                  href={href({ ...filters, open: open?.number === p.number ? undefined : p.number })}
                  className="inline-block py-1 text-xs font-normal whitespace-nowrap text-accent underline underline-offset-2 print:hidden"
                  aria-label={open?.number === p.number ? t("matrix.close") : t("matrix.open", { number: p.number })}
                >
                  {open?.number === p.number ? t("matrix.closeShort") : t("matrix.openShort")}
                </a>
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
                <a href={`/groups/${slug}/members/${row.member.id}/timeline`} className="text-xs text-accent underline underline-offset-2 print:no-underline" aria-label={t("matrix.timelineOf", { name: row.member.penName })}>
                  {t("matrix.timeline")}
                </a>
              </th>
              {row.cells.map((c) => {
                const main = cell(row, c);
                if (!c.prompts) return main;
                return [
                  main,
                  ...c.prompts.map((p) => {
                    const label = p.feedback ? promptLabel.feedback : p.answered ? promptLabel.answered : promptLabel.missing;
                    const to = p.answered ? `/groups/${slug}/packs/${c.packNumber}/responses#prompt-${p.promptId}` : row.member.channel === "MAIL" ? `/groups/${slug}/packs/${c.packNumber}/transcribe/${row.member.id}/${p.promptId}` : `/groups/${slug}/packs/${c.packNumber}/responses#prompt-${p.promptId}`;
                    return (
                      <td key={`${c.packNumber}-${p.promptId}`} className={p.feedback ? STATE_CLASSES.feedback : p.answered ? STATE_CLASSES.answered : STATE_CLASSES.notSent}>
                        <a href={to}>{label}</a>
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
