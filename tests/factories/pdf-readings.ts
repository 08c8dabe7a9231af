// Real PDFs for the PDF-reading tests, made with pdf-lib: one with a text layer, a scan (pages
// that are only an image, with a scanner's watermark line), an encrypted one, a truncated one,
// garbage behind a PDF header, and one that runs JavaScript when it opens.
import { randomBytes } from "node:crypto";
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { tinyPng } from "./files";

const A4: [number, number] = [595, 842];

/** `pages` pages of prose; page n starts with "Page n of the reading". */
export async function textPdf(pages = 12, options: { padBytes?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(A4);
    page.drawText(`Page ${n} of the reading`, { x: 50, y: 790, size: 14, font });
    for (let line = 0; line < 30; line++) page.drawText(`Line ${line}: the study group reads this chapter together, slowly.`, { x: 50, y: 760 - line * 20, size: 11, font });
  }
  // Incompressible bytes in an unreferenced stream, to make a file of a chosen size.
  if (options.padBytes) doc.context.register(doc.context.stream(randomBytes(options.padBytes)));
  return doc.save();
}

/** Pages that are one image each, with "Scanned with CamScanner" at the foot, as phone apps add. */
export async function scanPdf(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(tinyPng());
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 0; n < pages; n++) {
    const page = doc.addPage(A4);
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
    page.drawText("Scanned with CamScanner", { x: 20, y: 10, size: 6, font });
  }
  return doc.save();
}

/** Encrypted with a password nobody knows (a standard security handler, RC4 128-bit). */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await textPdf(2));
  const hex = (bytes: number) => PDFHexString.of(randomBytes(bytes).toString("hex"));
  doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: "Standard", V: 2, R: 3, Length: 128, P: -3904, O: hex(32), U: hex(32) }));
  return doc.save({ useObjectStreams: false });
}

/** A download that stopped part-way. */
export async function truncatedPdf(): Promise<Uint8Array> {
  const whole = await textPdf(12);
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** A PDF header, then noise, then an end marker: not a PDF that any reader can open. */
export function garbagePdf(): Uint8Array {
  return Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(4000), Buffer.from("\n%%EOF\n")]);
}

/** A text PDF whose catalog runs JavaScript on opening, plus a page action and a document-level script. */
export async function javascriptPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await textPdf(pages));
  const { context, catalog } = doc;
  const script = (js: string) => context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of(js) });
  catalog.set(PDFName.of("OpenAction"), context.register(script("app.alert('opened');")));
  doc.getPage(0).node.set(PDFName.of("AA"), context.obj({ O: script("this.print();") }));
  const tree = context.obj({ Names: [PDFString.of("init"), context.register(script("app.launchURL('https://example.org');"))] });
  catalog.set(PDFName.of("Names"), context.obj({ JavaScript: context.register(tree) }));
  return doc.save();
}
