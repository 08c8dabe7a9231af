// The certificate page as drawing operations (page.ts), so one layout serves both the certificate
// printed alone (lib/certificates/pdf.ts: the whole sheet, a double rule around it) and the page
// appended to a member's next pack ("include in next pack", layout.ts): there it sits inside the
// body, under the pack's running head and above the footer with the member's name and ID number
// that mailrooms require on every page, and is counted by planPack like any other page.
// Positions are those of the stand-alone sheet (points from the top, text at its baseline),
// scaled into the frame given.
import { formatCertificateCode } from "@/lib/certificates/code";
import { certificateLabels } from "@/lib/certificates/labels";
import type { FontKey, Typesetter } from "@/lib/packs/pdf/fonts";
import { BODY, PAGE, type Op } from "@/lib/packs/pdf/page";

/** What a certificate prints (a Certificate row as issued), and the address to check it at. */
export type PrintCertificate = {
  id: string;
  code: string;
  printedName: string;
  courseTitle: string;
  organizationName: string;
  packsCompleted: number;
  hours: number | null;
  startedOn: Date;
  completedOn: Date;
  signerName: string;
  signerTitle: string;
  locale: "EN" | "ES";
  /** `<site>/verify/XXXX-XXXX-XXXX` */
  verifyUrl: string;
};

/** The stand-alone sheet's frame: inside a double rule 36 pt from the edges. */
export const SHEET_FRAME = { top: 36, bottom: PAGE.height - 36 } as const;
/** Inside a pack: the body between the running head and the footer. */
export const PACK_FRAME = { top: BODY.top, bottom: BODY.bottom } as const;

export function certificateOps(type: Typesetter, c: PrintCertificate, frame: { top: number; bottom: number }): Op[] {
  const labels = certificateLabels(c.locale);
  const scale = (frame.bottom - frame.top) / (SHEET_FRAME.bottom - SHEET_FRAME.top);
  const at = (y: number) => frame.top + (y - SHEET_FRAME.top) * scale;
  const left = BODY.left;
  const inner = BODY.right - BODY.left;
  const ops: Op[] = [];
  const centered = (text: string, font: FontKey, size: number, y: number, own = false) => {
    // Long names and titles shrink to fit one line rather than wrap.
    const fitted = Math.max(8, Math.min(size, Math.floor((size * inner) / Math.max(type.width(font, size, text), 1))));
    const width = type.width(font, fitted, text);
    ops.push({ t: "text", x: left + (inner - width) / 2, y: at(y), text, font, size: fitted, own });
  };
  const inColumn = (text: string, font: FontKey, size: number, x: number, width: number, y: number) => {
    ops.push({ t: "text", x: x + (width - type.width(font, size, text)) / 2, y: at(y), text, font, size });
  };
  const rule = (x1: number, x2: number, y: number, width: number) => ops.push({ t: "rule", x1, y1: at(y), x2, y2: at(y), width });

  centered(c.organizationName, "sans", 13, 122);
  rule(PAGE.width / 2 - 60, PAGE.width / 2 + 60, 138, 0.5);
  centered(labels.title, "serifBold", 30, 196);
  centered(labels.certifies, "serifItalic", 14, 263);
  centered(c.printedName, "serifBold", 28, 311, true);
  rule(left + 40, BODY.right - 40, 325, 0.5);
  centered(labels.hasCompleted, "serifItalic", 14, 363);
  centered(c.courseTitle, "serif", 22, 405);
  centered([labels.packs(c.packsCompleted), c.hours ? labels.hours(c.hours) : null].filter(Boolean).join(" · "), "serif", 13, 452);
  centered(labels.period(labels.date(c.startedOn), labels.date(c.completedOn)), "serif", 13, 474);

  // Signature (left) and date of completion (right), each over a line.
  const column = 200;
  const signX = left + 10;
  const dateX = BODY.right - 10 - column;
  rule(signX, signX + column, 590, 0.75);
  rule(dateX, dateX + column, 590, 0.75);
  inColumn(labels.date(c.completedOn), "serif", 13, dateX, column, 582);
  inColumn(labels.signature, "sans", 9, signX, column, 603);
  inColumn(labels.completedOn, "sans", 9, dateX, column, 603);
  inColumn(c.signerName, "sansBold", 11, signX, column, 622);
  inColumn(c.signerTitle, "sans", 10, signX, column, 637);

  centered(`${labels.code}: ${formatCertificateCode(c.code)}`, "sansBold", 11, 690);
  centered(labels.checkAt(c.verifyUrl), "sans", 9, 706);
  return ops;
}

/** The double rule around the stand-alone sheet. */
export function sheetBorderOps(): Op[] {
  const box = (inset: number, width: number): Op[] => {
    const [l, t, r, b] = [inset, inset, PAGE.width - inset, PAGE.height - inset];
    return [
      { t: "rule", x1: l, y1: t, x2: r, y2: t, width },
      { t: "rule", x1: r, y1: t, x2: r, y2: b, width },
      { t: "rule", x1: r, y1: b, x2: l, y2: b, width },
      { t: "rule", x1: l, y1: b, x2: l, y2: t, width },
    ];
  };
  return [...box(36, 1.5), ...box(42, 0.5)];
}
