// Hand-made SVG charts, each with a table of the same numbers behind it (in a <details>), so a
// screen reader or a printout gets the figures too. Server components; the caller passes every
// piece of text, already translated.
import type { ReactNode } from "react";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 36 };
const COLORS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490"];

type Table = { caption: string; head: string[]; rows: (string | number)[][] };

function ChartFrame({ title, description, table, tableLabel, children }: { title: string; description?: string; table: Table; tableLabel: string; children: ReactNode }) {
  return (
    <figure className="mt-4 rounded-lg border border-stone-200 bg-white p-4 break-inside-avoid">
      <figcaption className="font-semibold">{title}</figcaption>
      {description && <p className="text-sm text-muted">{description}</p>}
      <div className="mt-2 overflow-x-auto">{children}</div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-accent">{tableLabel}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="text-sm">
            <caption className="sr-only">{table.caption}</caption>
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th key={h} scope="col" className="border-b border-stone-200 px-2 py-1 text-left font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="px-2 py-1 text-left font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={j} className="px-2 py-1 text-right tabular-nums">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, Math.ceil(max / count));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

function Axes({ yMax, yTicks, yLabel, xLabel, format = String }: { yMax: number; yTicks: number[]; yLabel: string; xLabel: string; format?: (n: number) => string }) {
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / (yMax || 1));
  return (
    <g className="text-[11px]" fill="#57534e">
      {yTicks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#e7e5e4" />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
      <text x={PAD.left + (WIDTH - PAD.left - PAD.right) / 2} y={HEIGHT - 4} textAnchor="middle">
        {xLabel}
      </text>
      <text x={12} y={PAD.top + (HEIGHT - PAD.top - PAD.bottom) / 2} textAnchor="middle" transform={`rotate(-90 12 ${PAD.top + (HEIGHT - PAD.top - PAD.bottom) / 2})`}>
        {yLabel}
      </text>
    </g>
  );
}

/** Lines over pack numbers (e.g. response rate in % per pack, one line per level or group). */
export function RateLineChart({
  title,
  description,
  series,
  xLabel,
  yLabel,
  tableLabel,
  emptyLabel,
  xName,
}: {
  title: string;
  description?: string;
  series: { label: string; points: { x: number; y: number | null }[] }[];
  xLabel: string;
  yLabel: string;
  tableLabel: string;
  emptyLabel: string;
  xName: (x: number) => string;
}) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const table: Table = {
    caption: title,
    head: [xLabel, ...series.map((s) => s.label)],
    rows: xs.map((x) => [xName(x), ...series.map((s) => s.points.find((p) => p.x === x)?.y ?? "—")]),
  };
  if (xs.length === 0) return <ChartFrame title={title} description={emptyLabel} table={table} tableLabel={tableLabel}>{null}</ChartFrame>;
  const minX = xs[0]!;
  const maxX = xs[xs.length - 1]!;
  const x = (v: number) => PAD.left + (WIDTH - PAD.left - PAD.right) * (maxX === minX ? 0.5 : (v - minX) / (maxX - minX));
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / 100);
  return (
    <ChartFrame title={title} description={description} table={table} tableLabel={tableLabel}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full min-w-[32rem]" role="img" aria-label={title}>
        <Axes yMax={100} yTicks={[0, 25, 50, 75, 100]} yLabel={yLabel} xLabel={xLabel} />
        {xs.map((v) => (
          <text key={v} x={x(v)} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" className="text-[11px]" fill="#57534e">
            {v}
          </text>
        ))}
        {series.map((s, i) => {
          const pts = s.points.filter((p): p is { x: number; y: number } => p.y !== null);
          const color = COLORS[i % COLORS.length];
          return (
            <g key={s.label}>
              <polyline fill="none" stroke={color} strokeWidth={2} points={pts.map((p) => `${x(p.x)},${y(p.y)}`).join(" ")} />
              {pts.map((p) => (
                <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={3} fill={color}>
                  <title>{`${s.label} · ${xName(p.x)}: ${p.y}%`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul className="mt-1 flex flex-wrap gap-x-4 text-sm" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.label} className="flex items-center gap-1">
              <span className="inline-block h-2 w-4 rounded" style={{ background: COLORS[i % COLORS.length] }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </ChartFrame>
  );
}

/** Vertical bars (e.g. how many answers took so many days). */
export function BarChart({
  title,
  description,
  bars,
  xLabel,
  yLabel,
  tableLabel,
  emptyLabel,
}: {
  title: string;
  description?: string;
  bars: { label: string; value: number }[];
  xLabel: string;
  yLabel: string;
  tableLabel: string;
  emptyLabel: string;
}) {
  const table: Table = { caption: title, head: [xLabel, yLabel], rows: bars.map((b) => [b.label, b.value]) };
  if (bars.length === 0) return <ChartFrame title={title} description={emptyLabel} table={table} tableLabel={tableLabel}>{null}</ChartFrame>;
  const max = Math.max(...bars.map((b) => b.value));
  const yTicks = ticks(max);
  const yMax = Math.max(max, yTicks[yTicks.length - 1]!);
  const inner = WIDTH - PAD.left - PAD.right;
  const w = inner / bars.length;
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / (yMax || 1));
  const every = Math.ceil(bars.length / 16);
  return (
    <ChartFrame title={title} description={description} table={table} tableLabel={tableLabel}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full min-w-[32rem]" role="img" aria-label={title}>
        <Axes yMax={yMax} yTicks={yTicks} yLabel={yLabel} xLabel={xLabel} />
        {bars.map((b, i) => (
          <g key={b.label}>
            <rect x={PAD.left + i * w + w * 0.1} width={w * 0.8} y={y(b.value)} height={Math.max(0, HEIGHT - PAD.bottom - y(b.value))} fill={COLORS[0]}>
              <title>{`${b.label}: ${b.value}`}</title>
            </rect>
            {i % every === 0 && (
              <text x={PAD.left + i * w + w / 2} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" className="text-[11px]" fill="#57534e">
                {b.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}

/** Horizontal bars with a label each (e.g. rejections per facility). */
export function HorizontalBarChart({ title, description, bars, valueLabel, tableLabel, emptyLabel, nameLabel }: { title: string; description?: string; bars: { label: string; value: number }[]; valueLabel: string; nameLabel: string; tableLabel: string; emptyLabel: string }) {
  const table: Table = { caption: title, head: [nameLabel, valueLabel], rows: bars.map((b) => [b.label, b.value]) };
  if (bars.length === 0) return <ChartFrame title={title} description={emptyLabel} table={table} tableLabel={tableLabel}>{null}</ChartFrame>;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const row = 28;
  const labelWidth = 200;
  const height = bars.length * row + 8;
  return (
    <ChartFrame title={title} description={description} table={table} tableLabel={tableLabel}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full min-w-[32rem]" role="img" aria-label={title}>
        {bars.map((b, i) => {
          const width = ((WIDTH - labelWidth - 48) * b.value) / max;
          return (
            <g key={b.label} className="text-[12px]">
              <text x={labelWidth - 8} y={i * row + 19} textAnchor="end" fill="#1c1917">
                {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
              </text>
              <rect x={labelWidth} y={i * row + 6} width={width} height={row - 10} fill="#b45309">
                <title>{`${b.label}: ${b.value}`}</title>
              </rect>
              <text x={labelWidth + width + 6} y={i * row + 19} fill="#1c1917">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
