// The dashboard's table of groups, drawn as markup on the server and sent once, like the progress
// matrix (see matrix-markup.ts): each row drawn as React elements cost far more than the figures in it.
import { html, type Html } from "@/components/ui/html";

export type GroupTableModel = {
  head: string[];
  /** Each row: the group, then the shown texts of the other columns; the quiet count (second-last column) links to the quiet members when above 0. */
  rows: { slug: string; name: string; cells: string[]; quiet: number }[];
};

const TABLE =
  "min-w-full border-separate border-spacing-0 text-sm [&_td]:border-b [&_td]:border-stone-100 [&_td]:px-3 [&_td]:py-2 [&_td]:text-right [&_td]:whitespace-nowrap [&_td]:tabular-nums [&_tbody_th]:sticky [&_tbody_th]:left-0 [&_tbody_th]:z-10 [&_tbody_th]:border-b [&_tbody_th]:border-stone-100 [&_tbody_th]:bg-white [&_tbody_th]:px-3 [&_tbody_th]:py-2 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_th]:min-w-[9rem] [&_a]:text-accent [&_a]:underline [&_a]:underline-offset-4";

export function groupTableMarkup(m: GroupTableModel): Html {
  const head = m.head.map(
    (h, i) => html`<th scope="col" class="sticky top-0 border-b border-stone-200 bg-white px-3 py-2 font-medium ${i === 0 ? "left-0 z-20 text-left" : "z-10 text-right"}">${h}</th>`,
  );
  const rows = m.rows.map((r) => {
    // The quiet count is the second-last column, a link when there is someone to see.
    const progress = `/groups/${r.slug}/progress`;
    const cells = r.cells.map((c, i) => (i === r.cells.length - 2 && r.quiet > 0 ? html`<td><a href="${progress}?status=quiet">${c}</a></td>` : html`<td>${c}</td>`));
    return html`<tr data-group="${r.slug}"><th scope="row"><a href="${progress}">${r.name}</a></th>${cells}</tr>`;
  });
  return html`<table class="${TABLE}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
