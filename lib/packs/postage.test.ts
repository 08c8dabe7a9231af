import { describe, expect, it } from "vitest";
import { DEFAULT_POSTAGE, envelopePostage, formatPrice, parseRates, summarizePostage, USPS_LETTER_RATES_2025 } from "@/lib/packs/postage";

const usps = { ...DEFAULT_POSTAGE, rates: USPS_LETTER_RATES_2025 };

describe("postage", () => {
  it("weighs an envelope as sheets × paper + the envelope, and prices it by the first row it fits", () => {
    // 75 g/m² Letter, a #10 envelope: 4 sheets are 23 g (1 oz), 6 sheets 32 g (2 oz).
    expect(envelopePostage(4, usps)).toEqual({ sheets: 4, grams: 23, cents: 78 });
    expect(envelopePostage(5, usps)).toEqual({ sheets: 5, grams: 27.5, cents: 78 });
    expect(envelopePostage(6, usps)).toEqual({ sheets: 6, grams: 32, cents: 107 });
    // Exactly on a row's weight is that row; a hair over is the next.
    expect(envelopePostage(1, { ...usps, paperGramsPerSheet: 23 }).cents).toBe(78);
    expect(envelopePostage(1, { ...usps, paperGramsPerSheet: 23.1 }).cents).toBe(107);
  });

  it("has no price for an envelope heavier than the table's last row, or without a table", () => {
    expect(envelopePostage(21, usps)).toEqual({ sheets: 21, grams: 99.5, cents: null });
    expect(envelopePostage(2, DEFAULT_POSTAGE).cents).toBeNull();
    const summary = summarizePostage([21, 4, 21], usps);
    expect(summary).toMatchObject({ envelopes: 3, sheets: 46, grams: 222, cents: 78, unpriced: 2, heaviestRate: 99, hasRates: true });
    expect(summarizePostage([4], DEFAULT_POSTAGE)).toMatchObject({ cents: 0, unpriced: 1, hasRates: false, heaviestRate: null });
  });

  it("sums prices exactly, in hundredths, however many envelopes", () => {
    const dimes = { ...DEFAULT_POSTAGE, rates: [{ upToGrams: 1000, price: 0.1 }] };
    // 0.1 + 0.2 is not 0.3 in floating point; 3 × 10 hundredths is.
    expect(summarizePostage([1, 2, 3], dimes).cents).toBe(30);
    expect(summarizePostage(Array.from({ length: 500 }, () => 5), usps)).toMatchObject({ envelopes: 500, cents: 39_000, grams: 13_750 });
    expect(formatPrice(39_000, "$")).toBe("$390.00");
    expect(formatPrice(107, "€ ")).toBe("€ 1.07");
  });

  it("reads only well-formed rows from the stored JSON, lightest first", () => {
    expect(parseRates(null)).toEqual([]);
    expect(parseRates("[]")).toEqual([]);
    expect(parseRates([{ upToGrams: 56, price: 1.07 }, { upToGrams: "x", price: 1 }, null, { upToGrams: 28, price: 0.78, extra: true }])).toEqual([
      { upToGrams: 28, price: 0.78 },
      { upToGrams: 56, price: 1.07 },
    ]);
  });
});
