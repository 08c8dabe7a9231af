// The first sheets of a print run's merged PDF: who is in it, in mailing order, with envelopes
// and pages per member and where each member's pack starts in the file (to reprint one), then
// the members left out and why, and what to check before mailing. It names members by legal
// name because the volunteer addressing envelopes needs exactly that; it is never mailed.
//
// Under the summary, the postage: envelopes grouped by their sheets, each group's weight and
// stamps, and the total (lib/packs/postage.ts; the organization's paper weight and rate table).
// Its words are here rather than in labels.ts, which belongs to the pack itself.
//
// After the mail members come the e-message members whose by-post readings the run prints
// (docs/decisions/054): numbered on in the same table, each marked as such on its row, and
// counted apart in the summary, so the person at the post office knows what each envelope is.
// Their envelopes are in the postage like any other.
import { nameAndId } from "@/lib/packs/pdf/furniture";
import { Flow } from "@/lib/packs/pdf/flow";
import { formatDate, type PackLayout } from "@/lib/packs/pdf/layout";
import { BODY, BODY_WIDTH, type Op, type Page } from "@/lib/packs/pdf/page";
import { describeProblem, isBlocking, type PackPlan, type PackProblem } from "@/lib/packs/pdf/plan";
import { lineOps, type Line, type Style } from "@/lib/packs/pdf/text";
import { DEFAULT_POSTAGE, formatGrams, formatPrice, summarizePostage, type PostageSettings, type PostageSummary } from "@/lib/packs/postage";
import type { PrintMember, PrintPack } from "@/lib/packs/print-types";

/** `byPost`: the member's by-post readings (their own pack, byPostPack), not a mail pack. */
export type RunEntry = { member: PrintMember; plan: PackPlan; printed: boolean; byPost?: { pack: PrintPack } };

const TITLE: Style = { font: "sansBold", size: 15 };
const META: Style = { font: "sans", size: 10 };
const CELL: Style = { font: "sans", size: 9.5 };
const HEAD: Style = { font: "sansBold", size: 9.5 };
const HEADING: Style = { font: "sansBold", size: 11 };
const TEXT: Style = { font: "serif", size: 11 };

/** The run sheet's postage words (English, like the rest of the pack's print). */
export const POSTAGE_WORDS = {
  heading: "Postage (estimate)",
  basis: (s: PostageSettings) =>
    `Printed on one side: one page is one sheet. ${formatGrams(s.paperGramsPerSheet)} a sheet, ${formatGrams(s.envelopeGrams)} an envelope, from the organization's settings.`,
  size: (size: PostageSummary["sizes"][number], currency: string, hasRates: boolean) => {
    const envelopes = `${size.envelopes} ${size.envelopes === 1 ? "envelope" : "envelopes"} of ${size.sheets} ${size.sheets === 1 ? "sheet" : "sheets"}`;
    if (!hasRates) return `${envelopes}: ${formatGrams(size.grams)} each`;
    const price = size.cents === null ? "heavier than the rate table" : `${formatPrice(size.cents, currency)} each = ${formatPrice(size.cents * size.envelopes, currency)}`;
    return `${envelopes}: ${formatGrams(size.grams)} each, ${price}`;
  },
  total: (p: PostageSummary, currency: string) =>
    `In all: ${p.envelopes} ${p.envelopes === 1 ? "envelope" : "envelopes"}, ${p.sheets} ${p.sheets === 1 ? "sheet" : "sheets"}, ${formatGrams(p.grams)}` +
    (p.hasRates ? `, postage ${formatPrice(p.cents, currency)}${p.unpriced > 0 ? ` plus ${p.unpriced} not priced` : ""}.` : "."),
  overTable: (count: number, heaviest: number) =>
    `${count} ${count === 1 ? "envelope weighs" : "envelopes weigh"} more than the rate table's heaviest row (${formatGrams(heaviest)}): weigh ${count === 1 ? "it" : "them"} at the post office, and add a heavier row in Settings.`,
  noRates: "No postage rates in the organization's settings yet, so no prices: an organizer can add the rate table under Settings.",
};

/** The run sheet's words for e-message members' by-post readings (English, like the rest). */
export const BY_POST_WORDS = {
  summary: (members: number, envelopes: number, pages: number) =>
    `Also by-post readings for ${members} ${members === 1 ? "member who gets" : "members who get"} packs by e-message: ${envelopes} ${envelopes === 1 ? "envelope" : "envelopes"}, ${pages} ${pages === 1 ? "page" : "pages"}, after the mail packs and marked "By-post readings" in the list.`,
  row: "By-post readings (gets packs by e-message)",
  recorded: "Making this run recorded these readings as mailed on the pack's e-message page: post them with this stack.",
};

/** Problems that are the pack's, not the member's: listed once, not under every member (a left-out scanned reading once per facility, which it names). */
const PACK_WIDE = new Set<PackProblem["kind"]>(["uploaded-reading", "reading-left-out"]);
const isPackWide = (problem: PackProblem, layout: PackLayout) =>
  PACK_WIDE.has(problem.kind) || (problem.kind === "missing-characters" && layout.missing.some((m) => m.where === problem.where));

/**
 * The sheet's pages. `firstMemberPage` is the file page where the first member's pack starts;
 * it does not change the layout, so a first call with 1 says how many pages the sheet needs.
 */
export function layoutRunSheet(layout: PackLayout, entries: RunEntry[], firstMemberPage: number, today: Date): Page[] {
  const { breaker, labels, pack } = layout;
  const flow = new Flow();
  const place = (text: string, style: Style, left = BODY.left, width = BODY_WIDTH) => flow.placeLines(breaker.lines([{ text, style }], width, style), left);

  place(`${labels.runTitle}: ${labels.packName(pack.pack.number, pack.pack.title)}`, TITLE);
  place(`${pack.group.name} · ${pack.organization.name} · ${formatDate(today)}`, META);
  const printed = entries.filter((entry) => entry.printed);
  const mailPrinted = printed.filter((entry) => !entry.byPost);
  const byPostPrinted = printed.filter((entry) => entry.byPost);
  const envelopesOf = (list: RunEntry[]) => list.reduce((sum, entry) => sum + entry.plan.envelopes.length, 0);
  const pagesOf = (list: RunEntry[]) => list.reduce((sum, entry) => sum + entry.plan.pages, 0);
  place(labels.runSummary(mailPrinted.length, envelopesOf(mailPrinted), pagesOf(mailPrinted)), META);
  if (byPostPrinted.length > 0) {
    place(BY_POST_WORDS.summary(byPostPrinted.length, envelopesOf(byPostPrinted), pagesOf(byPostPrinted)), META);
    place(BY_POST_WORDS.recorded, META);
  }
  placePostage(
    summarizePostage(
      printed.flatMap((entry) => entry.plan.envelopes.map((envelope) => envelope.pages)),
      pack.organization.postage ?? DEFAULT_POSTAGE,
    ),
    pack.organization.postage ?? DEFAULT_POSTAGE,
    place,
    flow,
  );
  flow.gap(12);

  // #, member, facility, envelopes, pages, file pages.
  const fixed = [26, 0, 0, 66, 42, 86];
  const flexible = BODY_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const widths = [fixed[0]!, flexible * 0.55, flexible * 0.45, fixed[3]!, fixed[4]!, fixed[5]!];
  const lefts = widths.map((_, i) => BODY.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const pad = 3;
  const rightAligned = new Set([3, 4, 5]);
  const row = (cells: string[], style: Style) => {
    const laid: Line[][] = cells.map((cell, i) => breaker.lines([{ text: cell, style }], widths[i]! - 2 * pad, style));
    const height = Math.max(1, ...laid.map((lines) => lines.length)) * style.size * 1.42 + 2 * pad;
    return { laid, height };
  };
  const placeRow = ({ laid, height }: ReturnType<typeof row>, ruleWidth: number) => {
    const top = flow.y;
    const ops: Op[] = [];
    laid.forEach((lines, i) => {
      lines.forEach((line, n) => {
        const x = rightAligned.has(i) ? lefts[i]! + widths[i]! - pad - line.width : lefts[i]! + pad;
        ops.push(...lineOps(line, x, top + pad + n * line.height));
      });
    });
    flow.add(...ops);
    flow.advance(height);
    flow.add({ t: "rule", x1: BODY.left, y1: flow.y, x2: BODY.right, y2: flow.y, width: ruleWidth });
  };
  const columns = labels.runColumns;
  const header = row([columns.number, columns.member, columns.facility, columns.envelopes, columns.pages, columns.filePages], HEAD);
  const startTable = () => {
    flow.add({ t: "rule", x1: BODY.left, y1: flow.y, x2: BODY.right, y2: flow.y, width: 1 });
    placeRow(header, 1);
  };
  flow.ensure(header.height * 3);
  startTable();

  let filePage = firstMemberPage;
  entries.forEach((entry, index) => {
    const { member, plan } = entry;
    const where = [member.facility?.name, member.housingUnit].filter(Boolean).join(" · ");
    const range = entry.printed ? labels.sheetRange(filePage, filePage + plan.pages - 1) : "—";
    const name = entry.byPost ? `${nameAndId(member, labels)} · ${BY_POST_WORDS.row}` : nameAndId(member, labels);
    const cells = row(
      [String(index + 1), name, where, entry.printed ? String(plan.envelopes.length) : "0", entry.printed ? String(plan.pages) : "0", range],
      CELL,
    );
    if (entry.printed) filePage += plan.pages;
    if (cells.height > flow.remaining) {
      flow.newPage();
      startTable();
    }
    placeRow(cells, 0.3);
  });

  const notPrinted = entries.filter((entry) => !entry.printed);
  if (notPrinted.length > 0) {
    flow.gap(16);
    place(labels.notPrinted, HEADING);
    for (const entry of notPrinted) {
      flow.gap(4);
      const problems = entry.plan.problems.filter(isBlocking).map(describeProblem).join(" ");
      place(`${nameAndId(entry.member, labels)}${entry.byPost ? ` · ${BY_POST_WORDS.row}` : ""}: ${problems}`, TEXT);
    }
  }

  const packWide = new Map<string, string>();
  const perMember: { entry: RunEntry; text: string }[] = [];
  for (const entry of printed) {
    const warnings = entry.plan.problems.filter((problem) => !isBlocking(problem));
    for (const problem of warnings.filter((p) => isPackWide(p, layout))) packWide.set(describeProblem(problem), describeProblem(problem));
    const own = warnings.filter((p) => !isPackWide(p, layout)).map(describeProblem);
    if (own.length > 0) perMember.push({ entry, text: own.join(" ") });
  }
  if (packWide.size > 0 || perMember.length > 0) {
    flow.gap(16);
    place(labels.checkBeforeMailing, HEADING);
    for (const text of packWide.values()) {
      flow.gap(4);
      place(text, TEXT);
    }
    for (const { entry, text } of perMember) {
      flow.gap(4);
      place(`${nameAndId(entry.member, labels)}: ${text}`, TEXT);
    }
  }
  // All of it is about particular members, and printed once: dropped from the caches after.
  for (const page of flow.pages) for (const op of page.ops) if (op.t === "text") op.own = true;
  return flow.pages;
}

function placePostage(postage: PostageSummary, settings: PostageSettings, place: (text: string, style: Style) => void, flow: Flow) {
  if (postage.envelopes === 0) return;
  flow.gap(8);
  place(POSTAGE_WORDS.heading, HEADING);
  for (const size of postage.sizes) place(POSTAGE_WORDS.size(size, settings.currency, postage.hasRates), META);
  place(POSTAGE_WORDS.total(postage, settings.currency), { font: "sansBold", size: 10 });
  if (!postage.hasRates) place(POSTAGE_WORDS.noRates, META);
  else if (postage.unpriced > 0 && postage.heaviestRate !== null) place(POSTAGE_WORDS.overTable(postage.unpriced, postage.heaviestRate), META);
  place(POSTAGE_WORDS.basis(settings), META);
}

/** The run sheet's footer: no member on it, and a reminder that it stays behind. */
export function runSheetFurniture(layout: PackLayout, page: number, pages: number): Op[] {
  const { breaker, labels } = layout;
  const style: Style = { font: "sansBold", size: 10 };
  const right = labels.page(page, pages);
  const y = BODY.bottom + 28;
  return [
    { t: "rule", x1: BODY.left, y1: BODY.bottom + 14, x2: BODY.right, y2: BODY.bottom + 14, width: 0.5 },
    { t: "text", x: BODY.left, y, text: labels.doNotMail, font: style.font, size: style.size },
    { t: "text", x: BODY.right - breaker.width(style, right), y, text: right, font: style.font, size: style.size },
  ];
}
