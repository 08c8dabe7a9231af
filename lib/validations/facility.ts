// A facility's address and mail rules. Shared by the form and the server.
import { z } from "zod";
import { stripNul } from "@/lib/validations/text";

const text = (max: number) => z.string().transform(stripNul).pipe(z.string().trim().max(max, "facilities.validation.tooLong"));

export const facilitySchema = z.object({
  name: text(200).pipe(z.string().min(1, "facilities.validation.nameRequired")),
  /** One address line per line of the textarea, as printed on the envelope. */
  address: text(1000).refine((v) => v.split("\n").filter((l) => l.trim()).length >= 1, "facilities.validation.addressRequired"),
  maxPagesPerEnvelope: z.union([z.literal(""), z.coerce.number().int("facilities.validation.pagesWhole").min(3, "facilities.validation.pagesMin").max(500, "facilities.validation.pagesMax")]),
  nameAndIdOnEveryPage: z.boolean(),
  imagesAllowed: z.boolean(),
  notes: text(2000),
});
export type FacilityInput = z.input<typeof facilitySchema>;
export type FacilityValues = z.output<typeof facilitySchema>;

export const addressLines = (address: string) => address.split("\n").map((l) => l.trim()).filter(Boolean);
