// Uploaded PDF readings for the tests and the PDF benchmark: a PDF made with pdf-lib whose page n
// says "<marker> page n of N" (so pdftotext can tell which page landed where), or a "scan" whose
// pages are only pictures.
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { PrintPack, PrintReading } from "@/lib/packs/print-types";

export async function textPdf(pages: number, marker: string, size: [number, number] = [612, 792]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(size);
    page.drawText(`${marker} page ${n} of ${pages}`, { x: 60, y: size[1] - 80, size: 16, font });
    for (let line = 0; line < 30; line++) {
      page.drawText(`Line ${line + 1} of the uploaded reading, as the publisher set it.`, { x: 60, y: size[1] - 120 - line * 20, size: 11, font });
    }
  }
  return doc.save();
}

/** A "scan": every page one image (a grey square, as a PNG), no text at all. */
export async function scannedPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 60, y: 60, width: 492, height: 672, color: rgb(0.85, 0.85, 0.85) });
  }
  // A real image too, so pdfimages sees what a mailroom would call a picture.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAXpeqz8AAAAASUVORK5CYII=",
    "base64",
  );
  const image = await doc.embedPng(png);
  for (const page of doc.getPages()) page.drawImage(image, { x: 100, y: 100, width: 400, height: 560 });
  return doc.save();
}

export function pdfReading(id: string, title: string, bytes: Uint8Array, pages: number, hasText = true): PrintReading {
  return { id, title, author: "A. Publisher", source: "Uploaded chapter", pageRange: "", bodyMarkdown: null, pdfPageCount: pages, pdfHasText: hasText, pdf: bytes };
}

/** `pack` with `reading` added as the last reading of its first lesson. */
export function withReading(pack: PrintPack, reading: PrintReading, lesson = 0): PrintPack {
  return { ...pack, lessons: pack.lessons.map((l, i) => (i === lesson ? { ...l, readings: [...l.readings, reading] } : l)) };
}
