// Postage at a glance: what an envelope of a print run weighs and what it costs to mail, so the
// volunteer with the stack knows which stamps to buy (docs/decisions/031).
//
// Pages are printed on one side (lib/packs/pdf/page.ts), so one page is one sheet. An envelope
// weighs its sheets times the organization's paper weight, plus one empty envelope. Its postage
// is the first row of the organization's rate table whose weight is not exceeded; an envelope
// heavier than the last row has no price from the table, and says so. Prices are summed in
// hundredths, so a total of many envelopes is exact, not a floating-point approximation.
//
// Pure arithmetic, no database: the run sheet (lib/packs/pdf/run-sheet.ts) and the mail page
// (lib/data/print-runs.ts) both call it with the same numbers.

export type PostageRate = { upToGrams: number; price: number };

export type PostageSettings = {
  /** One sheet of the paper used, in grams. */
  paperGramsPerSheet: number;
  /** One empty envelope, in grams. */
  envelopeGrams: number;
  /** Shown before prices ("$"). */
  currency: string;
  /** Ascending by weight; may be empty (no table entered yet). */
  rates: PostageRate[];
};

/** 75 g/m² paper (20 lb bond): a Letter sheet weighs 4.5 g, an A4 sheet 4.7 g. */
export const DEFAULT_POSTAGE: PostageSettings = { paperGramsPerSheet: 4.5, envelopeGrams: 5, currency: "$", rates: [] };

/**
 * USPS First-Class Mail letter rates in force from 13 July 2025 (1, 2, 3 and 3.5 oz), offered
 * in settings as a starting point, never applied without an organizer saving them: rates change
 * every year or so, and a stale price silently printed on a run sheet is worse than none. Ounces
 * are rounded down to whole grams, so an envelope near a limit is priced at the next step up.
 */
export const USPS_LETTER_RATES_2025: PostageRate[] = [
  { upToGrams: 28, price: 0.78 },
  { upToGrams: 56, price: 1.07 },
  { upToGrams: 85, price: 1.36 },
  { upToGrams: 99, price: 1.65 },
];

/** Reads the stored JSON defensively: anything that is not a rate row is dropped. */
export function parseRates(value: unknown): PostageRate[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((row): row is PostageRate => typeof row === "object" && row !== null && Number.isFinite(row.upToGrams) && Number.isFinite(row.price))
    .map((row) => ({ upToGrams: row.upToGrams, price: row.price }))
    .sort((a, b) => a.upToGrams - b.upToGrams);
}

export type EnvelopePostage = {
  sheets: number;
  /** Grams, to one decimal. */
  grams: number;
  /** Hundredths of the currency; null when no row of the table is heavy enough (or there is no table). */
  cents: number | null;
};

const tenths = (grams: number) => Math.round(grams * 10) / 10;
const toCents = (price: number) => Math.round(price * 100);

export function envelopePostage(sheets: number, settings: PostageSettings): EnvelopePostage {
  const grams = tenths(sheets * settings.paperGramsPerSheet + settings.envelopeGrams);
  const rate = settings.rates.find((row) => grams <= row.upToGrams);
  return { sheets, grams, cents: rate ? toCents(rate.price) : null };
}

export type PostageSummary = {
  /** One row per envelope size (sheets), lightest first: what to buy, and how many. */
  sizes: (EnvelopePostage & { envelopes: number })[];
  envelopes: number;
  sheets: number;
  grams: number;
  /** Hundredths; the envelopes that the table cannot price are left out of it and counted in `unpriced`. */
  cents: number;
  unpriced: number;
  /** The table's heaviest row, for "heavier than the table's last row (99 g)"; null without a table. */
  heaviestRate: number | null;
  hasRates: boolean;
};

/** `envelopes`: the sheets in each envelope of the run (every member's envelopes, in any order). */
export function summarizePostage(envelopes: number[], settings: PostageSettings): PostageSummary {
  const bySheets = new Map<number, number>();
  for (const sheets of envelopes) bySheets.set(sheets, (bySheets.get(sheets) ?? 0) + 1);
  const sizes = [...bySheets.entries()].sort(([a], [b]) => a - b).map(([sheets, count]) => ({ ...envelopePostage(sheets, settings), envelopes: count }));
  return {
    sizes,
    envelopes: envelopes.length,
    sheets: envelopes.reduce((sum, sheets) => sum + sheets, 0),
    grams: tenths(sizes.reduce((sum, size) => sum + size.grams * size.envelopes, 0)),
    cents: sizes.reduce((sum, size) => sum + (size.cents ?? 0) * size.envelopes, 0),
    unpriced: sizes.reduce((sum, size) => sum + (size.cents === null ? size.envelopes : 0), 0),
    heaviestRate: settings.rates.at(-1)?.upToGrams ?? null,
    hasRates: settings.rates.length > 0,
  };
}

/** "$1.07": the symbol as the organization typed it, then the amount with two decimals. */
export function formatPrice(cents: number, currency: string): string {
  return `${currency}${(cents / 100).toFixed(2)}`;
}

/** Grams as printed: "27.5 g". */
export function formatGrams(grams: number): string {
  return `${Number.isInteger(grams) ? grams : grams.toFixed(1)} g`;
}

/** The settings as stored on Organization (the rate table is JSON). */
export function postageFromOrganization(row: { paperGramsPerSheet: number; envelopeGrams: number; postageCurrency: string; postageRates: unknown }): PostageSettings {
  return { paperGramsPerSheet: row.paperGramsPerSheet, envelopeGrams: row.envelopeGrams, currency: row.postageCurrency, rates: parseRates(row.postageRates) };
}
