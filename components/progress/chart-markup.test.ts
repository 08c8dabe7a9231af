import { describe, expect, it } from "vitest";
import { chartMarkup, ticks } from "@/components/progress/chart-markup";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const words = { title: "Rates", tableLabel: "Show the figures", emptyLabel: "Nothing yet" };

describe("chartMarkup", () => {
  it("puts every figure in the table behind the chart, with the names it was given", () => {
    const markup = chartMarkup({ kind: "lines", ...words, xLabel: "Pack", yLabel: "%", series: [{ label: "Introductory", points: [{ x: 1, y: 80 }, { x: 2, y: null }] }], xNames: { 1: "Pack 1", 2: "Pack 2" } }).markup;
    expect(markup).toContain('<th scope="row">Pack 1</th><td>80</td>');
    expect(markup).toContain('<th scope="row">Pack 2</th><td>—</td>');
    expect(markup).toContain('role="img" aria-label="Rates"');
  });

  it("says so when there is nothing to draw", () => {
    const markup = chartMarkup({ kind: "bars", ...words, xLabel: "Days", yLabel: "Answers", bars: [] }).markup;
    expect(markup).toContain("Nothing yet");
    expect(markup).not.toContain("<svg");
  });

  it("escapes any facility name", () => {
    const bars = naughtyStrings.map((label, i) => ({ label, value: i + 1 }));
    const markup = chartMarkup({ kind: "hbars", ...words, nameLabel: "Facility", valueLabel: "Count", bars }).markup;
    // Only the chart's own elements: nothing in a name became a tag.
    const tags = new Set([...markup.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(["caption", "details", "div", "figcaption", "figure", "g", "rect", "summary", "svg", "table", "tbody", "td", "text", "th", "thead", "title", "tr"]);
    expect(markup.match(/<tr>/g)).toHaveLength(naughtyStrings.length + 1);
  });

  it("colours with SVG attributes, never a style attribute (the page's CSP refuses those)", () => {
    const series = ["A", "B", "C"].map((label) => ({ label, points: [{ x: 1, y: 50 }] }));
    const markup = chartMarkup({ kind: "lines", ...words, xLabel: "Pack", yLabel: "%", series, xNames: {} }).markup;
    expect(markup).toContain('fill="#b45309"');
    expect(markup).not.toMatch(/\sstyle=/);
  });

  it("puts the axis at round numbers up to the largest value", () => {
    expect(ticks(13503)).toEqual([0, 5000, 10000, 15000]);
    expect(ticks(3)).toEqual([0, 1, 2, 3]);
    expect(ticks(100)).toEqual([0, 50, 100]);
    expect(ticks(0)).toEqual([0]);
  });
  it("labels at most 16 packs under the axis, so fifty do not run into each other, and keeps all fifty in the table", () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ x: i + 1, y: 80 }));
    const markup = chartMarkup({ kind: "lines", ...words, xLabel: "Pack", yLabel: "%", series: [{ label: "Introductory", points }], xNames: {} }).markup;
    const axisNumbers = [...markup.matchAll(/<text [^>]*text-anchor="middle"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(axisNumbers).toEqual([1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49]);
    expect(markup.match(/<th scope="row">/g)).toHaveLength(50);
  });
  it("leaves room left of the bars for six-digit counts", () => {
    const markup = chartMarkup({ kind: "bars", ...words, xLabel: "Weeks", yLabel: "Answers", bars: [{ label: "0", value: 190_000 }, { label: "1", value: 5 }] }).markup;
    expect(markup).toContain(">200000</text>");
    const firstBar = Number(/<rect x="([\d.]+)"/.exec(markup)![1]);
    expect(firstBar).toBeGreaterThanOrEqual(26 + 7 * 6);
  });
});
