// What an uploaded PDF reading is, checked before anything is stored:
//
// - a PDF by its content ("%PDF-" at byte 0, lib/files/sniff.ts), whatever its name says;
// - not larger than MAX_READING_MB (the route stops reading at the limit; this is the backstop);
// - complete: it ends with "%%EOF" (a download or copy that stopped half-way does not), pdf-lib
//   can parse it, it has at least one page, and every page's content can be decoded;
// - not encrypted: a password-protected file cannot be printed into a pack, and an
//   "owner password" file that opens without one still forbids the copying the pack needs;
// - without scripts: any found are stripped and the result checked again (lib/readings/scripts.ts).
//
// It answers with the page count, whether the PDF has a text layer (pdfHasText: false for a
// scan) and the bytes to store: the upload itself, or the rewritten file when scripts were
// removed. Every refusal is an AppError with a plain message under authoring.pdfReading.errors.
import "server-only";
import { PDFDocument } from "pdf-lib";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { detectFileType } from "@/lib/files/sniff";
import { DamagedContentError, newBudget, pageText } from "@/lib/readings/content-text";
import { findScripts, stripScripts } from "@/lib/readings/scripts";

export const PDF_READING_ERRORS = {
  noFile: "authoring.pdfReading.errors.noFile",
  empty: "authoring.pdfReading.errors.empty",
  tooLarge: "authoring.pdfReading.errors.tooLarge",
  notPdf: "authoring.pdfReading.errors.notPdf",
  damaged: "authoring.pdfReading.errors.damaged",
  encrypted: "authoring.pdfReading.errors.encrypted",
  noPages: "authoring.pdfReading.errors.noPages",
  scriptsRemain: "authoring.pdfReading.errors.scriptsRemain",
} as const;

/** The largest PDF reading, in bytes. */
export function maxReadingBytes(): number {
  return env().MAX_READING_MB * 1024 * 1024;
}

/**
 * A page "has text" when it shows at least this many characters. A scanner's or phone app's
 * watermark line ("Scanned with CamScanner", 23) stays under it; a page of prose is far above.
 */
export const MIN_CHARACTERS_PER_PAGE = 30;

export type InspectedPdf = {
  bytes: Uint8Array;
  pageCount: number;
  /** At least half the pages have text: a text layer to search, read aloud and print crisply. */
  hasText: boolean;
  /** What was removed ("/OpenAction", "/JS" …); empty when the upload is stored as it came. */
  scriptsRemoved: string[];
};

const refuse = (key: string) => new AppError("INVALID", key, { field: "file" });

/** A PDF ends with "%%EOF" (readers allow some bytes after it; Acrobat up to 1024). */
function hasEnd(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1100);
  return tail.includes("%%EOF");
}

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    // Loaded even when encrypted, to tell that apart from damage by the trailer's /Encrypt.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw refuse(PDF_READING_ERRORS.damaged);
  }
  if (doc.isEncrypted) throw refuse(PDF_READING_ERRORS.encrypted);
  return doc;
}

/** Pages with text, counted; a page whose content cannot be read makes the file damaged. */
function textPages(doc: PDFDocument): number {
  try {
    const budget = newBudget();
    return doc.getPages().filter((page) => pageText(page, budget) >= MIN_CHARACTERS_PER_PAGE).length;
  } catch (error) {
    // DamagedContentError, or pdf-lib failing on a page tree that points at nothing.
    console.warn("PDF reading refused as damaged:", error instanceof DamagedContentError ? error.message : error);
    throw refuse(PDF_READING_ERRORS.damaged);
  }
}

export async function inspectPdfReading(upload: Uint8Array): Promise<InspectedPdf> {
  if (upload.length === 0) throw refuse(PDF_READING_ERRORS.empty);
  if (upload.length > maxReadingBytes()) throw new AppError("TOO_LARGE", PDF_READING_ERRORS.tooLarge, { field: "file" });
  if (detectFileType(upload) !== "application/pdf") throw refuse(PDF_READING_ERRORS.notPdf);
  if (!hasEnd(upload)) throw refuse(PDF_READING_ERRORS.damaged);

  let doc = await load(upload);
  let bytes = upload;
  const scripts = findScripts(doc.context);
  if (scripts.length > 0) {
    stripScripts(doc.context);
    bytes = await doc.save({ updateFieldAppearances: false });
    doc = await load(bytes);
    if (findScripts(doc.context).length > 0) throw refuse(PDF_READING_ERRORS.scriptsRemain);
  }

  let pageCount: number;
  try {
    pageCount = doc.getPageCount();
  } catch {
    throw refuse(PDF_READING_ERRORS.damaged);
  }
  if (pageCount === 0) throw refuse(PDF_READING_ERRORS.noPages);
  const withText = textPages(doc);
  return { bytes, pageCount, hasText: withText * 2 >= pageCount, scriptsRemoved: scripts };
}
