// Hand-made SVG charts, each with a table of the same numbers behind it (in a <details>), so a
// screen reader or a printout gets the figures too. The caller passes every piece of text,
// already translated; chart-markup.ts draws them on the server.
import { ChartBlock } from "@/components/progress/chart-block";

type Words = { title: string; description?: string; tableLabel: string; emptyLabel: string };

/** Lines over pack numbers (e.g. response rate in % per pack, one line per level or group). */
export function RateLineChart({ xName, ...props }: Words & { series: { label: string; points: { x: number; y: number | null }[] }[]; xLabel: string; yLabel: string; xName: (x: number) => string }) {
  const xNames = Object.fromEntries([...new Set(props.series.flatMap((s) => s.points.map((p) => p.x)))].map((x) => [x, xName(x)]));
  return <ChartBlock model={{ kind: "lines", ...props, xNames }} />;
}

/** Vertical bars (e.g. how many answers took so many days). */
export function BarChart(props: Words & { bars: { label: string; value: number }[]; xLabel: string; yLabel: string }) {
  return <ChartBlock model={{ kind: "bars", ...props }} />;
}

/** Horizontal bars with a label each (e.g. rejections per facility). */
export function HorizontalBarChart(props: Words & { bars: { label: string; value: number }[]; nameLabel: string; valueLabel: string }) {
  return <ChartBlock model={{ kind: "hbars", ...props }} />;
}
