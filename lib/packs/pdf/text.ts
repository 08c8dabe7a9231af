// Styled inline text and line breaking. Greedy, ragged-right: justified text with no
// hyphenation leaves rivers of space in narrow table cells, and ragged text is easier to read
// for people who are not practised readers (many of our members).
//
// A word longer than the line (a URL, a name with no spaces, a run of CJK text) is broken
// between grapheme clusters, so no accent or emoji is ever cut in half.
import { ASCENT, DESCENT, type FontKey, type Typesetter } from "@/lib/packs/pdf/fonts";
import type { Op } from "@/lib/packs/pdf/page";

export type Style = {
  font: FontKey;
  size: number;
  /** Baseline shift upwards (superscript footnote numbers), in points. */
  rise?: number;
  strike?: boolean;
};

/** Inline content: a piece of text in one style, or a forced line break. */
export type Inline = { text: string; style: Style } | { lineBreak: true };

export type Run = { text: string; style: Style; x: number; width: number };

export type Line = {
  runs: Run[];
  width: number;
  /** Distance from the top of the line to its baseline, and the line's whole height. */
  ascent: number;
  height: number;
};

/** Line height as a multiple of the font size: open enough to read under poor light. */
export const LEADING = 1.42;

// Control characters, byte-order marks, noncharacters and bidi embedding controls print as
// empty boxes or nothing; they come from pasted text, never from a person meaning them.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/g;

/** Text fit to print: well-formed Unicode with nothing that would print as a box or nothing. */
export function printable(text: string): string {
  return text.toWellFormed().replace(UNPRINTABLE, "");
}

type Fragment = { text: string; style: Style; width: number };
type Box = { fragments: Fragment[]; width: number };
type Token = { box: Box; space: Fragment | null } | { lineBreak: true };

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Where a character goes when a font has no glyph for it. DejaVu Sans covers more scripts than
 * DejaVu Serif (Arabic, Hebrew, more symbols), so a name in the reading text still prints.
 */
const FALLBACK: Record<FontKey, FontKey> = {
  serif: "sans",
  serifItalic: "sans",
  serifBold: "sansBold",
  serifBoldItalic: "sansBold",
  sans: "serif",
  sansBold: "serifBold",
  mono: "sans",
};

/** Text every DejaVu face covers: no need to look glyphs up one by one. */
const COMMON = /^[\u0020-\u024f\u2000-\u206f]*$/;

function sameStyle(a: Style, b: Style): boolean {
  return a.font === b.font && a.size === b.size && (a.rise ?? 0) === (b.rise ?? 0) && Boolean(a.strike) === Boolean(b.strike);
}

export class LineBreaker {
  constructor(private readonly type: Typesetter) {}

  width(style: Style, text: string): number {
    return this.type.width(style.font, style.size, text);
  }

  /** The words of the inline content, each with the space that follows it. */
  private tokens(inlines: Inline[]): Token[] {
    const tokens: Token[] = [];
    let box: Box | null = null;
    const endWord = (space: Fragment | null) => {
      if (box) tokens.push({ box, space });
      else if (space && tokens.length > 0) {
        const last = tokens[tokens.length - 1]!;
        if ("box" in last && !last.space) last.space = space;
      }
      box = null;
    };
    for (const inline of inlines) {
      if ("lineBreak" in inline) {
        endWord(null);
        tokens.push({ lineBreak: true });
        continue;
      }
      const parts = printable(inline.text).split(/([ \t\n\r\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+)/);
      parts.forEach((part, index) => {
        if (part === "") return;
        if (index % 2 === 1) {
          endWord({ text: " ", style: inline.style, width: this.width(inline.style, " ") });
          return;
        }
        box ??= { fragments: [], width: 0 };
        for (const fragment of this.fragments(part, inline.style)) {
          box.fragments.push(fragment);
          box.width += fragment.width;
        }
      });
    }
    endWord(null);
    return tokens;
  }

  /** A word as fragments, each in a font that has its glyphs (see FALLBACK). */
  private fragments(word: string, style: Style): Fragment[] {
    const whole = (): Fragment[] => [{ text: word, style, width: this.width(style, word) }];
    if (COMMON.test(word)) return whole();
    const fallback = FALLBACK[style.font];
    const parts: { text: string; font: FontKey }[] = [];
    for (const char of word) {
      const codePoint = char.codePointAt(0) ?? 0;
      const last = parts[parts.length - 1];
      // Combining marks and joiners stay with the character before them.
      let font = style.font;
      if (last && /[\p{M}\u200c\u200d\ufe0e\ufe0f]/u.test(char)) font = last.font;
      else if (!this.type.hasGlyph(style.font, codePoint) && this.type.hasGlyph(fallback, codePoint)) font = fallback;
      if (last && last.font === font) last.text += char;
      else parts.push({ text: char, font });
    }
    if (parts.length === 1 && parts[0]!.font === style.font) return whole();
    return parts.map((part) => {
      const partStyle = part.font === style.font ? style : { ...style, font: part.font };
      return { text: part.text, style: partStyle, width: this.width(partStyle, part.text) };
    });
  }

  /**
   * Splits a box wider than `width` into pieces that fit, between grapheme clusters. Widths are
   * summed per cluster (no kerning across them): cheap for a pasted 50,000-character blob.
   */
  private splitBox(box: Box, width: number): Box[] {
    const pieces: Box[] = [];
    let current: Box = { fragments: [], width: 0 };
    for (const fragment of box.fragments) {
      let text = "";
      let textWidth = 0;
      for (const { segment } of segmenter.segment(fragment.text)) {
        const w = this.width(fragment.style, segment);
        if (current.width + textWidth + w > width && (current.fragments.length > 0 || text)) {
          if (text) current.fragments.push({ text, style: fragment.style, width: textWidth });
          current.width += textWidth;
          pieces.push(current);
          current = { fragments: [], width: 0 };
          text = "";
          textWidth = 0;
        }
        text += segment;
        textWidth += w;
      }
      if (text) {
        current.fragments.push({ text, style: fragment.style, width: textWidth });
        current.width += textWidth;
      }
    }
    if (current.fragments.length > 0) pieces.push(current);
    return pieces;
  }

  /** Lines of at most `width` points; none for empty content. */
  lines(inlines: Inline[], width: number, baseStyle: Style): Line[] {
    const lines: Line[] = [];
    let fragments: Fragment[] = [];
    let lineWidth = 0;
    let pendingSpace: Fragment | null = null;
    let hasContent = false;
    const finish = () => {
      lines.push(this.buildLine(fragments, baseStyle));
      fragments = [];
      lineWidth = 0;
      pendingSpace = null;
      hasContent = false;
    };
    const addBox = (box: Box) => {
      for (const fragment of box.fragments) fragments.push(fragment);
      lineWidth += box.width;
      hasContent = true;
    };

    for (const token of this.tokens(inlines)) {
      if ("lineBreak" in token) {
        finish();
        continue;
      }
      const { box, space } = token;
      const spaceWidth: number = hasContent && pendingSpace ? (pendingSpace as Fragment).width : 0;
      if (hasContent && lineWidth + spaceWidth + box.width <= width) {
        if (pendingSpace) fragments.push(pendingSpace);
        lineWidth += spaceWidth;
        addBox(box);
      } else {
        if (hasContent) finish();
        if (box.width <= width) addBox(box);
        else {
          const pieces = this.splitBox(box, width);
          pieces.forEach((piece, index) => {
            if (index > 0) finish();
            addBox(piece);
          });
        }
      }
      pendingSpace = space;
    }
    if (hasContent) finish();
    return lines;
  }

  /** Code: spaces kept as typed, one source line per line, wrapped only when too wide. */
  preformatted(text: string, width: number, style: Style): Line[] {
    const lines: Line[] = [];
    for (const source of printable(text.replace(/\t/g, "    ")).split(/\r?\n/)) {
      const fragment = { text: source, style, width: this.width(style, source) };
      if (fragment.width <= width) lines.push(this.buildLine(source ? [fragment] : [], style));
      else for (const piece of this.splitBox({ fragments: [fragment], width: fragment.width }, width)) lines.push(this.buildLine(piece.fragments, style));
    }
    return lines;
  }

  /** A line with nothing on it, as tall as a line of `style`. */
  emptyLine(style: Style): Line {
    return this.buildLine([], style);
  }

  private buildLine(fragments: Fragment[], baseStyle: Style): Line {
    const runs: Run[] = [];
    let x = 0;
    for (const fragment of fragments) {
      const last = runs[runs.length - 1];
      if (last && sameStyle(last.style, fragment.style)) {
        last.text += fragment.text;
        last.width += fragment.width;
      } else {
        runs.push({ text: fragment.text, style: fragment.style, x, width: fragment.width });
      }
      x += fragment.width;
    }
    // A run that ends in a space draws it harmlessly; the width used for alignment leaves it out.
    let width = x;
    const tail = runs[runs.length - 1];
    if (tail && tail.text.endsWith(" ")) width -= this.width(tail.style, " ");
    let size = baseStyle.size;
    for (const run of runs) if (!run.style.rise) size = Math.max(size, run.style.size);
    const height = size * LEADING;
    return { runs, width, height, ascent: (height - (ASCENT + DESCENT) * size) / 2 + ASCENT * size };
  }
}

/** Drawing operations of a line whose top is at `top` and left edge at `left`. */
export function lineOps(line: Line, left: number, top: number): Op[] {
  const ops: Op[] = [];
  const baseline = top + line.ascent;
  for (const run of line.runs) {
    const text = run.text.replace(/ +$/, "");
    if (!text) continue;
    const y = baseline - (run.style.rise ?? 0);
    ops.push({ t: "text", x: left + run.x, y, text, font: run.style.font, size: run.style.size });
    if (run.style.strike) {
      const strikeY = y - run.style.size * 0.3;
      ops.push({ t: "rule", x1: left + run.x, y1: strikeY, x2: left + run.x + run.width, y2: strikeY, width: Math.max(0.5, run.style.size / 14) });
    }
  }
  return ops;
}
