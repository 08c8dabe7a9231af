import { z } from "zod";
import { emailSchema } from "@/lib/validations/auth";

export const penNameSchema = z
  .string()
  .trim()
  .min(2, "penNameTooShort")
  .max(40, "penNameTooLong")
  .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), "penNameInvalid");

export const createInvitationSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("MEMBER"), email: emailSchema, groupSlug: z.string().min(1), legalName: z.string().trim().min(1, "nameRequired").max(120, "nameTooLong"), penName: penNameSchema.optional() }),
  z.object({ role: z.literal("FACILITATOR"), email: emailSchema, groupSlug: z.string().min(1) }),
  z.object({ role: z.literal("ORGANIZER"), email: emailSchema, organizationId: z.string().min(1) }),
]);
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
