// The certificate printed alone: one Letter page, calm and plain (a parole or classification
// file is photocopied, so no colour, no images, thin rules only). Everything printed comes from
// the Certificate row as issued (lib/data/certificates.ts), so a re-print is the same page. The
// page is laid out by lib/packs/pdf/certificate.ts, which also places it in a member's next pack.
import { certificateLabels } from "@/lib/certificates/labels";
import { toPrintCertificate, type PrintableCertificate } from "@/lib/certificates/in-packs";
import { certificateOps, SHEET_FRAME, sheetBorderOps } from "@/lib/packs/pdf/certificate";
import { typesetter } from "@/lib/packs/pdf/fonts";
import { addPage, paint } from "@/lib/packs/pdf/paint";

/** The certificate alone, as a PDF file (tagged, in the certificate's language). */
export async function renderCertificate(certificate: PrintableCertificate, siteUrl: string): Promise<Buffer> {
  const labels = certificateLabels(certificate.locale);
  const type = typesetter();
  const doc = type.newDocument({ title: `${labels.title}: ${certificate.printedName}` }, { tagged: true, lang: labels.lang });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  addPage(doc);
  const own = new Set<string>();
  paint(doc, type, sheetBorderOps(), {}, own);
  paint(doc, type, certificateOps(type, toPrintCertificate(certificate, siteUrl), SHEET_FRAME), {}, own, root);
  root.end();
  type.forget(own);
  doc.end();
  return done;
}
