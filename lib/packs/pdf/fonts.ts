// Fonts: DejaVu Serif for reading text, DejaVu Sans for headings and everything around them,
// DejaVu Sans Mono for code. Embedded TrueType (subset per document), never the PDF standard
// fonts, because those only cover Latin-1 and names, addresses and answers come in any script.
// DejaVu still lacks some scripts (CJK above all): `missingCharacters` finds what would print as
// an empty box, so planPack can say so before a name goes on an envelope.
//
// Speed. With pdfkit as it comes, every document parses each font file again and shapes every
// word again (fontkit: kerning, ligatures, marks), and that is most of the time a member's PDF
// takes. So documents made here share, per font, one parsed font and one word-shape cache:
// - the parsed font (a fontkit Font) is registered in each document instead of the file's
//   bytes; pdfkit accepts that (PDFFontFactory.open), @types/pdfkit does not list it;
// - the shape cache is pdfkit's per-font `layoutCache`, which each document's font is pointed
//   at. It only holds glyph ids and advances of that font, so it is valid in any document;
//   each document still keeps its own subset of the glyphs it used.
// Both reach inside pdfkit (`_font`), guarded: if an upgrade changes them, documents are made
// the ordinary way (slower, same output) and fonts.test.ts fails to say so.
//
// The text layer. pdfkit writes each document's ToUnicode map (what copying, searching and
// pdftotext read) from the code points of the fontkit Glyph objects it draws
// (EmbeddedFont.encode: `this.unicode[gid] = glyph.codePoints`), and fontkit keeps one Glyph per
// id per Font, the first one made (Font.getGlyph). Subsetting makes glyphs with no code points:
// a composite glyph's parts (DejaVu's "ü" is "u" plus a diaeresis, TTFSubset._addGlyph). In a
// shared Font those empty glyphs outlive the document that made them, so once one document
// held "ü" but no "u", every later one drew "u" with nothing behind it in its text layer
// ("Cr z" for "Cruz"). `rememberCodePoints` gives such a glyph its code points as soon as text
// is laid out with it, which is what a fresh Font per document would have had.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";

const FILES = {
  serif: "DejaVuSerif.ttf",
  serifBold: "DejaVuSerif-Bold.ttf",
  serifItalic: "DejaVuSerif-Italic.ttf",
  serifBoldItalic: "DejaVuSerif-BoldItalic.ttf",
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  mono: "DejaVuSansMono.ttf",
} as const;

export type FontKey = keyof typeof FILES;
export const FONT_KEYS = Object.keys(FILES) as FontKey[];

/** DejaVu's vertical metrics (hhea ascent 1901, descent 483 of 2048 units), per point of size. */
export const ASCENT = 0.928;
export const DESCENT = 0.236;

/** Past this many distinct words the caches start again, so a long-lived worker stays small. */
const MAX_CACHED_WORDS = 200_000;

let buffers: Map<FontKey, Buffer> | undefined;

function fontBuffers(): Map<FontKey, Buffer> {
  if (!buffers) {
    // Resolved from the project root at run time: inside the Next.js server bundle,
    // require.resolve() returns a module number, not a path.
    const resolveFrom = createRequire(path.join(process.cwd(), "package.json"));
    const dir = path.join(path.dirname(resolveFrom.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    buffers = new Map(FONT_KEYS.map((key) => [key, readFileSync(path.join(dir, FILES[key]))]));
  }
  return buffers;
}

type ShapeCache = Record<string, unknown>;
type FontkitGlyph = { codePoints: number[]; isMark: boolean; isLigature: boolean };
type FontkitFont = {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
};
type PdfkitFont = { layoutCache?: ShapeCache; font?: FontkitFont };

/** pdfkit's current font object (internal), if it still looks the way this module expects. */
function currentFont(doc: PDFKit.PDFDocument): PdfkitFont | undefined {
  const font: unknown = Reflect.get(doc, "_font");
  return typeof font === "object" && font !== null ? (font as PdfkitFont) : undefined;
}

function isFontkitFont(value: unknown): value is FontkitFont {
  return typeof value === "object" && value !== null && typeof (value as { layout?: unknown }).layout === "function";
}

const isMark = (codePoint: number) => /^\p{M}$/u.test(String.fromCodePoint(codePoint));

/**
 * Makes the shared font give a glyph that was made without code points (a composite's part,
 * when a document's subset was written) the code points of the first text laid out with it,
 * as fontkit's Glyph constructor would have. Mutated in place, so the glyph objects already in
 * the word-shape cache are right too. False if fontkit no longer looks the way this expects.
 */
function rememberCodePoints(font: FontkitFont): boolean {
  const getGlyph: unknown = font.getGlyph;
  if (typeof getGlyph !== "function") return false;
  font.getGlyph = function (id: number, codePoints: number[] = []) {
    const glyph = Reflect.apply(getGlyph, this, [id, codePoints]) as FontkitGlyph | null;
    if (glyph && Array.isArray(glyph.codePoints) && glyph.codePoints.length === 0 && codePoints.length > 0) {
      glyph.codePoints = [...codePoints];
      glyph.isMark = glyph.codePoints.every(isMark);
      glyph.isLigature = glyph.codePoints.length > 1;
    }
    return glyph;
  };
  return true;
}

export type DocumentInfo = { title: string };

/**
 * Measures text and makes documents. One per process (`typesetter()`): what it shares between
 * documents is what makes the second and later ones fast.
 */
export class Typesetter {
  /** Never written out: its fonts are the shared ones, and it measures text. */
  private readonly measuring: PDFKit.PDFDocument;
  private readonly parsed = new Map<FontKey, FontkitFont>();
  private shapeCaches = new Map<FontKey, ShapeCache>();
  private widths = new Map<FontKey, Map<string, number>>();
  private cachedWords = 0;
  private readonly docFonts = new WeakMap<PDFKit.PDFDocument, Set<FontKey>>();

  constructor() {
    this.measuring = this.newDocument({ title: "" });
    for (const key of FONT_KEYS) {
      this.useFont(this.measuring, key, 1);
      const font = currentFont(this.measuring)?.font;
      // Unguarded, a shared font would lose characters from later documents' text layers.
      if (isFontkitFont(font) && rememberCodePoints(font)) this.parsed.set(key, font);
    }
  }

  /** True when documents share parsed fonts and shape caches (see the module comment). */
  get sharing(): boolean {
    return this.parsed.size === FONT_KEYS.length && this.shapeCaches.size === FONT_KEYS.length;
  }

  /** A document with the fonts registered and no page yet. */
  /**
   * A new document. `tagged`: with a structure tree (screen readers read its paragraphs in
   * order), for a member's own copy; a print run is not tagged (its tree would grow with every
   * member's pages and be held until the file ends).
   */
  newDocument(info: DocumentInfo, options: { tagged?: boolean; lang?: string } = {}): PDFKit.PDFDocument {
    const doc = new PDFDocument({
      size: "LETTER",
      margin: 0,
      autoFirstPage: false,
      // No default font: pdfkit would read and parse Helvetica's metrics for every document.
      font: "",
      info: { Title: info.title, Creator: "Studypack", Producer: "Studypack" },
      pdfVersion: "1.7",
      lang: options.lang ?? "en",
      ...(options.tagged ? { tagged: true, displayTitle: true } : {}),
    });
    for (const [key, buffer] of fontBuffers()) {
      const font = this.parsed.get(key);
      if (font) Reflect.apply(doc.registerFont, doc, [key, font]);
      else doc.registerFont(key, buffer);
    }
    this.docFonts.set(doc, new Set());
    return doc;
  }

  /** Selects a font in a document, sharing the word-shape cache the first time. */
  useFont(doc: PDFKit.PDFDocument, key: FontKey, size: number): void {
    doc.font(key).fontSize(size);
    const seen = this.docFonts.get(doc);
    if (!seen || seen.has(key)) return;
    seen.add(key);
    const font = currentFont(doc);
    if (!font || typeof font.layoutCache !== "object") return;
    const shared = this.shapeCaches.get(key);
    if (shared) font.layoutCache = shared;
    else this.shapeCaches.set(key, font.layoutCache);
  }

  /** Width of `text` in points, as pdfkit will draw it (kerning inside words included). */
  width(key: FontKey, size: number, text: string): number {
    let widths = this.widths.get(key);
    if (!widths) {
      widths = new Map();
      this.widths.set(key, widths);
    }
    let perPoint = widths.get(text);
    if (perPoint === undefined) {
      if (this.cachedWords >= MAX_CACHED_WORDS) this.startAgain();
      this.useFont(this.measuring, key, 1);
      perPoint = this.measuring.widthOfString(text);
      widths.set(text, perPoint);
      this.cachedWords++;
    }
    return perPoint * size;
  }

  /**
   * Drops texts from the caches: a member's own text (name, ID number, address, codes) once
   * that member's pages are drawn. The caches then hold only what many members print, and stay
   * the same size however long a print run or a worker process goes on.
   */
  forget(texts: Iterable<string>): void {
    for (const text of texts) {
      // Measured as a whole (fit) and word by word (line breaking).
      for (const widths of this.widths.values()) {
        widths.delete(text);
        for (const word of text.split(/\s+/)) widths.delete(word);
      }
      // pdfkit caches shapes per word with the space after it (EmbeddedFont.layout).
      for (const word of text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? []) {
        for (const cache of this.shapeCaches.values()) Reflect.deleteProperty(cache, word);
      }
    }
  }

  /** Entries in the caches (words measured and shaped), to check that they stay bounded. */
  cacheSize(): number {
    let size = 0;
    for (const widths of this.widths.values()) size += widths.size;
    for (const cache of this.shapeCaches.values()) size += Object.keys(cache).length;
    return size;
  }

  /** Whether the font has a glyph for the character (true when that cannot be told). */
  hasGlyph(key: FontKey, codePoint: number): boolean {
    const font = this.parsed.get(key);
    return font ? font.hasGlyphForCodePoint(codePoint) : true;
  }

  /**
   * The characters of `text` that neither DejaVu Serif nor DejaVu Sans can print (text falls
   * back from one to the other, see text.ts), which would come out as empty boxes.
   */
  missingCharacters(text: string): string[] {
    const missing = new Set<string>();
    for (const char of text) {
      if (char <= "\u024f" || missing.has(char)) continue; // Latin is always there
      // Spaces, format characters and combining marks never need a glyph of their own.
      if (/[\s\p{Cf}\p{M}\p{Cc}]/u.test(char)) continue;
      const codePoint = char.codePointAt(0) ?? 0;
      if (!this.hasGlyph("serif", codePoint) && !this.hasGlyph("sans", codePoint)) missing.add(char);
    }
    return [...missing];
  }

  private startAgain() {
    // Documents already open keep the caches they hold; later ones start new ones.
    this.shapeCaches = new Map();
    this.widths = new Map();
    this.cachedWords = 0;
    for (const key of FONT_KEYS) {
      this.measuring.font(key);
      const font = currentFont(this.measuring);
      if (font && typeof font.layoutCache === "object") {
        font.layoutCache = Object.create(null) as ShapeCache;
        this.shapeCaches.set(key, font.layoutCache);
      }
    }
  }
}

let shared: Typesetter | undefined;

export function typesetter(): Typesetter {
  shared ??= new Typesetter();
  return shared;
}
