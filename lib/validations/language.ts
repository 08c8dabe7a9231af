// A language choice: the person's own UI language (account page), or the language of a member's
// packs and letters (staff). "" clears it: the browser decides, or English for paper.
import { z } from "zod";

export const languageChoiceSchema = z.enum(["", "EN", "ES"], "validation.invalid").transform((v) => (v === "" ? null : v));
export type LanguageChoice = z.output<typeof languageChoiceSchema>;
