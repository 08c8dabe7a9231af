import { z } from "zod";
import { stripNul } from "@/lib/validations/text";

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "mail.validation.dateRequired")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "mail.validation.dateRequired");

const ref = { groupSlug: z.string().min(1).max(100), packNumber: z.coerce.number().int().min(1).max(100_000) };

export const deliveryEventSchema = z.object({
  ...ref,
  deliveryId: z.string().min(1).max(64),
  status: z.enum(["MAILED", "DELIVERED", "RETURNED", "REJECTED", "RESENT"]),
  occurredOn: isoDateSchema,
  reason: z.string().max(500).transform(stripNul).optional(),
  note: z.string().max(2000).transform(stripNul).optional(),
});
export type DeliveryEventInput = z.infer<typeof deliveryEventSchema>;

export const markMailedSchema = z.object({ ...ref, occurredOn: isoDateSchema });
