// What every page carries besides its content. The footer names the member (legal name and ID
// number, what mailrooms require on every page, and what lets a page that got separated in a
// cell search find its way back), the page number in the whole pack, and the envelope. We print
// them on every page whatever the facility's nameAndIdOnEveryPage says: it costs nothing, and a
// member's own pack carries nothing about them they did not already know.
//
// Content pages also get a running head (lesson and reading), for the volunteer collating a
// print run and the member reassembling a dropped stack.
import type { Labels } from "@/lib/packs/pdf/labels";
import { BODY, BODY_WIDTH, type Op } from "@/lib/packs/pdf/page";
import type { LineBreaker, Style } from "@/lib/packs/pdf/text";
import { printable } from "@/lib/packs/pdf/text";
import type { PrintMember } from "@/lib/packs/print-data";

const HEAD: Style = { font: "sans", size: 9 };
const NAME: Style = { font: "sansBold", size: 10 };
const DETAIL: Style = { font: "sans", size: 9 };
const HEAD_BASELINE = 50;
const FOOT_RULE = BODY.bottom + 14;
const FOOT_BASELINES = [FOOT_RULE + 14, FOOT_RULE + 27] as const;
const MIN_SIZE = 7;

export type PageNumbers = { page: number; pages: number; envelope: number; envelopes: number };

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** `text` in `style`, made smaller (down to 7 pt) and then shortened with "…" to fit `width`. */
export function fit(breaker: LineBreaker, text: string, style: Style, width: number): { text: string; style: Style } {
  let current = printable(text);
  for (let size = style.size; size >= MIN_SIZE; size -= 0.5) {
    const sized = { ...style, size };
    if (breaker.width(sized, current) <= width) return { text: current, style: sized };
  }
  const small = { ...style, size: MIN_SIZE };
  const graphemes = [...segmenter.segment(current)].map((s) => s.segment);
  while (graphemes.length > 1 && breaker.width(small, `${graphemes.join("")}…`) > width) graphemes.pop();
  current = `${graphemes.join("")}…`;
  return { text: current, style: small };
}

function text(x: number, y: number, value: { text: string; style: Style }): Op {
  return { t: "text", x, y, text: value.text, font: value.style.font, size: value.style.size };
}

/** Name and ID as printed in footers and lists: "Ana Díaz · ID 12345". */
export function nameAndId(member: PrintMember, labels: Labels): string {
  return member.idNumber ? `${member.legalName} · ${labels.idNumber(member.idNumber)}` : member.legalName;
}

export function furniture(
  member: PrintMember,
  numbers: PageNumbers,
  runningHead: string | null,
  breaker: LineBreaker,
  labels: Labels,
): Op[] {
  const ops: Op[] = [];
  if (runningHead) {
    ops.push(text(BODY.left, HEAD_BASELINE, fit(breaker, runningHead, HEAD, BODY_WIDTH)));
    ops.push({ t: "rule", x1: BODY.left, y1: HEAD_BASELINE + 7, x2: BODY.right, y2: HEAD_BASELINE + 7, width: 0.5 });
  }
  ops.push({ t: "rule", x1: BODY.left, y1: FOOT_RULE, x2: BODY.right, y2: FOOT_RULE, width: 0.5 });

  const page = labels.page(numbers.page, numbers.pages);
  const pageWidth = breaker.width(NAME, page);
  ops.push({ t: "text", x: BODY.right - pageWidth, y: FOOT_BASELINES[0], text: page, font: NAME.font, size: NAME.size });
  ops.push(text(BODY.left, FOOT_BASELINES[0], fit(breaker, nameAndId(member, labels), NAME, BODY_WIDTH - pageWidth - 16)));

  let rightWidth = 0;
  if (numbers.envelopes > 1) {
    const envelope = labels.envelope(numbers.envelope, numbers.envelopes);
    rightWidth = breaker.width({ ...NAME, size: DETAIL.size }, envelope);
    ops.push({ t: "text", x: BODY.right - rightWidth, y: FOOT_BASELINES[1], text: envelope, font: NAME.font, size: DETAIL.size });
  }
  const where = [member.housingUnit, member.facility?.name].filter((part): part is string => Boolean(part?.trim())).join(" · ");
  if (where) ops.push(text(BODY.left, FOOT_BASELINES[1], fit(breaker, where, DETAIL, BODY_WIDTH - rightWidth - 16)));
  return ops;
}
