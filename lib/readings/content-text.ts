// How much text a page of a PDF shows, read from its content streams: the characters of the
// strings passed to the text-showing operators (Tj, TJ, ' and "). A page exported from a word
// processor shows hundreds; a scanned page is one image and shows none (or a scanner's
// watermark line). An OCR'd scan has an invisible text layer, which counts: its text can be
// searched and read aloud, which is what "has a text layer" means.
//
// This is a small tokenizer rather than a full PDF renderer (pdfjs-dist): we only need to
// count, not to place glyphs; docs/decisions/029-pdf-readings.md has the measurements.
import { inflateSync } from "node:zlib";
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFPage } from "pdf-lib";

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const SHOW_TEXT = new Set(["Tj", "TJ", "'", '"']);
const isRegular = (b: number) => !WHITESPACE.has(b) && !DELIMITERS.has(b);

/** Characters shown by the text operators of one decoded content stream. */
export function shownCharacters(bytes: Uint8Array): number {
  let shown = 0;
  // Characters of the string operands since the last operator.
  let pending = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (WHITESPACE.has(b)) {
      i++;
    } else if (b === 0x25) {
      // % comment, to the end of the line
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (b === 0x28) {
      // (literal string), with nested parentheses and backslash escapes
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const c = bytes[i]!;
        if (c === 0x5c) {
          i += 2;
          pending++;
          continue;
        }
        if (c === 0x28) depth++;
        else if (c === 0x29) depth--;
        if (depth > 0 && !WHITESPACE.has(c)) pending++;
        i++;
      }
    } else if (b === 0x3c && bytes[i + 1] === 0x3c) {
      i += 2; // << dictionary (marked-content properties)
    } else if (b === 0x3e && bytes[i + 1] === 0x3e) {
      i += 2;
    } else if (b === 0x3c) {
      // <hex string>: two digits a byte
      let digits = 0;
      i++;
      while (i < n && bytes[i] !== 0x3e) {
        if (!WHITESPACE.has(bytes[i]!)) digits++;
        i++;
      }
      i++;
      pending += Math.floor(digits / 2);
    } else if (b === 0x2f) {
      // /Name
      i++;
      while (i < n && isRegular(bytes[i]!)) i++;
    } else if (!isRegular(b)) {
      i++; // [ ] { } and stray delimiters
    } else {
      const start = i;
      while (i < n && isRegular(bytes[i]!)) i++;
      const token = String.fromCharCode(...bytes.subarray(start, Math.min(i, start + 3)));
      const first = bytes[start]!;
      const isNumber = (first >= 0x30 && first <= 0x39) || first === 0x2d || first === 0x2b || first === 0x2e;
      if (isNumber || token === "tru" || token === "fal" || token === "nul") continue;
      if (i - start <= 2 && SHOW_TEXT.has(token)) shown += pending;
      if (token === "BI") i = skipInlineImage(bytes, i);
      pending = 0;
    }
  }
  return shown;
}

/** An inline image's data is binary: skip from BI past its "ID" … "EI". */
function skipInlineImage(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  let i = from;
  // The ID operator, then one whitespace byte, then the data.
  while (i < n - 1 && !(bytes[i] === 0x49 && bytes[i + 1] === 0x44 && WHITESPACE.has(bytes[i - 1] ?? 0x20) && (i + 2 >= n || WHITESPACE.has(bytes[i + 2]!)))) i++;
  i += 3;
  while (i < n - 1) {
    if (bytes[i] === 0x45 && bytes[i + 1] === 0x49 && WHITESPACE.has(bytes[i - 1]!) && (i + 2 >= n || WHITESPACE.has(bytes[i + 2]!))) return i + 2;
    i++;
  }
  return n;
}

/** Thrown when a content stream a page needs cannot be read (a missing object, bad compression). */
export class DamagedContentError extends Error {}

/**
 * How many decoded bytes of content streams one document may make us hold: a page of prose is a
 * few kilobytes, a 400-page book about 20 MB. A small compressed stream that inflates to
 * gigabytes (a "zip bomb") is refused as damaged instead of exhausting the server's memory.
 */
export const CONTENT_BUDGET_BYTES = 256 * 1024 * 1024;
export type Budget = { left: number };
export const newBudget = (): Budget => ({ left: CONTENT_BUDGET_BYTES });

function decode(context: PDFContext, item: unknown, budget: Budget): Uint8Array {
  const stream = item instanceof PDFRef ? context.lookup(item) : item;
  if (!(stream instanceof PDFRawStream)) throw new DamagedContentError("content is not a stream");
  let bytes: Uint8Array;
  try {
    // The usual filter, inflated by zlib with a ceiling; the rarer ones by pdf-lib.
    const filter = stream.dict.get(PDFName.of("Filter"));
    const flateOnly = filter === PDFName.of("FlateDecode") && !stream.dict.has(PDFName.of("DecodeParms"));
    bytes = flateOnly ? inflateSync(stream.contents, { maxOutputLength: Math.max(1, budget.left) }) : decodePDFRawStream(stream).decode();
  } catch (error) {
    throw new DamagedContentError(error instanceof Error ? error.message : "cannot decode");
  }
  budget.left -= bytes.length;
  if (budget.left < 0) throw new DamagedContentError("content streams larger than the budget");
  return bytes;
}

/** Form XObjects (reused drawings, often a whole imported page) nest at most this deep. */
const MAX_FORM_DEPTH = 8;

function formText(context: PDFContext, resources: PDFDict | undefined, seen: Set<PDFRef>, depth: number, budget: Budget): number {
  if (!resources || depth > MAX_FORM_DEPTH) return 0;
  const xobjects = resources.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xobjects) return 0;
  let shown = 0;
  for (const [, value] of xobjects.entries()) {
    if (!(value instanceof PDFRef) || seen.has(value)) continue;
    seen.add(value);
    const stream = context.lookup(value);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Subtype")) !== PDFName.of("Form")) continue;
    shown += shownCharacters(decode(context, stream, budget));
    shown += formText(context, stream.dict.lookupMaybe(PDFName.of("Resources"), PDFDict), seen, depth + 1, budget);
  }
  return shown;
}

/** Characters shown on a page, its form XObjects included. Throws DamagedContentError. */
export function pageText(page: PDFPage, budget: Budget = newBudget()): number {
  const context = page.doc.context;
  const contents = page.node.get(PDFName.of("Contents"));
  let shown = 0;
  if (contents) {
    const resolved = contents instanceof PDFRef ? context.lookup(contents) : contents;
    if (resolved === undefined) throw new DamagedContentError("missing content");
    const parts = resolved instanceof PDFArray ? resolved.asArray() : [resolved];
    for (const part of parts) shown += shownCharacters(decode(context, part, budget));
  }
  return shown + formText(context, page.node.Resources(), new Set(), 0, budget);
}
