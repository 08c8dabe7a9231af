// First-run setup: the organization and its first organizer. Shared by the setup form, the
// server and `npm run setup`. Messages are catalog keys.
import { z } from "zod";
import { displayNameSchema, emailSchema, passwordSchema } from "@/lib/validations/auth";
import { organizationSettingsSchema } from "@/lib/validations/organization";
import { isTimeZone } from "@/lib/dates";


export const timeZoneSchema = z.string().max(64, "setup.validation.timeZoneInvalid").refine(isTimeZone, "setup.validation.timeZoneInvalid");

export const setupSchema = z
  .object({
    organizationName: organizationSettingsSchema.shape.name,
    returnAddress: organizationSettingsSchema.shape.returnAddress,
    timeZone: timeZoneSchema,
    name: displayNameSchema,
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string().max(1000, "passwordsDiffer"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });
export type SetupInput = z.input<typeof setupSchema>;
export type SetupValues = z.output<typeof setupSchema>;
