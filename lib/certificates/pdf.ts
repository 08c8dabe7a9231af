// The certificate page: one Letter page, calm and plain (a parole or classification file is
// photocopied, so no colour, no images, thin rules only). Everything printed comes from the
// Certificate row as issued (lib/data/certificates.ts), so a re-print is the same page.
// Fonts are the packs' embedded DejaVu (lib/packs/pdf/fonts.ts): any script a name comes in.
import { formatCertificateCode } from "@/lib/certificates/code";
import { certificateLabels } from "@/lib/certificates/labels";
import type { PrintableCertificate } from "@/lib/data/certificates";
import { typesetter, type FontKey } from "@/lib/packs/pdf/fonts";

const WIDTH = 612;
const HEIGHT = 792;
const MARGIN = 72;

/** The address printed under the code: the site's public URL + /verify/<code>. */
export function verificationUrl(siteUrl: string, code: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/verify/${formatCertificateCode(code)}`;
}

// Fonts are selected the plain pdfkit way, not through Typesetter.useFont: its shared word-shape
// cache lost the text layer of some words here (pdftotext read "Cruz" as "Cr z"), and one page
// gains nothing from sharing.
const setFont = (doc: PDFKit.PDFDocument, font: FontKey, size: number) => doc.font(font).fontSize(size);

/** Draws the certificate on a new page of `doc` (used alone, and appended to a member's pack). */
export function drawCertificatePage(doc: PDFKit.PDFDocument, certificate: PrintableCertificate, siteUrl: string): void {
  const labels = certificateLabels(certificate.locale);
  doc.addPage({ size: "LETTER", margin: 0 });
  const inner = WIDTH - 2 * MARGIN;
  const centered = (text: string, font: FontKey, size: number, y: number) => {
    // Long names and titles shrink to fit one line rather than wrap unpredictably.
    doc.font(font).fontSize(1);
    const fitted = Math.max(9, Math.min(size, Math.floor(inner / Math.max(doc.widthOfString(text), 0.001))));
    doc.fontSize(fitted);
    doc.text(text, MARGIN, y, { width: inner, align: "center", lineBreak: false });
  };

  // A double rule around the page.
  doc.lineWidth(1.5).rect(36, 36, WIDTH - 72, HEIGHT - 72).stroke();
  doc.lineWidth(0.5).rect(42, 42, WIDTH - 84, HEIGHT - 84).stroke();

  centered(certificate.organizationName, "sans", 13, 110);
  doc.lineWidth(0.5).moveTo(WIDTH / 2 - 60, 138).lineTo(WIDTH / 2 + 60, 138).stroke();
  centered(labels.title, "serifBold", 30, 168);
  centered(labels.certifies, "serifItalic", 14, 250);
  centered(certificate.printedName, "serifBold", 28, 285);
  doc.lineWidth(0.5).moveTo(MARGIN + 40, 325).lineTo(WIDTH - MARGIN - 40, 325).stroke();
  centered(labels.hasCompleted, "serifItalic", 14, 350);
  centered(certificate.courseTitle, "serif", 22, 385);
  const amount = [labels.packs(certificate.packsCompleted), certificate.hours ? labels.hours(certificate.hours) : null].filter(Boolean).join(" · ");
  centered(amount, "serif", 13, 440);
  centered(labels.period(labels.date(certificate.startedOn), labels.date(certificate.completedOn)), "serif", 13, 462);

  // Signature (left) and date (right), each over a line.
  const colWidth = 200;
  const left = MARGIN + 10;
  const right = WIDTH - MARGIN - 10 - colWidth;
  const lineY = 590;
  doc.lineWidth(0.75).moveTo(left, lineY).lineTo(left + colWidth, lineY).stroke();
  doc.lineWidth(0.75).moveTo(right, lineY).lineTo(right + colWidth, lineY).stroke();
  setFont(doc, "serif", 13);
  doc.text(labels.date(certificate.completedOn), right, lineY - 20, { width: colWidth, align: "center", lineBreak: false });
  setFont(doc, "sans", 9);
  doc.text(labels.signature, left, lineY + 5, { width: colWidth, align: "center", lineBreak: false });
  doc.text(labels.completedOn, right, lineY + 5, { width: colWidth, align: "center", lineBreak: false });
  setFont(doc, "sansBold", 11);
  doc.text(certificate.signerName, left, lineY + 22, { width: colWidth, align: "center", lineBreak: false });
  setFont(doc, "sans", 10);
  doc.text(certificate.signerTitle, left, lineY + 38, { width: colWidth, align: "center", lineBreak: false });

  // The code and where to check it.
  const code = formatCertificateCode(certificate.code);
  centered(`${labels.code}: ${code}`, "sansBold", 11, 680);
  centered(labels.checkAt(verificationUrl(siteUrl, certificate.code)), "sans", 9, 698);
}

/** The certificate alone, as a PDF file. */
export async function renderCertificate(certificate: PrintableCertificate, siteUrl: string): Promise<Buffer> {
  const labels = certificateLabels(certificate.locale);
  const doc = typesetter().newDocument({ title: `${labels.title}: ${certificate.printedName}` }, { lang: labels.lang });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  drawCertificatePage(doc, certificate, siteUrl);
  doc.end();
  return done;
}
