// The forms of password reset (docs/decisions/024-password-reset.md), shared by the forms and the
// server. Messages are catalog keys under "validation".
import { z } from "zod";
import { emailSchema, PASSWORD_MAX_LENGTH, passwordSchema } from "@/lib/validations/auth";

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    password: passwordSchema,
    confirmPassword: z.string().max(PASSWORD_MAX_LENGTH, "passwordsDiffer"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** A reset link's token: 32 random bytes in base64url. */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
