// Rendering: a member's pack as one PDF, and a print run as ONE merged PDF in mailing order.
//
// The print run's first sheets list every member with envelopes and pages, so those numbers
// must exist before the first byte is written. They do: planning is arithmetic on the shared
// layout (plan.ts), so the whole run is planned first (milliseconds for 500 members) and then
// written front to back in one pass. The alternative, writing the packs and then a second file
// with the list in front, would need the whole run on disk twice or in memory.
//
// The run is one pdfkit document streamed to `out` as it is drawn: fonts are loaded, shaped and
// embedded once for the whole file (a 500-member run is not 500 documents), and memory stays
// flat because each member's pages are flushed before the next member is drawn (the loop waits
// for `out` to drain).
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { layoutCover } from "@/lib/packs/pdf/cover";
import { memberFurniture } from "@/lib/packs/pdf/furniture";
import { layoutForMember, layoutPack, type PackLayout } from "@/lib/packs/pdf/layout";
import { addPage, paint, paintArtifact } from "@/lib/packs/pdf/paint";
import { isBlocking, PackNotPrintableError, planFromLayout, type PackPlan, type PackProblem } from "@/lib/packs/pdf/plan";
import { layoutRunSheet, runSheetFurniture, type RunEntry } from "@/lib/packs/pdf/run-sheet";
import { SharedPages } from "@/lib/packs/pdf/shared-pages";
import { ImportedPages, UnreadableReadingError } from "@/lib/packs/pdf/imported-pages";
import { labelsFor } from "@/lib/packs/pdf/labels";
import type { PrintMember, PrintPack } from "@/lib/packs/print-types";

/** The layout of a member's pack in their language (layoutPack keeps one per language). */
const layoutOf = (pack: PrintPack, member: PrintMember) => layoutPack(pack, labelsFor(member.locale));

export type MemberPackResult = { pages: number; envelopes: { pages: number }[] };

export type PrintRunResult = {
  /**
   * Every member asked for, in mailing order, then every by-post member (`byPost`); a member left
   * out has 0 envelopes and pages.
   */
  members: { memberId: string; envelopes: number; pages: number; problems: PackProblem[]; byPost?: true }[];
  /** Pages in the file, run sheet included. */
  pages: number;
};

/**
 * Draws one member's whole pack (every envelope, each with its slip) into `doc`; with `shared`,
 * pages every member has are written once per document (shared-pages.ts).
 */
function paintMember(doc: PDFKit.PDFDocument, base: PackLayout, member: PrintMember, plan: PackPlan, imports: ImportedPages, shared?: SharedPages, struct?: PDFKit.PDFStructureElement): void {
  const layout = layoutForMember(base, member);
  const { type, breaker, labels } = layout;
  const envelopes = plan.envelopes.length;
  const furniture = memberFurniture(member, breaker, labels);
  const own = new Set<string>();
  for (const envelope of plan.envelopes) {
    const numbers = { pages: plan.pages, envelope: envelope.number, envelopes };
    addPage(doc);
    paint(doc, type, layoutCover(layout, member, plan, envelope).ops, {}, own, struct);
    paintArtifact(doc, type, furniture({ ...numbers, page: envelope.firstPage }, null), Boolean(struct), own);
    for (const placed of envelope.sections) {
      const section = layout.sections[placed.index]!;
      for (let offset = 0; offset < placed.pages; offset++) {
        const page = section.pages[placed.offset + offset]!;
        addPage(doc);
        if (page.imported) imports.place(page.imported.readingId, page.imported.index);
        else if (shared) shared.paint(page, member.codes, own);
        else paint(doc, type, page.ops, member.codes, own, struct);
        const notes = [
          offset === 0 && placed.continuedFrom !== null ? labels.continuedFrom(placed.continuedFrom) : null,
          offset === placed.pages - 1 && placed.continuesIn !== null ? labels.continuesIn(placed.continuesIn) : null,
        ].filter((note): note is string => note !== null);
        paintArtifact(doc, type, furniture({ ...numbers, page: placed.firstPage + offset }, section.runningHead, notes.join(" · ") || null), Boolean(struct), own);
      }
    }
  }
  type.forget(own);
}

/**
 * Writes the pages of every uploaded PDF reading the pack places into `doc`, once: members'
 * pages then only refer to them. The bytes come with the pack (print-data.ts loads them).
 */
async function importReadings(doc: PDFKit.PDFDocument, layout: PackLayout, pack: PrintPack, imports = new ImportedPages(doc)): Promise<ImportedPages> {
  const readings = new Map(pack.lessons.flatMap((lesson) => lesson.readings.map((reading) => [reading.id, reading] as const)));
  for (const item of layout.imported) {
    const bytes = readings.get(item.readingId)?.pdf;
    if (!bytes) throw new UnreadableReadingError(item.title, new Error("its file was not loaded"));
    await imports.embed(item.readingId, item.title, bytes);
    const found = imports.pageCount(item.readingId);
    // Planned with the count read at upload: a file that disagrees would shift every page after it.
    if (found !== item.pages) throw new UnreadableReadingError(item.title, new Error(`it has ${found} pages, not the ${item.pages} on record`));
  }
  return imports;
}

function documentTitle(pack: PrintPack): string {
  // The pack, never the member: file metadata shows up in print queues and file listings.
  return `${pack.group.name}: Pack ${pack.pack.number}${pack.pack.title ? ` ${pack.pack.title}` : ""}`;
}

async function drained(out: Writable): Promise<void> {
  // Let pdfkit's buffered output reach `out`, then wait while `out` is full.
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain) await once(out, "drain");
}

/** A new document piped to `out`, drawn by `draw`, ended; `out` is destroyed if drawing fails. */
async function write(layout: PackLayout, pack: PrintPack, out: Writable, draw: (doc: PDFKit.PDFDocument) => void | Promise<void>, options: { tagged?: boolean; lang?: string } = {}): Promise<void> {
  const doc = layout.type.newDocument({ title: documentTitle(pack) }, options);
  const done = finished(out);
  // Handled from the start: `out` may fail (disk full) while the run is still drawing, and the
  // failure is awaited below (or in `drained`), not left to crash the process as unhandled.
  done.catch(() => undefined);
  doc.pipe(out);
  try {
    await draw(doc);
  } catch (error) {
    doc.unpipe(out);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => undefined);
    throw error;
  }
  doc.end();
  await done;
}

/**
 * One member's pack as a PDF written to `out` (which is ended). Throws PackNotPrintableError,
 * before writing anything, when planPack reports a blocking problem.
 */
export async function renderMemberPack(pack: PrintPack, member: PrintMember, out: Writable): Promise<MemberPackResult> {
  const layout = layoutOf(pack, member);
  const plan = planFromLayout(layout, member);
  const blocking = plan.problems.filter(isBlocking);
  if (blocking.length > 0) throw new PackNotPrintableError(blocking);

  // A member's own copy is tagged, in their language: a screen reader reads its paragraphs in
  // order and skips the page furniture (the print run is not: see Typesetter.newDocument).
  const options = { tagged: true, lang: member.locale === "ES" ? "es" : "en" };
  await write(layout, pack, out, async (doc) => {
    const root = doc.struct("Document");
    doc.addStructure(root);
    paintMember(doc, layout, member, plan, await importReadings(doc, layout, pack), undefined, root);
    root.end();
  }, options);
  return { pages: plan.pages, envelopes: plan.envelopes.map((envelope) => ({ pages: envelope.pages })) };
}

/**
 * Every member's pack in one PDF written to `out` (which is ended), in the order given (the
 * mailing order of loadPrintData), after the run sheet. Members whose pack cannot be printed
 * (planPack's blocking problems) are left out and listed on the run sheet, so one facility's
 * page limit does not hold up everyone else's packs. `onProgress` is awaited after each member.
 *
 * `byPost`: e-message members' by-post readings (docs/decisions/054), a pack of their own
 * (byPostPack) printed for each of them after the mail members, planned, enveloped and listed
 * on the run sheet in the same way. Its uploaded readings are the pack's, embedded once.
 */
export async function renderPrintRun(
  pack: PrintPack,
  members: PrintMember[],
  out: Writable,
  onProgress: (done: number, total: number) => void | Promise<void>,
  options: { today?: Date; byPost?: { pack: PrintPack; members: PrintMember[] } } = {},
): Promise<PrintRunResult> {
  // The run sheet is for the facilitators (English); each member's pack is in their language.
  const layout = layoutPack(pack);
  const entry = (entryPack: PrintPack, member: PrintMember, byPost: boolean): RunEntry => {
    const plan = planFromLayout(layoutOf(entryPack, member), member);
    return { member, plan, printed: !plan.problems.some(isBlocking), ...(byPost ? { byPost: { pack: entryPack } } : {}) };
  };
  const byPost = options.byPost && options.byPost.members.length > 0 ? options.byPost : undefined;
  const entries: RunEntry[] = [...members.map((member) => entry(pack, member, false)), ...(byPost?.members ?? []).map((member) => entry(byPost!.pack, member, true))];
  const today = options.today ?? new Date();
  // Laid out twice: the first time only to learn how many pages it takes, since the file page
  // of each member's pack is printed on it (the layout does not depend on those numbers).
  const draft = layoutRunSheet(layout, entries, 1, today);
  layout.type.forget(draft.flatMap((page) => page.ops.flatMap((op) => (op.t === "text" ? [op.text] : []))));
  const sheet = layoutRunSheet(layout, entries, draft.length + 1, today);

  await write(layout, pack, out, async (doc) => {
    const imports = await importReadings(doc, layout, pack);
    if (byPost) await importReadings(doc, layoutPack(byPost.pack), byPost.pack, imports);
    const shared = new SharedPages(doc, layout.type);
    const own = new Set<string>();
    sheet.forEach((page, index) => {
      addPage(doc);
      paint(doc, layout.type, page.ops, {}, own);
      paint(doc, layout.type, runSheetFurniture(layout, index + 1, sheet.length));
    });
    layout.type.forget(own);
    for (const [index, entry] of entries.entries()) {
      if (entry.printed) paintMember(doc, layoutOf(entry.byPost?.pack ?? pack, entry.member), entry.member, entry.plan, imports, shared);
      await drained(out);
      await onProgress(index + 1, entries.length);
    }
  });
  return {
    members: entries.map(({ member, plan, printed, byPost: by }) => ({
      memberId: member.memberId,
      envelopes: printed ? plan.envelopes.length : 0,
      pages: printed ? plan.pages : 0,
      problems: plan.problems,
      ...(by ? { byPost: true as const } : {}),
    })),
    pages: sheet.length + entries.reduce((sum, entry) => sum + (entry.printed ? entry.plan.pages : 0), 0),
  };
}
