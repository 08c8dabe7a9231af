// Replays laid-out pages into a pdfkit document. Everything is black on white: text and plain
// straight rules, nothing else (no images, no fills, no colour), which is what the strictest
// mailroom rules ("no pictures, no drawings, plain paper") allow.
import type { Typesetter } from "@/lib/packs/pdf/fonts";
import type { Op } from "@/lib/packs/pdf/page";
import { PAGE } from "@/lib/packs/pdf/page";
import { formatResponseCode } from "@/lib/packs/response-code";

export type Codes = Record<string, string>;

type DrawOptions = PDFKit.Mixins.TextOptions & { textWidth: number; wordCount: number };

/**
 * Text drawn where it was laid out: no wrapping, `y` is the baseline. pdfkit would measure each
 * string again only to underline or link it, which we never do; `textWidth` and `wordCount`
 * (read by pdfkit's _fragment, not in @types/pdfkit) spare it that.
 */
function drawOptions(characterSpacing: number): DrawOptions {
  return { lineBreak: false, baseline: "alphabetic", characterSpacing, textWidth: 0, wordCount: 0 };
}

/**
 * Draws page furniture (running heads, page and envelope numbers) as an artifact of a tagged
 * document, which screen readers skip; in an untagged one, just draws it.
 */
export function paintArtifact(doc: PDFKit.PDFDocument, type: Typesetter, ops: readonly Op[], tagged: boolean, own?: Set<string>): void {
  if (!tagged) return paint(doc, type, ops, {}, own);
  doc.markContent("Artifact", { type: "Pagination" });
  paint(doc, type, ops, {}, own);
  doc.endMarkedContent();
}

/**
 * A new page. pdfkit writes the previous page out here, but keeps its page dictionary (and
 * through it the page's resources) until the document ends, only to list it by number in the
 * page tree: most of a kilobyte a page, some 8 MB over a 10,000-page print run. Emptying the
 * dictionary once it is written (`offset` is set then) leaves about a quarter of that; its
 * number is all that is still used.
 */
export function addPage(doc: PDFKit.PDFDocument): void {
  const previous: PDFKit.PDFPage | undefined = doc.page;
  doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
  const written = previous && (Reflect.get(previous.dictionary, "offset") as unknown) !== undefined;
  if (written) previous.dictionary.data = {} as PDFKit.PDFKitReference["data"];
}

/**
 * Draws `ops` on the current page. A member's own texts (names, codes) are added to `own`, for
 * the caller to drop from the caches once that member is done (Typesetter.forget).
 */
export function paint(doc: PDFKit.PDFDocument, type: Typesetter, ops: readonly Op[], codes: Codes = {}, own?: Set<string>, struct?: PDFKit.PDFStructureElement): void {
  // In a tagged document each line of text is a paragraph of `struct`, in the order drawn (the
  // reading order: layouts place text top to bottom).
  const tag = (options: DrawOptions): DrawOptions => (struct ? { ...options, structParent: struct, structType: "P" } : options);
  for (const op of ops) {
    switch (op.t) {
      case "text":
        type.useFont(doc, op.font, op.size);
        doc.text(op.text, op.x, op.y, tag(drawOptions(op.spacing ?? 0)));
        if (op.own) own?.add(op.text);
        break;
      case "rule":
        doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).stroke();
        break;
      case "code": {
        const code = codes[op.promptId];
        // planPack refuses a member without a valid code for every prompt; this is the last guard
        // (formatResponseCode throws on an invalid one): a sheet must never go out without one.
        if (code === undefined) throw new Error(`no response code for prompt ${op.promptId}`);
        const text = formatResponseCode(code);
        const width = type.width(op.font, op.size, text) + op.spacing * (text.length - 1);
        type.useFont(doc, op.font, op.size);
        doc.text(text, op.x + (op.width - width) / 2, op.y, tag(drawOptions(op.spacing)));
        own?.add(text);
        break;
      }
    }
  }
}
