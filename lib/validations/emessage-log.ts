// The forms of a pack's e-message log (docs/decisions/045), shared by the page's controls and the
// server actions. Every refusal is one of our message keys.
import { z } from "zod";
import { isoDateSchema } from "@/lib/validations/mail";
import { stripNul } from "@/lib/validations/text";

const packRef = { groupSlug: z.string().min(1).max(100), packNumber: z.coerce.number().int().min(1).max(100_000), deliveryId: z.string().min(1).max(64) };

export const prepareEmessagesSchema = z.object(packRef);
export const markEmessagesSentSchema = z.object({ ...packRef, partId: z.string().min(1).max(64).optional() });

/** Bounced (with the reason), sent again, or replied. */
export const emessageEventSchema = z.object({
  ...packRef,
  values: z.object({
    status: z.enum(["RETURNED", "RESENT", "RESPONDED"], "emessage.validation.statusRequired"),
    occurredOn: isoDateSchema,
    reason: z.string().max(500, "emessage.validation.reasonTooLong").transform(stripNul).optional(),
  }),
});
export type EmessageEventInput = z.input<typeof emessageEventSchema>["values"];

export const byPostMailedSchema = z.object({ ...packRef, values: z.object({ occurredOn: isoDateSchema }) });
