// The checks on an uploaded PDF reading, with real PDFs made by pdf-lib (tests/factories) and
// read back by poppler where a second opinion matters. MAX_READING_MB is 1 here.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName } from "pdf-lib";
import { afterAll, describe, expect, it, vi } from "vitest";
import { inspectPdfReading, PDF_READING_ERRORS } from "@/lib/readings/inspect";
import { findScripts } from "@/lib/readings/scripts";
import { DamagedContentError, pageText, shownCharacters } from "@/lib/readings/content-text";
import { tinyPng } from "@/tests/factories/files";
import { encryptedPdf, garbagePdf, javascriptPdf, scanPdf, textPdf, truncatedPdf } from "@/tests/factories/pdf-readings";

vi.hoisted(() => {
  process.env.MAX_READING_MB = "1";
});

const dir = mkdtempSync(path.join(os.tmpdir(), "studypack-pdf-reading-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What poppler says about a file: its pdfinfo fields. */
function pdfinfo(bytes: Uint8Array): Record<string, string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return Object.fromEntries(out.split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]));
}

const refused = (key: string) => ({ code: "INVALID", message: key });

describe("inspectPdfReading", () => {
  it("accepts a 12-page PDF with text: 12 pages, a text layer, stored as uploaded", async () => {
    const bytes = await textPdf(12);
    const result = await inspectPdfReading(bytes);
    expect(result).toMatchObject({ pageCount: 12, hasText: true, scriptsRemoved: [] });
    expect(result.bytes).toBe(bytes);
    expect(pdfinfo(bytes).Pages).toBe("12");
  });

  it("accepts a scan (pages that are only an image, with a watermark line): no text layer", async () => {
    const result = await inspectPdfReading(await scanPdf(3));
    expect(result).toMatchObject({ pageCount: 3, hasText: false });
  });

  it("refuses an encrypted PDF", async () => {
    const bytes = await encryptedPdf();
    // Poppler cannot open it either: it asks for the password.
    expect(() => pdfinfo(bytes)).toThrow(/Incorrect password/);
    await expect(inspectPdfReading(bytes)).rejects.toMatchObject(refused(PDF_READING_ERRORS.encrypted));
  });

  it("refuses a truncated PDF and garbage behind a PDF header as damaged", async () => {
    await expect(inspectPdfReading(await truncatedPdf())).rejects.toMatchObject(refused(PDF_READING_ERRORS.damaged));
    await expect(inspectPdfReading(garbagePdf())).rejects.toMatchObject(refused(PDF_READING_ERRORS.damaged));
  });

  it("strips JavaScript (open action, page action, document scripts) and keeps the pages", async () => {
    const bytes = await javascriptPdf(2);
    expect(findScripts((await PDFDocument.load(bytes)).context)).toEqual(expect.arrayContaining(["/AA", "/JS", "/JavaScript", "/OpenAction"]));
    const result = await inspectPdfReading(bytes);
    expect(result.scriptsRemoved).toEqual(expect.arrayContaining(["/OpenAction", "/JS"]));
    expect(result).toMatchObject({ pageCount: 2, hasText: true });
    const stored = Buffer.from(result.bytes).toString("latin1");
    expect(stored).not.toMatch(/JavaScript|\/JS\b|\/AA\b|OpenAction|app\.alert/);
    expect(findScripts((await PDFDocument.load(result.bytes)).context)).toEqual([]);
    expect(pdfinfo(result.bytes).Pages).toBe("2");
  });

  it("refuses a file over MAX_READING_MB, an empty file, and a PNG named .pdf", async () => {
    await expect(inspectPdfReading(await textPdf(1, { padBytes: 1024 * 1024 }))).rejects.toMatchObject({ code: "TOO_LARGE", message: PDF_READING_ERRORS.tooLarge });
    await expect(inspectPdfReading(new Uint8Array())).rejects.toMatchObject(refused(PDF_READING_ERRORS.empty));
    await expect(inspectPdfReading(tinyPng())).rejects.toMatchObject(refused(PDF_READING_ERRORS.notPdf));
  });
});

describe("pageText", () => {
  it("counts a page's text, and stops at a budget of decoded bytes (a stream that inflates without end)", async () => {
    const doc = await PDFDocument.load(await textPdf(1));
    const page = doc.getPage(0);
    expect(pageText(page)).toBeGreaterThan(1000);
    // A small compressed stream that inflates to 64 MB, with a budget of 1 MB.
    const { deflateSync } = await import("node:zlib");
    const bomb = doc.context.register(doc.context.stream(deflateSync(Buffer.alloc(64 * 1024 * 1024)), { Filter: "FlateDecode" }));
    page.node.set(PDFName.of("Contents"), bomb);
    expect(() => pageText(page, { left: 1024 * 1024 })).toThrow(DamagedContentError);
  });
});

describe("shownCharacters", () => {
  const count = (s: string) => shownCharacters(Buffer.from(s, "latin1"));
  it("counts the strings the text operators show, not other operands", () => {
    expect(count("BT /F1 12 Tf 72 700 Td (Hello) Tj ET")).toBe(5);
    expect(count("BT [(Wo) -20 (rld)] TJ <41424344> Tj (a\\)b) ' ET")).toBe(5 + 4 + 3);
    // A marked-content property string and a comment are not shown text.
    expect(count("/Span <</ActualText (not shown)>> BDC % (comment) Tj\nEMC")).toBe(0);
    // Inline image data is skipped whatever bytes it holds.
    expect(count("BI /W 2 /H 1 /BPC 8 /CS /G ID \x28(xx) Tj\x29 EI (ok) Tj")).toBe(2);
  });
});
