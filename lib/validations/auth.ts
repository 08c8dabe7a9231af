// Shared by the sign-in and invitation forms and by the server that checks them.
// Messages are catalog keys (messages/en.json → "validation"), so a translation is data.
import { z } from "zod";
import { emailField } from "@/lib/people/identity";

// Normalized as lib/people/identity.ts says, so sign-in finds the account an invitation made.
export const emailSchema = emailField({ required: "emailRequired", invalid: "emailInvalid" });

export const passwordSchema = z.string().min(10, "passwordTooShort").max(200, "passwordTooLong");

export const signInSchema = z.object({
  email: emailSchema,
  // Any non-empty string may be tried; length rules apply when a password is set.
  password: z.string().min(1, "passwordRequired").max(200, "passwordTooLong"),
});
export type SignInInput = z.infer<typeof signInSchema>;

const displayName = z
  .string()
  .trim()
  .min(1, "nameRequired")
  .max(120, "nameTooLong")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "nameInvalid");

export const acceptInvitationSchema = z
  .object({
    name: displayName,
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export { displayName as displayNameSchema };
