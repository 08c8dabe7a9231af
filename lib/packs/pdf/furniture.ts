// What every page carries besides its content. The footer names the member (legal name and ID
// number, what mailrooms require on every page, and what lets a page that got separated in a
// cell search find its way back), the page number in the whole pack, and the envelope. We print
// them on every page whatever the facility's nameAndIdOnEveryPage says: it costs nothing, and a
// member's own pack carries nothing about them they did not already know.
//
// Content pages also get a running head (lesson and reading), for the volunteer collating a
// print run and the member reassembling a dropped stack. A reading that runs across envelopes
// says so at the right of that head: "continued from envelope 1" on the first page of a part,
// "continues in envelope 3" on the last (envelopes.ts, decision 030).
import type { Labels } from "@/lib/packs/pdf/labels";
import { BODY, BODY_WIDTH, type Op } from "@/lib/packs/pdf/page";
import type { LineBreaker, Style } from "@/lib/packs/pdf/text";
import { printable } from "@/lib/packs/pdf/text";
import type { PrintMember } from "@/lib/packs/print-types";
import { printedIdNumber } from "@/lib/people/identity";

const HEAD: Style = { font: "sans", size: 9 };
const NAME: Style = { font: "sansBold", size: 10 };
const DETAIL: Style = { font: "sans", size: 9 };
const CONTINUATION: Style = { font: "sansBold", size: 9 };
const HEAD_BASELINE = 50;
const FOOT_RULE = BODY.bottom + 14;
const FOOT_BASELINES = [FOOT_RULE + 14, FOOT_RULE + 27] as const;
const MIN_SIZE = 7;

export type PageNumbers = { page: number; pages: number; envelope: number; envelopes: number };

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * `text` in `style`, made smaller (down to 7 pt) and then shortened with "…" to fit `width`.
 * `own` marks the member's own text (see TextOp.own).
 */
export function fit(breaker: LineBreaker, text: string, style: Style, width: number, own = false): { text: string; style: Style; own: boolean } {
  let current = printable(text);
  const full = breaker.width(style, current);
  for (let size = style.size; size >= MIN_SIZE; size -= 0.5) {
    if ((full * size) / style.size <= width) return { text: current, style: { ...style, size }, own };
  }
  // Only for pathological input (a 200-character name): the longest start that fits, with "…".
  const small = { ...style, size: MIN_SIZE };
  const graphemes = [...segmenter.segment(current)].map((s) => s.segment);
  const fits = (n: number) => breaker.width(small, `${graphemes.slice(0, n).join("")}…`) <= width;
  let low = 0;
  let high = graphemes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  current = `${graphemes.slice(0, low).join("")}…`;
  return { text: current, style: small, own };
}

function text(x: number, y: number, value: { text: string; style: Style; own: boolean }): Op {
  return { t: "text", x, y, text: value.text, font: value.style.font, size: value.style.size, own: value.own };
}

/** Name and ID as printed in footers and lists: "Ana Díaz · ID 12345", the ID as the cover prints it. */
export function nameAndId(member: PrintMember, labels: Labels): string {
  const id = printedIdNumber(member.idNumber);
  return id ? `${member.legalName} · ${labels.idNumber(id)}` : member.legalName;
}

/**
 * The furniture of one member's pages. The member's lines are fitted once; each page then only
 * adds its numbers.
 */
export function memberFurniture(
  member: PrintMember,
  breaker: LineBreaker,
  labels: Labels,
): (numbers: PageNumbers, runningHead: string | null, continuation?: string | null) => Op[] {
  const where = [member.housingUnit, member.facility?.name].filter((part): part is string => Boolean(part?.trim())).join(" · ");
  const widest = (text: string, style: Style) => breaker.width(style, text);
  // Room left of the widest page number and envelope this member's pack can have.
  const pageRoom = BODY_WIDTH - widest(labels.page(888, 888), NAME) - 16;
  const envelopeRoom = BODY_WIDTH - widest(labels.envelope(88, 88), { ...NAME, size: DETAIL.size }) - 16;
  const name = fit(breaker, nameAndId(member, labels), NAME, pageRoom, true);
  const place = where ? fit(breaker, where, DETAIL, envelopeRoom, true) : null;

  return (numbers, runningHead, continuation) => {
    const ops: Op[] = [];
    if (runningHead) {
      let room = BODY_WIDTH;
      if (continuation) {
        const width = breaker.width(CONTINUATION, continuation);
        ops.push({ t: "text", x: BODY.right - width, y: HEAD_BASELINE, text: continuation, font: CONTINUATION.font, size: CONTINUATION.size });
        room -= width + 16;
      }
      ops.push(text(BODY.left, HEAD_BASELINE, fit(breaker, runningHead, HEAD, room)));
      ops.push({ t: "rule", x1: BODY.left, y1: HEAD_BASELINE + 7, x2: BODY.right, y2: HEAD_BASELINE + 7, width: 0.5 });
    }
    ops.push({ t: "rule", x1: BODY.left, y1: FOOT_RULE, x2: BODY.right, y2: FOOT_RULE, width: 0.5 });
    const page = labels.page(numbers.page, numbers.pages);
    ops.push({ t: "text", x: BODY.right - breaker.width(NAME, page), y: FOOT_BASELINES[0], text: page, font: NAME.font, size: NAME.size });
    ops.push(text(BODY.left, FOOT_BASELINES[0], name));
    if (numbers.envelopes > 1) {
      const envelope = labels.envelope(numbers.envelope, numbers.envelopes);
      const style = { ...NAME, size: DETAIL.size };
      ops.push({ t: "text", x: BODY.right - breaker.width(style, envelope), y: FOOT_BASELINES[1], text: envelope, font: style.font, size: style.size });
    }
    if (place) ops.push(text(BODY.left, FOOT_BASELINES[1], place));
    return ops;
  };
}
