// A language choice: the person's own UI language (account page), or the language of a member's
// packs and letters (staff). "" clears it: the browser decides, or English for paper.
import { z } from "zod";
import { isTimeZone } from "@/lib/dates";

/** A person's own time zone; "" clears it (their organization's then applies). */
export const ownTimeZoneSchema = z
  .string()
  .max(64, "validation.invalid")
  .refine((v) => v === "" || isTimeZone(v), "validation.invalid")
  .transform((v) => (v === "" ? null : v));

export const languageChoiceSchema = z.enum(["", "EN", "ES"], "validation.invalid").transform((v) => (v === "" ? null : v));
export type LanguageChoice = z.output<typeof languageChoiceSchema>;
