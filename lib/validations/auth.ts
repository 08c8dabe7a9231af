// Shared by the sign-in and invitation forms and by the server that checks them.
// Messages are catalog keys (messages/en.json → "validation"), so a translation is data.
import { z } from "zod";
import { emailField } from "@/lib/people/identity";

// Normalized as lib/people/identity.ts says, so sign-in finds the account an invitation made.
export const emailSchema = emailField({ required: "emailRequired", invalid: "emailInvalid" });

/**
 * The length rule of a password someone sets. Hashes are argon2id, which reads every byte, so
 * the whole of up to 200 characters counts (bcrypt, before, silently used only the first 72
 * bytes). Whether it is hard to guess is checked on the server (lib/auth/password-rule.ts),
 * to keep the estimator's dictionaries out of the browser.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
const characters = (v: string) => Array.from(v).length;
export const passwordSchema = z
  .string()
  .refine((v) => characters(v) >= PASSWORD_MIN_LENGTH, "passwordTooShort")
  .refine((v) => characters(v) <= PASSWORD_MAX_LENGTH, "passwordTooLong");

/** A password being checked: any non-empty string within the longest that could have been set. */
const currentPasswordSchema = z
  .string()
  .min(1, "passwordRequired")
  .refine((v) => characters(v) <= PASSWORD_MAX_LENGTH, "passwordTooLong");

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
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

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: passwordSchema,
    confirmPassword: z.string().max(PASSWORD_MAX_LENGTH, "passwordsDiffer"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
