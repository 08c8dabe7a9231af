// The first page of every envelope: the cover of envelope 1 and the slip of the others are the
// same page, so every envelope can go out in a window envelope and says what it holds.
//
// Placement is for a US #10 window envelope (window 4½" × 1⅛", ⅞" from the left and ½" from
// the bottom of the envelope) holding a Letter sheet folded in three: the top third faces the
// window. The address block therefore starts 2⅛" from the top and 1" from the left and stays
// within 3¾" × 1", which leaves room for the sheet to slide a little inside the envelope. The
// return address sits at the top left, where a double-window envelope's upper window is, and
// where a volunteer copying it by hand expects it. Small ticks in the margins mark the folds.
//
// Below the fold: the pack, what this envelope holds (pages and sections), the other envelopes
// of the pack, and the facility's mail rules and notes, for the mailroom officer who opens it.
import { fit } from "@/lib/packs/pdf/furniture";
import type { PackLayout } from "@/lib/packs/pdf/layout";
import { Flow } from "@/lib/packs/pdf/flow";
import { BODY, BODY_WIDTH, PAGE, type Op, type Page } from "@/lib/packs/pdf/page";
import type { PackPlan, PlannedEnvelope } from "@/lib/packs/pdf/plan";
import { printable, type Line, type Style } from "@/lib/packs/pdf/text";
import type { PrintMember } from "@/lib/packs/print-types";
import { printedIdNumber } from "@/lib/people/identity";

const INCH = 72;
export const ADDRESS_BLOCK = { left: 1 * INCH, top: 2.125 * INCH, width: 3.75 * INCH, height: 1 * INCH } as const;
const RETURN_BLOCK = { left: 0.5 * INCH, top: 0.5 * INCH, width: 3.25 * INCH } as const;
const FOLDS = [PAGE.height / 3, (2 * PAGE.height) / 3];

const RETURN: Style = { font: "sans", size: 9 };
const ADDRESS: Style = { font: "sans", size: 11 };
const TITLE: Style = { font: "sansBold", size: 16 };
const ENVELOPE: Style = { font: "sansBold", size: 20 };
const META: Style = { font: "sans", size: 10 };
const TEXT: Style = { font: "serif", size: 11 };
const RULES_HEADING: Style = { font: "sansBold", size: 10.5 };
const ADDRESS_LEADING = 1.2;
const MAX_NOTE_LINES = 8;

/** The lines of the mailing block, most important first. The ID as every page footer prints it. */
export function addressLines(member: PrintMember): string[] {
  const id = printedIdNumber(member.idNumber);
  const lines = [id ? `${member.legalName} #${id}` : member.legalName];
  if (member.housingUnit?.trim()) lines.push(member.housingUnit);
  if (member.facility) lines.push(member.facility.name, ...member.facility.addressLines.filter((line) => line.trim()));
  return lines.map(printable);
}

/** A block of single lines from `top`: each line made smaller (and at worst shortened) to fit. */
function block(layout: PackLayout, lines: string[], style: Style, left: number, top: number, width: number, leading: number, own: boolean): Op[] {
  const ops: Op[] = [];
  let baseline = top + style.size * 0.93;
  for (const line of lines) {
    const fitted = fit(layout.breaker, line, style, width, own);
    ops.push({ t: "text", x: left, y: baseline, text: fitted.text, font: fitted.style.font, size: fitted.style.size, own });
    baseline += style.size * leading;
  }
  return ops;
}

function mailingBlock(layout: PackLayout, member: PrintMember): Op[] {
  const lines = addressLines(member);
  // Shrink the type until every line is in the window: 5 lines at 11 pt, 7 at 9 pt.
  let size = ADDRESS.size;
  while (size > 9 && lines.length * size * ADDRESS_LEADING > ADDRESS_BLOCK.height) size -= 0.5;
  return block(layout, lines, { ...ADDRESS, size }, ADDRESS_BLOCK.left, ADDRESS_BLOCK.top, ADDRESS_BLOCK.width, ADDRESS_LEADING, true);
}

type Entry = { label: string; first: number; last: number };

/** What an envelope holds, with consecutive response sheets listed as one entry. */
function entries(envelope: PlannedEnvelope, layout: PackLayout): Entry[] {
  const out: (Entry & { questions?: [number, number] })[] = [];
  for (const section of envelope.sections) {
    const last = out[out.length - 1];
    if (section.kind === "sheet" && section.question !== undefined) {
      if (last?.questions && last.questions[1] === section.question - 1) {
        last.questions[1] = section.question;
        last.last = section.lastPage;
        last.label = layout.labels.sheets(last.questions[0], last.questions[1]);
        continue;
      }
      out.push({ label: layout.labels.sheets(section.question, section.question), first: section.firstPage, last: section.lastPage, questions: [section.question, section.question] });
      continue;
    }
    out.push({ label: section.continuedFrom === null ? section.title : layout.labels.continuedTitle(section.title), first: section.firstPage, last: section.lastPage });
  }
  return out;
}

export function layoutCover(layout: PackLayout, member: PrintMember, plan: PackPlan, envelope: PlannedEnvelope): Page {
  const { labels, breaker, pack } = layout;
  const ops: Op[] = [];
  ops.push(
    ...block(layout, [pack.organization.name, ...pack.organization.returnAddressLines], RETURN, RETURN_BLOCK.left, RETURN_BLOCK.top, RETURN_BLOCK.width, 1.25, false),
    ...mailingBlock(layout, member),
  );
  for (const y of FOLDS) {
    ops.push({ t: "rule", x1: 12, y1: y, x2: 30, y2: y, width: 0.5 }, { t: "rule", x1: PAGE.width - 30, y1: y, x2: PAGE.width - 12, y2: y, width: 0.5 });
  }

  const flow = new Flow(BODY.bottom, FOLDS[0]! + 28);
  const lines = (text: string, style: Style, width = BODY_WIDTH): Line[] => breaker.lines([{ text, style }], width, style);
  const place = (text: string, style: Style) => flow.placeLines(lines(text, style), BODY.left);

  place(labels.packName(pack.pack.number, pack.pack.title), TITLE);
  place(`${pack.group.name} · ${pack.organization.name}`, META);
  if (pack.pack.dueDate) place(labels.dueBy(labels.date(pack.pack.dueDate)), META);
  flow.gap(12);
  const envelopes = plan.envelopes.length;
  if (envelopes > 1) {
    place(labels.envelope(envelope.number, envelopes), ENVELOPE);
    flow.gap(4);
  }
  place(
    envelopes > 1 ? labels.inThisEnvelope(envelope.pages, envelope.firstPage, envelope.lastPage, plan.pages) : labels.wholePackOneEnvelope(plan.pages),
    TEXT,
  );
  flow.gap(4);

  // What follows the list is laid out first, so the list gets whatever room is left.
  const tail: { lines: Line[]; gapBefore: number }[] = [];
  if (envelopes > 1) {
    const ranges = plan.envelopes.map((e) => labels.envelopeRange(e.number, e.firstPage, e.lastPage)).join("; ");
    tail.push({ lines: lines(`${labels.wholePack(envelopes, plan.pages)} ${ranges}. ${labels.missingEnvelope}`, TEXT), gapBefore: 10 });
  }
  const facility = member.facility;
  if (facility) {
    const limit = facility.maxPagesPerEnvelope;
    const notes = [limit !== null ? labels.pageLimit(limit) : "", facility.notes.trim()].filter(Boolean).join(" ");
    if (notes) {
      tail.push({ lines: lines(labels.mailRules(facility.name), RULES_HEADING), gapBefore: 12 });
      const noteLines = lines(notes, TEXT);
      if (noteLines.length > MAX_NOTE_LINES) {
        noteLines.length = MAX_NOTE_LINES - 1;
        noteLines.push(...lines("…", TEXT));
      }
      tail.push({ lines: noteLines, gapBefore: 2 });
    }
  }
  const tailHeight = tail.reduce((sum, part) => sum + part.gapBefore + part.lines.reduce((s, line) => s + line.height, 0), 0);

  // Each entry: its title (wrapped) on the left, its pages on the right of the first line.
  const pageColumn = 96;
  const laid = entries(envelope, layout).map((entry) => ({
    range: labels.sheetRange(entry.first, entry.last),
    lines: lines(entry.label, TEXT, BODY_WIDTH - pageColumn - 14),
  }));
  const heightOf = (entry: { lines: Line[] }) => entry.lines.reduce((sum, line) => sum + line.height, 0);
  let room = flow.bottom - flow.y - tailHeight;
  let shown = 0;
  for (const entry of laid) {
    const reserve = shown < laid.length - 1 ? TEXT.size * 1.42 : 0; // for "… and N more"
    if (heightOf(entry) + reserve > room) break;
    room -= heightOf(entry);
    shown++;
  }
  for (const entry of laid.slice(0, shown)) {
    const [first] = entry.lines;
    if (first) flow.add({ t: "text", x: BODY.right - breaker.width(TEXT, entry.range), y: flow.y + first.ascent, text: entry.range, font: TEXT.font, size: TEXT.size });
    for (const line of entry.lines) flow.placeLine(line, BODY.left + 14);
  }
  if (shown < laid.length) place(labels.moreSections(laid.length - shown), TEXT);

  for (const part of tail) {
    flow.gap(part.gapBefore);
    for (const line of part.lines) {
      // The cover is one page: whatever would not fit is left out rather than spill over.
      if (line.height > flow.remaining) break;
      flow.placeLine(line, BODY.left);
    }
  }
  return { ops: [...ops, ...flow.pages[0]!.ops] };
}
