// Content flowing down pages: lines are placed one under another and a new page starts when
// the next one does not fit. Every section of a pack (the letter, a reading, a response sheet)
// starts on a page of its own, so sections can be counted and put in envelopes independently.
import { BODY, type Op, type Page } from "@/lib/packs/pdf/page";
import { lineOps, type Line, type Style } from "@/lib/packs/pdf/text";

type Bar = { x: number; from: number | null; to: number };
type Marker = { text: string; style: Style; x: number };

export class Flow {
  readonly pages: Page[] = [];
  private ops: Op[] = [];
  /** Top of the free space on the current page. */
  y: number;
  private readonly bars: Bar[] = [];
  private marker: Marker | null = null;

  constructor(
    readonly bottom: number = BODY.bottom,
    readonly top: number = BODY.top,
  ) {
    this.y = top;
    this.pages.push({ ops: this.ops });
  }

  get atTop(): boolean {
    return this.y <= this.top;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.flushBars();
    this.ops = [];
    this.pages.push({ ops: this.ops });
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits on this one (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.newPage();
  }

  /** Vertical space between blocks; none at the top of a page. */
  gap(height: number): void {
    if (!this.atTop) this.y += height;
  }

  add(...ops: Op[]): void {
    this.ops.push(...ops);
  }

  /** Moves down past content placed with `add` (table rows), beside any quote bar. */
  advance(height: number): void {
    for (const bar of this.bars) {
      bar.from ??= this.y;
      bar.to = this.y + height;
    }
    this.y += height;
  }

  get hasMarker(): boolean {
    return this.marker !== null;
  }

  /** A list marker drawn on the baseline of the next line placed. */
  setMarker(marker: Marker): void {
    this.marker = marker;
  }

  /** A vertical rule beside everything placed until `popBar` (block quotes). */
  pushBar(x: number): void {
    this.bars.push({ x, from: null, to: 0 });
  }

  popBar(): void {
    const bar = this.bars.pop();
    if (bar) this.drawBar(bar);
  }

  placeLine(line: Line, left: number): void {
    this.ensure(line.height);
    this.add(...lineOps(line, left, this.y));
    if (this.marker) {
      const { text, style, x } = this.marker;
      this.add({ t: "text", x, y: this.y + line.ascent, text, font: style.font, size: style.size });
      this.marker = null;
    }
    this.advance(line.height);
  }

  /** The lines of one paragraph; never leaves its first line alone at the foot of a page. */
  placeLines(lines: Line[], left: number): void {
    const [first, second] = lines;
    if (first && second) this.ensure(first.height + second.height);
    for (const line of lines) this.placeLine(line, left);
  }

  private drawBar(bar: Bar) {
    if (bar.from !== null) this.ops.push({ t: "rule", x1: bar.x, y1: bar.from + 2, x2: bar.x, y2: bar.to - 2, width: 1.2 });
    bar.from = null;
  }

  private flushBars() {
    for (const bar of this.bars) this.drawBar(bar);
  }
}
