// An organization's settings: its name, the return address printed on every pack, and the
// defaults new facilities and mailings start from, and what the postage estimate on a print run
// uses (paper and envelope weight, the rate table; lib/packs/postage.ts). Shared by the form and
// the server.
import { z } from "zod";
import { isTimeZone } from "@/lib/dates";
import { stripNul } from "@/lib/validations/text";

const text = (max: number) => z.string().transform(stripNul).pipe(z.string().trim().max(max, "settings.validation.tooLong"));

/** The return address sits in the envelope window above the organization's name: a few short lines. */
export const RETURN_ADDRESS_MAX_LINES = 6;
export const RETURN_ADDRESS_MAX_LINE = 100;

/** One address line per line of the textarea; blank lines and surrounding spaces dropped. */
export const returnAddressLines = (address: string) =>
  address
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A whole number typed into a text field (or sent as a number). Every refusal is one of our
 * message keys, never zod's own wording. "" stays "" so the caller decides what empty means.
 */
const wholeNumberText = (key: string) =>
  z
    .union([z.string().max(20, key), z.number()], { error: key })
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^(\d+)?$/, key));

/**
 * A number typed into a text field, decimals with a point ("4.5"); "" stays "". A comma is
 * refused rather than guessed at: "1,000" may mean a thousand or one.
 */
const decimalText = (key: string) =>
  z
    .union([z.string().max(20, key), z.number()], { error: key })
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^(\d+(\.\d*)?|\.\d+)?$/, key));

/** Grams, more than nothing and at most `max`. */
const grams = (prefix: "paper" | "envelope" | "rateWeight", max: number) =>
  decimalText(`settings.validation.${prefix}Number`)
    .pipe(z.string().min(1, `settings.validation.${prefix}Required`))
    .transform(Number)
    .pipe(z.number().gt(0, `settings.validation.${prefix}Positive`).max(max, `settings.validation.${prefix}Max`));

export const POSTAGE_MAX_RATES = 12;

const rateRow = z.object({
  upToGrams: grams("rateWeight", 100_000),
  // Prices in hundredths at most: what a stamp costs.
  price: decimalText("settings.validation.priceNumber")
    .pipe(z.string().min(1, "settings.validation.priceRequired").regex(/^\d*(\.\d{0,2})?$/, "settings.validation.priceCents"))
    .transform(Number)
    .pipe(z.number().max(10_000, "settings.validation.priceMax")),
});

export const organizationSettingsSchema = z.object({
  name: text(200)
    .pipe(z.string().min(1, "settings.validation.nameRequired"))
    .refine((v) => !/[\r\n\u2028\u2029]/.test(v), "settings.validation.nameOneLine"),
  /** As typed; the output is the list of lines that is stored and printed. */
  returnAddress: text(1000)
    .transform(returnAddressLines)
    .pipe(
      // Checked on the whole list, so every error stays on the one textarea.
      z
        .array(z.string())
        .min(1, "settings.validation.returnAddressRequired")
        .max(RETURN_ADDRESS_MAX_LINES, "settings.validation.returnAddressTooManyLines")
        .refine((lines) => lines.every((l) => l.length <= RETURN_ADDRESS_MAX_LINE), "settings.validation.lineTooLong"),
    ),
  /** Empty means no limit. */
  defaultMaxPagesPerEnvelope: wholeNumberText("settings.validation.pagesWhole")
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(z.number().min(3, "settings.validation.pagesMin").max(500, "settings.validation.pagesMax").nullable()),
  defaultNameAndIdOnEveryPage: z.boolean(),
  defaultImagesAllowed: z.boolean(),
  /** Times are shown in it, and "today" is counted in it (lib/dates.ts). Absent: left as it is. */
  timeZone: z.string().max(64, "settings.validation.timeZoneInvalid").refine(isTimeZone, "settings.validation.timeZoneInvalid").optional(),
  defaultTurnaroundDays: wholeNumberText("settings.validation.turnaroundWhole")
    .pipe(z.string().min(1, "settings.validation.turnaroundRequired"))
    .transform(Number)
    .pipe(z.number().min(7, "settings.validation.turnaroundMin").max(365, "settings.validation.turnaroundMax")),
  /** Grams of one sheet of the paper packs are printed on (4.5 for 75 g/m² Letter). */
  paperGramsPerSheet: grams("paper", 100),
  /** Grams of one empty envelope. */
  envelopeGrams: grams("envelope", 1000),
  postageCurrency: text(5).refine((v) => !/[\r\n\u2028\u2029]/.test(v), "settings.validation.currencyOneLine"),
  /** Rows in order of weight; each row's error stays on its own field. */
  postageRates: z
    .array(rateRow, { error: "settings.validation.ratesInvalid" })
    .max(POSTAGE_MAX_RATES, "settings.validation.ratesTooMany")
    .superRefine((rows, context) => {
      rows.forEach((row, i) => {
        // Only between two weights that parsed: a row refused on its own keeps that one message.
        const before = rows[i - 1];
        const parsed = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
        if (before && parsed(before.upToGrams) && parsed(row.upToGrams) && row.upToGrams <= before.upToGrams) context.addIssue({ code: "custom", path: [i, "upToGrams"], message: "settings.validation.ratesAscending" });
      });
    }),
});
export type OrganizationSettingsInput = z.input<typeof organizationSettingsSchema>;
export type OrganizationSettingsValues = z.output<typeof organizationSettingsSchema>;
