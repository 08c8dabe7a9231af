// The postage settings as an organizer types them: numbers with a point, weights above nothing,
// prices in hundredths, rows heavier row by row; anything else is refused on its own field with
// one of our messages, and what is accepted is saved and read back exactly.
import { describe, expect, it } from "vitest";
import { authorizeOrganization } from "@/lib/authz";
import { getOrganizationSettings, saveOrganizationSettings } from "@/lib/data/organizations";
import { organizationSettingsSchema, type OrganizationSettingsInput } from "@/lib/validations/organization";
import { makeOrganization, makeOrganizer } from "@/tests/factories";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const form = (overrides: Partial<OrganizationSettingsInput> = {}): OrganizationSettingsInput => ({
  name: "Riverside Study Network",
  returnAddress: "PO Box 4471\nRiverside, CA 92514",
  defaultMaxPagesPerEnvelope: "",
  defaultNameAndIdOnEveryPage: true,
  defaultImagesAllowed: false,
  defaultTurnaroundDays: "42",
  paperGramsPerSheet: "4.5",
  envelopeGrams: "5",
  postageCurrency: "$",
  postageRates: [
    { upToGrams: "28", price: "0.78" },
    { upToGrams: "56", price: "1.07" },
  ],
  ...overrides,
});

/** Field path → message key, as the action reports them. */
const errors = (input: OrganizationSettingsInput) => {
  const result = organizationSettingsSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("postage settings", () => {
  it("accepts decimals with a point and numbers as numbers", () => {
    const parsed = organizationSettingsSchema.parse(form({ paperGramsPerSheet: " 4.7 ", envelopeGrams: 6, postageRates: [{ upToGrams: ".5", price: "0.5" }, { upToGrams: 99, price: 1.65 }] }));
    expect(parsed).toMatchObject({ paperGramsPerSheet: 4.7, envelopeGrams: 6, postageRates: [{ upToGrams: 0.5, price: 0.5 }, { upToGrams: 99, price: 1.65 }] });
    expect(organizationSettingsSchema.parse(form({ postageRates: [] })).postageRates).toEqual([]);
  });

  it("refuses each wrong value on its own field, with a clear message", () => {
    expect(errors(form({ paperGramsPerSheet: "4,5" }))).toEqual({ paperGramsPerSheet: "settings.validation.paperNumber" });
    expect(errors(form({ paperGramsPerSheet: "" }))).toEqual({ paperGramsPerSheet: "settings.validation.paperRequired" });
    expect(errors(form({ paperGramsPerSheet: "0" }))).toEqual({ paperGramsPerSheet: "settings.validation.paperPositive" });
    expect(errors(form({ paperGramsPerSheet: "-4.5" }))).toEqual({ paperGramsPerSheet: "settings.validation.paperNumber" });
    expect(errors(form({ paperGramsPerSheet: "450" }))).toEqual({ paperGramsPerSheet: "settings.validation.paperMax" });
    expect(errors(form({ envelopeGrams: "five" }))).toEqual({ envelopeGrams: "settings.validation.envelopeNumber" });
    expect(errors(form({ envelopeGrams: "0.0" }))).toEqual({ envelopeGrams: "settings.validation.envelopePositive" });
    expect(errors(form({ postageCurrency: "$\n" }))).toEqual({});
    expect(errors(form({ postageCurrency: "dollars" }))).toEqual({ postageCurrency: "settings.validation.tooLong" });
    expect(
      errors(
        form({
          postageRates: [
            { upToGrams: "28", price: "$0.78" },
            { upToGrams: "28", price: "1.075" },
            { upToGrams: "", price: "2" },
            { upToGrams: "1e3", price: "" },
            { upToGrams: "Infinity", price: "NaN" },
          ],
        }),
      ),
    ).toEqual({
      "postageRates.0.price": "settings.validation.priceNumber",
      "postageRates.1.upToGrams": "settings.validation.ratesAscending",
      "postageRates.1.price": "settings.validation.priceCents",
      "postageRates.2.upToGrams": "settings.validation.rateWeightRequired",
      "postageRates.3.upToGrams": "settings.validation.rateWeightNumber",
      "postageRates.3.price": "settings.validation.priceRequired",
      "postageRates.4.upToGrams": "settings.validation.rateWeightNumber",
      "postageRates.4.price": "settings.validation.priceNumber",
    });
    expect(errors(form({ postageRates: Array.from({ length: 13 }, (_, i) => ({ upToGrams: String(i + 1), price: "1" })) }))).toEqual({ postageRates: "settings.validation.ratesTooMany" });
    expect(errors(form({ postageRates: "28=0.78" as never }))).toEqual({ postageRates: "settings.validation.ratesInvalid" });
  });

  it("refuses every naughty string in a number field with one of our keys, and accepts only real numbers", () => {
    const ownKeys = /^settings\.validation\.[a-zA-Z]+$/;
    for (const value of naughtyStrings) {
      for (const input of [form({ paperGramsPerSheet: value }), form({ envelopeGrams: value }), form({ postageRates: [{ upToGrams: value, price: value }] }), form({ postageCurrency: value })]) {
        const result = organizationSettingsSchema.safeParse(input);
        if (!result.success) for (const issue of result.error.issues) expect(issue.message, JSON.stringify(value)).toMatch(ownKeys);
        else {
          expect(Number.isFinite(result.data.paperGramsPerSheet) && result.data.paperGramsPerSheet > 0).toBe(true);
          expect(Number.isFinite(result.data.envelopeGrams) && result.data.envelopeGrams > 0).toBe(true);
          for (const row of result.data.postageRates) expect(Number.isFinite(row.upToGrams) && Number.isFinite(row.price)).toBe(true);
        }
      }
    }
  });

  it("saves what is accepted and reads it back exactly", async () => {
    const { id } = await makeOrganization();
    const organizer = await makeOrganizer(id);
    const before = await getOrganizationSettings(organizer, id);
    expect(before.organization).toMatchObject({ paperGramsPerSheet: 4.5, envelopeGrams: 5, postageCurrency: "$", postageRates: [] });
    const values = organizationSettingsSchema.parse(form({ paperGramsPerSheet: "4.7", envelopeGrams: "6.5", postageCurrency: "£", postageRates: [{ upToGrams: "100", price: "1.35" }, { upToGrams: "250", price: "2.1" }] }));
    await saveOrganizationSettings(await authorizeOrganization(organizer, id), values);
    const after = await getOrganizationSettings(organizer, id);
    expect(after.organization).toMatchObject({ paperGramsPerSheet: 4.7, envelopeGrams: 6.5, postageCurrency: "£", postageRates: [{ upToGrams: 100, price: 1.35 }, { upToGrams: 250, price: 2.1 }] });
  });
});
