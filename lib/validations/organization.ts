// An organization's settings: its name, the return address printed on every pack, and the
// defaults new facilities and mailings start from. Shared by the form and the server.
import { z } from "zod";
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
  defaultTurnaroundDays: wholeNumberText("settings.validation.turnaroundWhole")
    .pipe(z.string().min(1, "settings.validation.turnaroundRequired"))
    .transform(Number)
    .pipe(z.number().min(7, "settings.validation.turnaroundMin").max(365, "settings.validation.turnaroundMax")),
});
export type OrganizationSettingsInput = z.input<typeof organizationSettingsSchema>;
export type OrganizationSettingsValues = z.output<typeof organizationSettingsSchema>;
