// A facility's address and mail rules. Shared by the form and the server.
import { z } from "zod";
import { stripNul } from "@/lib/validations/text";

const text = (max: number) => z.string().transform(stripNul).pipe(z.string().trim().max(max, "facilities.validation.tooLong"));

/** Empty = no limit; otherwise a whole number of pages, 3 (slip, reading, sheet) to 500. */
const pageLimit = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => v === "" || /^\d+$/.test(v), "facilities.validation.pagesWhole")
  .transform((v) => (v === "" ? ("" as const) : Number(v)))
  .refine((v) => v === "" || v >= 3, "facilities.validation.pagesMin")
  .refine((v) => v === "" || v <= 500, "facilities.validation.pagesMax");

export const facilitySchema = z.object({
  name: text(200).pipe(z.string().min(1, "facilities.validation.nameRequired")),
  /** One address line per line of the textarea, as printed on the envelope. */
  address: text(1000).refine((v) => v.split("\n").filter((l) => l.trim()).length >= 1, "facilities.validation.addressRequired"),
  maxPagesPerEnvelope: pageLimit,
  nameAndIdOnEveryPage: z.boolean(),
  imagesAllowed: z.boolean(),
  notes: text(2000),
});
export type FacilityInput = z.input<typeof facilitySchema>;
export type FacilityValues = z.output<typeof facilitySchema>;

export const addressLines = (address: string) => address.split("\n").map((l) => l.trim()).filter(Boolean);
