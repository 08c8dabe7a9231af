// The progress matrix's markup, drawn by one function from compact data — for a cell, a state
// and indexes into a table of the texts many cells share — on the server, and sent once in the
// page's HTML (components/progress/server-markup.tsx; docs/decisions/015-large-tables-as-markup.md
// and 043-pages-near-the-floor.md).
import { CELL_STATES, type CellState } from "@/lib/progress/cell-state";
import { STATE_CELL_VARIANTS, STATE_CODES } from "@/components/progress/state-style";
import { html, type Html } from "@/components/ui/html";
import type { Channel } from "@/lib/generated/prisma/enums";

/** One cell: state (index in CELL_STATES), prompts answered, then indexes into `texts` (-1: none) of its accessible name, its date line and its reason line. */
export type MatrixCell = [state: number, answered: number, name: number, day: number, reason: number];
/** The opened pack's prompts for one member, in `open.prompts` order: 0 missing, 1 answered, 2 with feedback. */
export type MatrixPromptCells = number[];

export type MatrixModel = {
  /** Where the group's links start: `/groups/<slug>`, or `.` on the group's own progress page (shorter, and the same). */
  base: string;
  labels: {
    caption: string;
    member: string;
    timeline: string;
    quiet: string;
    mail: string;
    online: string;
    emessage: string;
    short: Record<CellState, string>;
    prompt: { missing: string; answered: string; feedback: string };
  };
  packs: { number: number; prompts: number; name: string; title: string | null; rate: string; toggle: { href: string; name: string; text: string } }[];
  open: { number: number; name: string; prompts: { id: string; name: string }[] } | null;
  texts: string[];
  rows: { id: string; penName: string; personal: string | null; channel: Channel; quiet: boolean; timelineName: string; cells: MatrixCell[]; prompts?: MatrixPromptCells }[];
};

// Written once on the table instead of on each of its cells.
const TABLE =
  "min-w-full border-separate border-spacing-0 text-sm [&_td]:border-b [&_td]:border-l [&_td]:border-stone-200 [&_td]:p-0 [&_td]:align-top [&_td>a]:block [&_td>a]:min-h-11 [&_td>a]:px-2 [&_td>a]:py-2 [&_td>a]:whitespace-nowrap [&_td>a]:no-underline [&_td>a:hover]:underline [&_small]:block [&_small]:text-xs [&_small]:font-normal [&_tbody_th]:sticky [&_tbody_th]:left-0 [&_tbody_th]:z-10 [&_tbody_th]:max-w-[11rem] [&_tbody_th]:border-b [&_tbody_th]:border-stone-200 [&_tbody_th]:bg-white [&_tbody_th]:px-3 [&_tbody_th]:py-2 [&_tbody_th]:text-left [&_tbody_th]:align-top [&_tbody_th]:font-normal sm:[&_tbody_th]:max-w-none [&_tbody_th>span]:block [&_tbody_th>span]:break-words [&_tbody_th>span+span]:text-xs [&_tbody_th>span+span]:text-muted [&_tbody_th>a]:text-xs [&_tbody_th>a]:text-accent [&_tbody_th>a]:underline [&_tbody_th>a]:underline-offset-2 print:[&_tbody_th>a]:no-underline";
const PROMPT_CODES = [STATE_CODES.notSent, STATE_CODES.answered, STATE_CODES.feedback];

export function matrixMarkup(m: MatrixModel): Html {
  const { base, labels, texts, open } = m;
  const promptsOf = new Map(m.packs.map((p) => [p.number, p.prompts]));
  const text = (i: number) => (i >= 0 ? texts[i] : undefined);

  const cell = (channel: Channel, packNumber: number, [stateIndex, answered, name, day, reason]: MatrixCell): Html => {
    const state = CELL_STATES[stateIndex]!;
    const done = state === "answered" || state === "feedback";
    // Answers lead to the answers; an unanswered mail member's cell to the mail log, an
    // e-message member's to the pack's messages.
    const to = `${base}/packs/${packNumber}/${done || channel === "ONLINE" ? "responses" : channel === "MAIL" ? "mail" : "emessage"}`;
    const shown = done ? `${answered}/${promptsOf.get(packNumber) ?? 0}${state === "feedback" ? " ✓" : ""}` : labels.short[state];
    const dayText = text(day);
    const reasonText = text(reason);
    // The link's name starts with what it shows ("2/3 ✓") and goes on in words for screen
    // readers; the small lines are in those words already, so they are hidden from them. Never
    // an aria-label that differs from the visible text (axe: label-content-name-mismatch).
    return html`<td data-s="${STATE_CODES[state]}"><a href="${to}">${shown}<span class="sr-only">: ${text(name)}</span>${dayText !== undefined && html`<small aria-hidden="true">${dayText}</small>`}${reasonText !== undefined && html`<small aria-hidden="true" class="max-w-[12rem] whitespace-normal break-words">${reasonText}</small>`}</a></td>`;
  };

  const promptCells = (row: MatrixModel["rows"][number]): Html[] =>
    (row.prompts ?? []).map((value, i) => {
      const prompt = open!.prompts[i]!;
      // A missing answer of a mail member is typed from the letter; of an e-message member, pasted
      // from the reply on their page.
      const to =
        value > 0 || row.channel === "ONLINE"
          ? `${base}/packs/${open!.number}/responses#prompt-${prompt.id}`
          : row.channel === "MAIL"
            ? `${base}/packs/${open!.number}/transcribe/${row.id}/${prompt.id}`
            : `${base}/members/${row.id}/emessage`;
      const label = value === 2 ? labels.prompt.feedback : value === 1 ? labels.prompt.answered : labels.prompt.missing;
      return html`<td data-s="${PROMPT_CODES[value]!}"><a href="${to}">${label}</a></td>`;
    });

  const head = m.packs.map((p) => {
    const opened = open?.number === p.number;
    return html`<th scope="col" colspan="${opened ? open.prompts.length + 1 : 1}" class="sticky top-0 z-10 border-b border-l border-stone-200 bg-white px-2 py-2 text-left align-bottom font-medium"><span class="block whitespace-nowrap"${p.title !== null && html` title="${p.title}"`}>${p.name}</span><span class="block text-xs font-normal whitespace-nowrap text-muted">${p.rate}</span><a href="${p.toggle.href}" class="inline-block py-1 text-xs font-normal whitespace-nowrap text-accent underline underline-offset-2 print:hidden" aria-label="${p.toggle.name}">${p.toggle.text}</a></th>`;
  });
  const promptHead =
    open &&
    html`<tr><th scope="col" class="sticky left-0 z-10 border-b border-stone-200 bg-white px-3 py-1"></th>${m.packs.map((p) =>
      p.number === open.number
        ? html`<th scope="col" class="border-b border-l border-stone-200 bg-stone-50 px-2 py-1 text-left text-xs font-normal text-muted">${open.name}</th>${open.prompts.map((pr) => html`<th scope="col" class="border-b border-l border-stone-200 bg-stone-50 px-2 py-1 text-left text-xs font-medium whitespace-nowrap">${pr.name}</th>`)}`
        : html`<th scope="col" class="border-b border-l border-stone-200 bg-stone-50"></th>`,
    )}</tr>`;

  const body = m.rows.map((row) => {
    const cells = row.cells.map((c, i) => {
      const number = m.packs[i]!.number;
      return number === open?.number ? [cell(row.channel, number, c), promptCells(row)] : cell(row.channel, number, c);
    });
    return html`<tr><th scope="row"><span class="font-medium">${row.penName}</span>${row.personal !== null && html`<span>${row.personal}</span>`}<span>${row.channel === "MAIL" ? labels.mail : row.channel === "EMESSAGE" ? labels.emessage : labels.online}${row.quiet && html` · <span class="font-semibold text-red-900">${labels.quiet}</span>`}</span><a href="${base}/members/${row.id}/timeline" aria-label="${row.timelineName}">${labels.timeline}</a></th>${cells}</tr>`;
  });

  return html`<table class="${TABLE} ${STATE_CELL_VARIANTS}"><caption class="sr-only">${labels.caption}</caption><thead><tr><th scope="col" class="sticky top-0 left-0 z-20 border-b border-stone-200 bg-white px-3 py-2 text-left font-medium">${labels.member}</th>${head}</tr>${promptHead}</thead><tbody>${body}</tbody></table>`;
}
