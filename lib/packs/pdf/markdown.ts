// Markdown on paper. The text is parsed by the very remark configuration the web uses
// (`markdownOptions().remarkPlugins` from lib/markdown/config.ts, after remark-parse), so the
// same source gives the same document on screen and on paper: GFM tables, footnotes, task
// lists, strikethrough, and raw HTML already turned into plain text by remarkHtmlAsText. The
// mdast tree is then walked into lines on pages. Rules that differ from the screen, and why:
// - A link prints as its text followed by the URL in parentheses: paper cannot be clicked, and
//   a member may want to ask someone to look it up. Only URLs the web would link (safeUrl) and
//   only absolute ones: "(#section-2)" means nothing on paper.
// - An image prints as "[image: alt]", never as a picture: mailrooms reject pictures, and a
//   remote image is never fetched. An image without alt text is decorative and, as on the web,
//   prints nothing.
// - Footnotes are numbered in the order they are first referred to (as on the web) and printed
//   under "Notes" at the end of the text.
// - Raw HTML left over after remarkHtmlAsText is dropped, as react-markdown's skipHtml does.
// Line breaks: a single line break is a line break, as on the web (remark-breaks is one of the
// shared remark plugins; docs/decisions/032). Plain texts printed without Markdown (answers and
// excerpts under "From the group") follow the same rule through `placePlainText`: a blank line
// is a new paragraph with the paragraph gap, a single break a new line.
import type { Definition, FootnoteDefinition, List, PhrasingContent, Root, RootContent, Table } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { markdownOptions, safeUrl } from "@/lib/markdown/config";
import type { FontKey } from "@/lib/packs/pdf/fonts";
import type { Flow } from "@/lib/packs/pdf/flow";
import { type Inline, type Line, type LineBreaker, type Style, lineOps } from "@/lib/packs/pdf/text";

const processor = unified()
  .use(remarkParse)
  .use(markdownOptions().remarkPlugins ?? []);

export function parseMarkdown(source: string): Root {
  const tree = processor.runSync(processor.parse(source));
  if (tree.type !== "root") throw new Error("remark returned no root");
  return tree as Root;
}

export const BODY_TEXT: Style = { font: "serif", size: 11 };

/** Plain text on paper with its breaks kept: blank lines part paragraphs, single breaks part lines. */
export function placePlainText(flow: Flow, breaker: LineBreaker, value: string, style: Style, frame: Frame): void {
  const paragraphs = value
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.replace(/^\n+|\s+$/g, ""))
    .filter((p) => p.trim());
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) flow.gap(PARAGRAPH_GAP);
    const inlines: Inline[] = [];
    paragraph.split("\n").forEach((line, i) => {
      if (i > 0) inlines.push({ lineBreak: true });
      inlines.push({ text: line, style });
    });
    flow.placeLines(breaker.lines(inlines, frame.width, style), frame.left);
  });
}
const HEADINGS: Record<number, Style> = {
  1: { font: "sansBold", size: 15 },
  2: { font: "sansBold", size: 13.5 },
  3: { font: "sansBold", size: 12 },
};
const MINOR_HEADING: Style = { font: "sansBold", size: 11 };
const PARAGRAPH_GAP = 7;
const TIGHT_ITEM_GAP = 2.5;
const BULLETS = ["•", "◦", "▪"];
const CELL_PADDING = 4;

const ITALIC: Partial<Record<FontKey, FontKey>> = { serif: "serifItalic", serifBold: "serifBoldItalic" };
const BOLD: Partial<Record<FontKey, FontKey>> = { serif: "serifBold", serifItalic: "serifBoldItalic", sans: "sansBold" };
const UPRIGHT: Partial<Record<FontKey, FontKey>> = { serifItalic: "serif", serifBoldItalic: "serifBold" };

export type Frame = { left: number; width: number };

/** Lays Markdown out into a flow. One per text: footnote numbers start at 1 for each. */
export class MarkdownLayout {
  private readonly definitions = new Map<string, Definition>();
  private readonly footnotes = new Map<string, FootnoteDefinition>();
  private readonly footnoteOrder: string[] = [];

  constructor(
    private readonly flow: Flow,
    private readonly breaker: LineBreaker,
  ) {}

  render(source: string, frame: Frame, base: Style = BODY_TEXT): void {
    const tree = parseMarkdown(source);
    this.collect(tree);
    this.blocks(tree.children, frame, base, 0);
    this.notes(frame, base);
  }

  private collect(node: Root | RootContent) {
    if (node.type === "definition") this.definitions.set(node.identifier, node);
    if (node.type === "footnoteDefinition") this.footnotes.set(node.identifier, node);
    if ("children" in node) for (const child of node.children as RootContent[]) this.collect(child);
  }

  private footnoteNumber(identifier: string): number | undefined {
    if (!this.footnotes.has(identifier)) return undefined;
    const index = this.footnoteOrder.indexOf(identifier);
    if (index !== -1) return index + 1;
    this.footnoteOrder.push(identifier);
    return this.footnoteOrder.length;
  }

  // ── blocks ──────────────────────────────────────────────────────────────

  private blocks(nodes: RootContent[], frame: Frame, base: Style, depth: number, gap = PARAGRAPH_GAP) {
    let first = true;
    for (const node of nodes) {
      if (node.type === "definition" || node.type === "footnoteDefinition" || node.type === "html" || node.type === "yaml") continue;
      if (!first) this.flow.gap(node.type === "heading" ? headingGap(node.depth) : gap);
      first = false;
      this.block(node, frame, base, depth);
    }
  }

  private block(node: RootContent, frame: Frame, base: Style, depth: number) {
    switch (node.type) {
      case "paragraph":
        this.flow.placeLines(this.breaker.lines(this.inlines(node.children, base), frame.width, base), frame.left);
        return;
      case "heading": {
        const style = HEADINGS[node.depth] ?? MINOR_HEADING;
        const lines = this.breaker.lines(this.inlines(node.children, style), frame.width, style);
        // Keep a heading with the first two lines of what follows it.
        this.flow.ensure(lines.reduce((sum, line) => sum + line.height, 0) + 2 * base.size * 1.42 + 4);
        for (const line of lines) this.flow.placeLine(line, frame.left);
        this.flow.gap(3);
        return;
      }
      case "blockquote":
        this.flushMarker(base);
        this.flow.pushBar(frame.left + 3);
        this.blocks(node.children, { left: frame.left + 16, width: frame.width - 16 }, base, depth);
        this.flow.popBar();
        return;
      case "list":
        this.list(node, frame, base, depth);
        return;
      case "code": {
        const style: Style = { font: "mono", size: base.size - 0.5 };
        for (const line of this.breaker.preformatted(node.value, frame.width - 12, style)) this.flow.placeLine(line, frame.left + 12);
        return;
      }
      case "thematicBreak": {
        this.flushMarker(base);
        this.flow.ensure(14);
        const middle = frame.left + frame.width / 2;
        const y = this.flow.y + 7;
        this.flow.add({ t: "rule", x1: middle - frame.width / 6, y1: y, x2: middle + frame.width / 6, y2: y, width: 0.75 });
        this.flow.gap(14);
        return;
      }
      case "table":
        this.flushMarker(base);
        this.table(node, frame, base);
        return;
      default:
        // Anything else that holds text (a future plugin's node) prints as paragraphs of it.
        if ("children" in node) this.blocks(node.children as RootContent[], frame, base, depth);
        else if ("value" in node && typeof node.value === "string") {
          this.flow.placeLines(this.breaker.lines([{ text: node.value, style: base }], frame.width, base), frame.left);
        }
    }
  }

  /** A list marker waiting for a line (an item that starts with a table or a rule) gets its own. */
  private flushMarker(base: Style) {
    if (this.flow.hasMarker) this.flow.placeLine(this.breaker.emptyLine(base), 0);
  }

  private list(node: List, frame: Frame, base: Style, depth: number) {
    const start = node.start ?? 1;
    const numbers = node.children.map((_, index) => `${start + index}.`);
    const markerStyle = (ordered: boolean): Style => (ordered ? base : { font: "sans", size: base.size });
    const widest = node.ordered ? Math.max(...numbers.map((n) => this.breaker.width(base, n))) : this.breaker.width(markerStyle(false), "☐");
    const indent = Math.max(18, widest + 8);
    const inner: Frame = { left: frame.left + indent, width: frame.width - indent };
    node.children.forEach((item, index) => {
      if (index > 0) this.flow.gap(node.spread ? PARAGRAPH_GAP : TIGHT_ITEM_GAP);
      const ordered = Boolean(node.ordered) && typeof item.checked !== "boolean";
      const text = item.checked === true ? "☑" : item.checked === false ? "☐" : node.ordered ? numbers[index]! : BULLETS[depth % BULLETS.length]!;
      const style = markerStyle(ordered);
      this.flow.setMarker({ text, style, x: inner.left - 6 - this.breaker.width(style, text) });
      if (item.children.length === 0) this.flushMarker(base);
      else this.blocks(item.children, inner, base, depth + 1, node.spread || item.spread ? PARAGRAPH_GAP : TIGHT_ITEM_GAP);
    });
  }

  private table(node: Table, frame: Frame, base: Style) {
    const rows = node.children.map((row, rowIndex) =>
      row.children.map((cell) => this.inlines(cell.children, rowIndex === 0 ? bold(base) : base)),
    );
    const columns = Math.max(0, ...rows.map((row) => row.length));
    if (columns === 0) return;
    for (const row of rows) while (row.length < columns) row.push([]);

    // Column widths as browsers do it: each column's widest word is its minimum, its text on
    // one line its maximum; room between the two is shared in proportion. When even the
    // minimums do not fit, columns get the width in proportion and long words are broken.
    const min = new Array<number>(columns).fill(0);
    const max = new Array<number>(columns).fill(0);
    for (const row of rows) {
      row.forEach((cell, column) => {
        for (const line of this.breaker.lines(cell, Number.POSITIVE_INFINITY, base)) max[column] = Math.max(max[column]!, line.width);
        for (const word of words(cell)) min[column] = Math.max(min[column]!, this.breaker.width(word.style, word.text));
      });
    }
    const padding = 2 * CELL_PADDING;
    const available = frame.width - columns * padding;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    let widths: number[];
    if (sum(max) <= available) widths = max;
    else if (sum(min) <= available) {
      const slack = (available - sum(min)) / Math.max(1, sum(max) - sum(min));
      widths = min.map((m, i) => m + (max[i]! - m) * slack);
    } else widths = min.map((m) => (available * Math.max(m, 1)) / Math.max(1, sum(min.map((v) => Math.max(v, 1)))));
    widths = widths.map((w) => Math.max(w, 12));
    const lefts: number[] = [];
    let x = frame.left;
    for (const w of widths) {
      lefts.push(x + CELL_PADDING);
      x += w + padding;
    }
    const right = x;
    const rule = (y: number, width: number) => this.flow.add({ t: "rule", x1: frame.left, y1: y, x2: right, y2: y, width });

    const laid = rows.map((row, rowIndex) =>
      row.map((cell, column) => {
        const lines = this.breaker.lines(cell, widths[column]!, rowIndex === 0 ? bold(base) : base);
        return lines.length > 0 ? lines : [this.breaker.emptyLine(base)];
      }),
    );
    const header = laid[0]!;
    const lineHeight = header[0]![0]!.height;
    const rowHeight = (cells: Line[][]) => Math.max(...cells.map((lines) => lines.length)) * lineHeight + 2 * CELL_PADDING;

    const placeRow = (cells: Line[][], isHeader: boolean) => {
      const top = this.flow.y;
      cells.forEach((lines, column) => {
        const align = node.align?.[column];
        lines.forEach((line, index) => {
          const offset = align === "right" ? widths[column]! - line.width : align === "center" ? (widths[column]! - line.width) / 2 : 0;
          this.flow.add(...lineOps(line, lefts[column]! + offset, top + CELL_PADDING + index * lineHeight));
        });
      });
      this.flow.advance(rowHeight(cells));
      rule(this.flow.y, isHeader ? 1 : 0.4);
    };

    // The header row is repeated at the top of every page the table continues on, unless it is
    // so tall that repeating it would crowd out the rows.
    const pageHeight = this.flow.bottom - this.flow.top;
    const repeatHeader = rowHeight(header) < pageHeight / 3;
    const body = repeatHeader ? laid.slice(1) : laid;
    const startPage = () => {
      rule(this.flow.y, 1);
      if (repeatHeader) placeRow(header, true);
    };
    this.flow.ensure((repeatHeader ? rowHeight(header) : 0) + (body[0] ? rowHeight(body[0]) : 0));
    startPage();
    const fresh = pageHeight - (repeatHeader ? rowHeight(header) : 0);
    for (let cells of body) {
      const isHeader = !repeatHeader && cells === laid[0];
      for (;;) {
        if (rowHeight(cells) <= this.flow.remaining) {
          placeRow(cells, isHeader);
          break;
        }
        // A row that does not fit goes to the next page; only a row taller than a whole page
        // is split, line by line with all its cells together.
        const fit = Math.floor((this.flow.remaining - 2 * CELL_PADDING) / lineHeight);
        if (rowHeight(cells) <= fresh || fit < 1) {
          this.flow.newPage();
          startPage();
          continue;
        }
        placeRow(cells.map((lines) => lines.slice(0, fit)), isHeader);
        cells = cells.map((lines) => lines.slice(fit));
        if (cells.every((lines) => lines.length === 0)) break;
        this.flow.newPage();
        startPage();
      }
    }
  }

  // ── footnotes ───────────────────────────────────────────────────────────

  private notes(frame: Frame, base: Style) {
    if (this.footnoteOrder.length === 0) return;
    this.flow.gap(14);
    this.flow.ensure(3 * base.size * 1.42);
    const y = this.flow.y;
    this.flow.add({ t: "rule", x1: frame.left, y1: y, x2: frame.left + frame.width / 4, y2: y, width: 0.6 });
    this.flow.gap(6);
    for (const line of this.breaker.lines([{ text: "Notes", style: MINOR_HEADING }], frame.width, MINOR_HEADING)) this.flow.placeLine(line, frame.left);
    this.flow.gap(3);
    const indent = 22;
    // A note may refer to a later note, which then joins the list: hence the growing loop.
    for (let index = 0; index < this.footnoteOrder.length; index++) {
      const definition = this.footnotes.get(this.footnoteOrder[index]!)!;
      if (index > 0) this.flow.gap(4);
      const text = `${index + 1}.`;
      this.flow.setMarker({ text, style: base, x: frame.left + indent - 6 - this.breaker.width(base, text) });
      if (definition.children.length === 0) this.flushMarker(base);
      this.blocks(definition.children, { left: frame.left + indent, width: frame.width - indent }, base, 1);
    }
  }

  // ── inline ──────────────────────────────────────────────────────────────

  private inlines(nodes: PhrasingContent[], style: Style): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          out.push({ text: node.value, style });
          break;
        case "emphasis":
          out.push(...this.inlines(node.children, italic(style)));
          break;
        case "strong":
          out.push(...this.inlines(node.children, bold(style)));
          break;
        case "delete":
          out.push(...this.inlines(node.children, { ...style, strike: true }));
          break;
        case "inlineCode":
          out.push({ text: node.value, style: { ...style, font: "mono", size: style.size - 0.5 } });
          break;
        case "break":
          out.push({ lineBreak: true });
          break;
        case "link":
          out.push(...this.link(node.children, node.url, style));
          break;
        case "linkReference": {
          const definition = this.definitions.get(node.identifier);
          out.push(...(definition ? this.link(node.children, definition.url, style) : this.inlines(node.children, style)));
          break;
        }
        case "image":
        case "imageReference": {
          const alt = (node.alt ?? "").trim();
          if (alt) out.push({ text: `[image: ${alt}]`, style });
          break;
        }
        case "footnoteReference": {
          const number = this.footnoteNumber(node.identifier);
          if (number !== undefined) out.push({ text: String(number), style: { font: upright(style).font, size: Math.max(7.5, style.size * 0.7), rise: style.size * 0.38 } });
          break;
        }
        case "html":
          break;
        default: {
          // A node type a future plugin adds: its text, in the surrounding style.
          const other = node as { children?: PhrasingContent[]; value?: unknown };
          if (other.children) out.push(...this.inlines(other.children, style));
          else if (typeof other.value === "string") out.push({ text: other.value, style });
        }
      }
    }
    return out;
  }

  private link(children: PhrasingContent[], url: string, style: Style): Inline[] {
    const text = this.inlines(children, style);
    const shown = printedUrl(url);
    if (!shown) return text;
    const label = text.map((inline) => ("text" in inline ? inline.text : " ")).join("").trim();
    const bare = (value: string) => value.replace(/^(https?:\/\/|mailto:)/i, "").replace(/\/$/, "").toLowerCase();
    if (bare(label) === bare(shown)) return text;
    return [...text, { text: ` (${shown})`, style: { ...upright(style), strike: false } }];
  }
}

/** The URL to print after a link's text, or null (unsafe, relative, or a fragment). */
export function printedUrl(url: string): string | null {
  const safe = safeUrl(url);
  if (safe === undefined) return null;
  if (/^mailto:/i.test(safe)) return safe.slice("mailto:".length);
  return /^https?:\/\//i.test(safe) ? safe : null;
}

function italic(style: Style): Style {
  return { ...style, font: ITALIC[style.font] ?? style.font };
}

function bold(style: Style): Style {
  return { ...style, font: BOLD[style.font] ?? style.font };
}

function upright(style: Style): Style {
  return { ...style, font: UPRIGHT[style.font] ?? style.font };
}

function headingGap(depth: number): number {
  return depth <= 2 ? 16 : 11;
}

/** The words of inline content, for a table column's minimum width. */
function words(inlines: Inline[]): { text: string; style: Style }[] {
  const out: { text: string; style: Style }[] = [];
  for (const inline of inlines) {
    if (!("text" in inline)) continue;
    for (const word of inline.text.split(/\s+/)) if (word) out.push({ text: word, style: inline.style });
  }
  return out;
}
