// A response sheet: the question, the member's response code in a box, and ruled lines to
// write on. The question is printed on the sheet itself (not only in the reading) because the
// sheet is what the member mails back: whoever transcribes it sees question and answer together,
// and the code names pack, member and question for the transcription form.
//
// Every page of a sheet carries the question number and the code box, so a second page that
// comes loose still names its question. The code is a `code` operation, filled in per member
// when painting; the sheet itself is laid out once for everyone.
//
// Under the question, a consent line the member ticks for this answer: whether the group may read
// it under their pen name. The transcription desk records the tick as that response's sharing
// choice (docs/decisions/032). The boxes are DejaVu Sans's ☐ (the glyph task lists print with),
// set larger than the words so there is room for a tick, and spaced so each belongs to its word.
import { Flow } from "@/lib/packs/pdf/flow";
import type { Labels } from "@/lib/packs/pdf/labels";
import { BODY, BODY_WIDTH, type Op, type Page } from "@/lib/packs/pdf/page";
import { type LineBreaker, type Style } from "@/lib/packs/pdf/text";

/** Wide-ruled (about 9 mm): room for large or unpractised handwriting. */
export const WRITING_LINE_SPACING = 26;
/** Fewer lines than this after a long question, and the writing lines start on a new page. */
const MIN_WRITING_LINES = 10;

const CODE_BOX = { width: 196, height: 62 } as const;

const QUESTION: Style = { font: "sansBold", size: 14 };
const SMALL: Style = { font: "sans", size: 10 };
const PROMPT: Style = { font: "serif", size: 12.5 };
const SUMMARY: Style = { font: "serifItalic", size: 11 };
const INSTRUCTION: Style = { font: "sans", size: 9.5 };
const CONSENT_STYLE: Style = { font: "sansBold", size: 10.5 };

/** The consent line as printed in English (the words are `labels.consent`, one set per language). */
export const CONSENT_LINE = "You may share this answer with the group under my pen name:  ☐ yes  ☐ no";
const BOX: Style = { font: "sans", size: 17 };

/**
 * The consent line, its boxes spaced by hand (a line breaker would collapse the spaces): on one
 * line when it fits, else the question and then the boxes on the line below it.
 */
function placeConsent(flow: Flow, breaker: LineBreaker, consent: Labels["consent"]) {
  const boxes: { text: string; style: Style; before: number }[] = [
    { text: "☐", style: BOX, before: 0 },
    { text: consent.yes, style: CONSENT_STYLE, before: 3 },
    { text: "☐", style: BOX, before: 22 },
    { text: consent.no, style: CONSENT_STYLE, before: 3 },
  ];
  const boxesWidth = boxes.reduce((sum, p) => sum + p.before + breaker.width(p.style, p.text), 0);
  const questionWidth = breaker.width(CONSENT_STYLE, consent.question);
  const height = BOX.size * 1.25;
  let x = BODY.left;
  if (questionWidth + 14 + boxesWidth <= BODY_WIDTH) {
    flow.ensure(height);
    flow.add({ t: "text", x, y: flow.y + BOX.size, text: consent.question, font: CONSENT_STYLE.font, size: CONSENT_STYLE.size });
    x += questionWidth + 14;
  } else {
    flow.placeLines(breaker.lines([{ text: consent.question, style: CONSENT_STYLE }], BODY_WIDTH, CONSENT_STYLE), BODY.left);
    flow.ensure(height);
  }
  const baseline = flow.y + BOX.size;
  for (const part of boxes) {
    x += part.before;
    flow.add({ t: "text", x, y: baseline, text: part.text, font: part.style.font, size: part.style.size });
    x += breaker.width(part.style, part.text);
  }
  flow.advance(height);
}

export type SheetInput = {
  promptId: string;
  text: string;
  number: number;
  total: number;
  lesson: string;
  readingTitle: string | null;
  /** The lesson's summary, for the first sheet of a lesson that has no reading to carry it. */
  summary: string | null;
};

/** The top of every page of the sheet: question, lesson and reading, and the code box. */
function band(input: SheetInput, continued: boolean, breaker: LineBreaker, labels: Labels): { ops: Op[]; bottom: number } {
  const ops: Op[] = [];
  const boxLeft = BODY.right - CODE_BOX.width;
  const top = BODY.top - 6;
  const bottom = top + CODE_BOX.height;
  ops.push(
    { t: "rule", x1: boxLeft, y1: top, x2: BODY.right, y2: top, width: 1.2 },
    { t: "rule", x1: boxLeft, y1: bottom, x2: BODY.right, y2: bottom, width: 1.2 },
    { t: "rule", x1: boxLeft, y1: top, x2: boxLeft, y2: bottom, width: 1.2 },
    { t: "rule", x1: BODY.right, y1: top, x2: BODY.right, y2: bottom, width: 1.2 },
  );
  const label = labels.responseCode;
  ops.push({ t: "text", x: boxLeft + (CODE_BOX.width - breaker.width(SMALL, label)) / 2, y: top + 15, text: label, font: SMALL.font, size: SMALL.size });
  ops.push({ t: "code", promptId: input.promptId, x: boxLeft, y: top + 47, width: CODE_BOX.width, font: "sansBold", size: 22, spacing: 1.5 });

  // The left column: question number, lesson, reading; cut to what fits beside the box.
  const width = BODY_WIDTH - CODE_BOX.width - 14;
  let y = BODY.top;
  const place = (text: string, style: Style, maxLines: number) => {
    for (const line of breaker.lines([{ text, style }], width, style).slice(0, maxLines)) {
      for (const run of line.runs) ops.push({ t: "text", x: BODY.left + run.x, y: y + line.ascent, text: run.text.trimEnd(), font: run.style.font, size: run.style.size });
      y += line.height;
    }
  };
  place(continued ? labels.questionContinued(input.number) : labels.question(input.number, input.total), QUESTION, 1);
  place(input.lesson, SMALL, 2);
  if (input.readingTitle) place(labels.onReading(input.readingTitle), SMALL, 2);
  return { ops, bottom: Math.max(y, bottom) };
}

export function layoutSheet(input: SheetInput, breaker: LineBreaker, labels: Labels): Page[] {
  const first = band(input, false, breaker, labels);
  const flow = new Flow(BODY.bottom, first.bottom + 16);
  if (input.summary) {
    flow.placeLines(breaker.lines([{ text: input.summary, style: SUMMARY }], BODY_WIDTH, SUMMARY), BODY.left);
    flow.gap(10);
  }
  flow.placeLines(breaker.lines([{ text: input.text, style: PROMPT }], BODY_WIDTH, PROMPT), BODY.left);
  flow.gap(10);
  flow.placeLines(breaker.lines([{ text: labels.writeBelow, style: INSTRUCTION }], BODY_WIDTH, INSTRUCTION), BODY.left);
  flow.gap(8);
  placeConsent(flow, breaker, labels.consent);
  if (flow.remaining < MIN_WRITING_LINES * WRITING_LINE_SPACING) flow.newPage();
  for (let y = flow.y + WRITING_LINE_SPACING; y <= flow.bottom; y += WRITING_LINE_SPACING) {
    flow.add({ t: "rule", x1: BODY.left, y1: y, x2: BODY.right, y2: y, width: 0.5 });
  }
  flow.pages.forEach((page, index) => page.ops.unshift(...(index === 0 ? first : band(input, true, breaker, labels)).ops));
  return flow.pages;
}
