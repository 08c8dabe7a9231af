// The e-message channel's forms (docs/decisions/045), shared by the forms and the server: a
// member's service and contact identifier, and an organization's characters per message.
// Every refusal is one of our message keys (messages/<locale>/emessage.json), never zod's words.
import { z } from "zod";
import { EMESSAGE_SERVICES, MAX_CHARS_PER_MESSAGE, MIN_CHARS_PER_MESSAGE } from "@/lib/emessage/services";
import { stripNul } from "@/lib/validations/text";

/**
 * The member's identifier in the service: a CorrLinks register number ("12345-678"), a JPay id
 * with its state ("FL 123456"), a Securus or ViaPath account. Letters, digits, spaces and the
 * few marks such ids use; one line, at most 64 characters, tidied of outer and doubled spaces.
 */
export const emessageContactSchema = z
  .string("emessage.validation.contactRequired")
  .transform(stripNul)
  .transform((v) => v.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "emessage.validation.contactRequired")
      .max(64, "emessage.validation.contactTooLong")
      .regex(/^[\p{L}\p{N} .#@_/+-]+$/u, "emessage.validation.contactInvalid"),
  );

export const emessageServiceSchema = z.enum(EMESSAGE_SERVICES, "emessage.validation.serviceRequired");

export const emessageChannelSchema = z.object({ service: emessageServiceSchema, contact: emessageContactSchema });
export type EmessageChannelInput = z.input<typeof emessageChannelSchema>;
export type EmessageChannelValues = z.output<typeof emessageChannelSchema>;

const chars = z
  .union([z.string().max(20, "emessage.validation.limitWhole"), z.number()], { error: "emessage.validation.limitWhole" })
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d+$/, "emessage.validation.limitWhole"))
  .transform(Number)
  .pipe(z.number().min(MIN_CHARS_PER_MESSAGE, "emessage.validation.limitRange").max(MAX_CHARS_PER_MESSAGE, "emessage.validation.limitRange"));

/** Characters per message for every service (the form always sends all five). */
export const emessageLimitsSchema = z.object({
  CORRLINKS: chars,
  JPAY: chars,
  SECURUS: chars,
  VIAPATH: chars,
  OTHER: chars,
});
export type EmessageLimitsInput = z.input<typeof emessageLimitsSchema>;
export type EmessageLimitsValues = z.output<typeof emessageLimitsSchema>;

