// The charts' markup (SVG with a table of the same numbers behind it, in a <details>), drawn
// from their figures by pure functions on the server and sent once in the HTML (chart-block.tsx,
// server-markup.tsx), like the progress matrix (docs/decisions/015 and 043).
import { html, type Html } from "@/components/ui/html";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 56, right: 12, top: 12, bottom: 36 };
const COLORS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490"];
/** Coordinates to a tenth of a unit: finer than a screen shows, and short. */
const r1 = (n: number) => Math.round(n * 10) / 10;

type Table = { caption: string; head: string[]; rows: (string | number)[][] };
/** What every chart says in words: its title, an optional line under it, and the label of its table. */
type Frame = { title: string; description?: string; tableLabel: string; emptyLabel: string };

export type ChartModel =
  | (Frame & { kind: "lines"; series: { label: string; points: { x: number; y: number | null }[] }[]; xLabel: string; yLabel: string; xNames: Record<number, string> })
  | (Frame & { kind: "bars"; bars: { label: string; value: number }[]; xLabel: string; yLabel: string })
  | (Frame & { kind: "hbars"; bars: { label: string; value: number }[]; nameLabel: string; valueLabel: string });

/** Scrolls sideways on a phone; focusable, so a keyboard can scroll it too (axe: scrollable-region-focusable). */
const SCROLLER = "mt-2 overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";

function frame({ title, description, table, tableLabel, chart }: { title: string; description?: string; table: Table; tableLabel: string; chart: Html | null }): Html {
  return html`<figure class="mt-4 max-w-3xl rounded-lg border border-stone-200 bg-white p-4 break-inside-avoid"><figcaption class="font-semibold">${title}</figcaption>${description && html`<p class="text-sm text-muted">${description}</p>`}<div class="${SCROLLER}" tabindex="0" role="group" aria-label="${title}">${chart}</div><details class="mt-2"><summary class="cursor-pointer text-sm font-medium text-accent">${tableLabel}</summary><div class="${SCROLLER}" tabindex="0" role="group" aria-label="${table.caption}"><table class="text-sm [&_td]:px-2 [&_td]:py-1 [&_td]:text-right [&_td]:tabular-nums [&_tbody_th]:px-2 [&_tbody_th]:py-1 [&_tbody_th]:text-left [&_tbody_th]:font-normal"><caption class="sr-only">${table.caption}</caption><thead><tr>${table.head.map((h) => html`<th scope="col" class="border-b border-stone-200 px-2 py-1 text-left font-medium">${h}</th>`)}</tr></thead><tbody>${table.rows.map((row) => html`<tr>${row.map((cell, j) => (j === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table></div></details></figure>`;
}

/** Round steps (1, 2 or 5 × a power of ten, at least 1) up to a tick at or above the largest value. */
export function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!);
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

/** Room left of the plot for the tick numbers and the turned axis title: wider for long numbers. */
const leftOf = (yTicks: number[]) => Math.max(PAD.left, 26 + 7 * String(yTicks[yTicks.length - 1] ?? 0).length);

function axes({ yMax, yTicks, yLabel, xLabel, left = PAD.left }: { yMax: number; yTicks: number[]; yLabel: string; xLabel: string; left?: number }): Html {
  const y = (v: number) => r1(PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / (yMax || 1)));
  const middle = PAD.top + (HEIGHT - PAD.top - PAD.bottom) / 2;
  return html`<g class="text-[11px]" fill="#57534e">${yTicks.map((t) => html`<line x1="${left}" x2="${WIDTH - PAD.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e7e5e4"></line><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`)}<text x="${left + (WIDTH - left - PAD.right) / 2}" y="${HEIGHT - 4}" text-anchor="middle">${xLabel}</text><text x="12" y="${middle}" text-anchor="middle" transform="rotate(-90 12 ${middle})">${yLabel}</text></g>`;
}

const svg = (height: number, title: string, body: Html) => html`<svg viewBox="0 0 ${WIDTH} ${height}" class="h-auto w-full min-w-[32rem]" role="img" aria-label="${title}">${body}</svg>`;


export function chartMarkup(m: ChartModel): Html {
  if (m.kind === "lines") return lines(m);
  if (m.kind === "bars") return bars(m);
  return hbars(m);
}

/** Lines over pack numbers (e.g. response rate in % per pack, one line per level or group). */
function lines({ title, description, series, xLabel, yLabel, tableLabel, emptyLabel, xNames }: Extract<ChartModel, { kind: "lines" }>): Html {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const byX = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])));
  const table: Table = {
    caption: title,
    head: [xLabel, ...series.map((s) => s.label)],
    rows: xs.map((x) => [xNames[x] ?? String(x), ...byX.map((m) => m.get(x) ?? "—")]),
  };
  if (xs.length === 0) return frame({ title, description: emptyLabel, table, tableLabel, chart: null });
  const minX = xs[0]!;
  const maxX = xs[xs.length - 1]!;
  const x = (v: number) => r1(PAD.left + (WIDTH - PAD.left - PAD.right) * (maxX === minX ? 0.5 : (v - minX) / (maxX - minX)));
  const y = (v: number) => r1(PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / 100));
  // At most 16 numbers under the axis, so that fifty packs do not run into each other.
  const everyX = Math.ceil(xs.length / 16);
  const marks = series.map((s, i) => {
    const pts = s.points.filter((p): p is { x: number; y: number } => p.y !== null);
    const color = COLORS[i % COLORS.length]!;
    return html`<g><polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${x(p.x)},${y(p.y)}`).join(" ")}"></polyline>${pts.map((p) => html`<circle cx="${x(p.x)}" cy="${y(p.y)}" r="3" fill="${color}"><title>${`${s.label} · ${xNames[p.x] ?? p.x}: ${p.y}%`}</title></circle>`)}</g>`;
  });
  const chart = html`${svg(HEIGHT, title, html`${axes({ yMax: 100, yTicks: [0, 25, 50, 75, 100], yLabel, xLabel })}${xs.map((v, i) => i % everyX === 0 && html`<text x="${x(v)}" y="${HEIGHT - PAD.bottom + 14}" text-anchor="middle" class="text-[11px]" fill="#57534e">${v}</text>`)}${marks}`)}${
    series.length > 1 &&
    html`<ul class="mt-1 flex flex-wrap gap-x-4 text-sm" aria-hidden="true">${series.map((s, i) => html`<li class="flex items-center gap-1"><svg class="h-2 w-4" viewBox="0 0 16 8"><rect width="16" height="8" rx="2" fill="${COLORS[i % COLORS.length]!}"></rect></svg>${s.label}</li>`)}</ul>`
  }`;
  return frame({ title, description, table, tableLabel, chart });
}

/** Vertical bars (e.g. how many answers took so many days). */
function bars({ title, description, bars, xLabel, yLabel, tableLabel, emptyLabel }: Extract<ChartModel, { kind: "bars" }>): Html {
  const table: Table = { caption: title, head: [xLabel, yLabel], rows: bars.map((b) => [b.label, b.value]) };
  if (bars.length === 0) return frame({ title, description: emptyLabel, table, tableLabel, chart: null });
  const max = Math.max(...bars.map((b) => b.value));
  const yTicks = ticks(max);
  const yMax = Math.max(max, yTicks[yTicks.length - 1]!);
  const left = leftOf(yTicks);
  const inner = WIDTH - left - PAD.right;
  const w = inner / bars.length;
  const y = (v: number) => r1(PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / (yMax || 1)));
  const every = Math.ceil(bars.length / 16);
  const marks = bars.map(
    (b, i) =>
      html`<g><rect x="${r1(left + i * w + w * 0.1)}" width="${r1(w * 0.8)}" y="${y(b.value)}" height="${r1(Math.max(0, HEIGHT - PAD.bottom - y(b.value)))}" fill="${COLORS[0]!}"><title>${`${b.label}: ${b.value}`}</title></rect>${i % every === 0 && html`<text x="${r1(left + i * w + w / 2)}" y="${HEIGHT - PAD.bottom + 14}" text-anchor="middle" class="text-[11px]" fill="#57534e">${b.label}</text>`}</g>`,
  );
  return frame({ title, description, table, tableLabel, chart: svg(HEIGHT, title, html`${axes({ yMax, yTicks, yLabel, xLabel, left })}${marks}`) });
}

/** Horizontal bars with a label each (e.g. rejections per facility). */
function hbars({ title, description, bars, valueLabel, tableLabel, emptyLabel, nameLabel }: Extract<ChartModel, { kind: "hbars" }>): Html {
  const table: Table = { caption: title, head: [nameLabel, valueLabel], rows: bars.map((b) => [b.label, b.value]) };
  if (bars.length === 0) return frame({ title, description: emptyLabel, table, tableLabel, chart: null });
  const max = Math.max(...bars.map((b) => b.value), 1);
  const row = 28;
  const labelWidth = 200;
  const height = bars.length * row + 8;
  const marks = bars.map((b, i) => {
    const width = r1(((WIDTH - labelWidth - 48) * b.value) / max);
    return html`<g class="text-[12px]"><text x="${labelWidth - 8}" y="${i * row + 19}" text-anchor="end" fill="#1c1917">${b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}</text><rect x="${labelWidth}" y="${i * row + 6}" width="${width}" height="${row - 10}" fill="#b45309"><title>${`${b.label}: ${b.value}`}</title></rect><text x="${r1(labelWidth + width + 6)}" y="${i * row + 19}" fill="#1c1917">${b.value}</text></g>`;
  });
  return frame({ title, description, table, tableLabel, chart: svg(height, title, html`${marks}`) });
}
