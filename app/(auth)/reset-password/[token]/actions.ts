"use server";
// Setting a new password with a reset link. Public: the token itself is the permission, checked
// (single use, expiry, replaced) inside lib/auth/password-reset.ts in one transaction.
import { z } from "zod";
import { resetPassword } from "@/lib/auth/password-reset";
import { publicAction } from "@/lib/server/actions";
import { resetPasswordSchema, resetTokenSchema } from "@/lib/validations/password-reset";

export const resetPasswordAction = publicAction(z.object({ token: resetTokenSchema, values: resetPasswordSchema }), async (_user, { token, values }) => {
  await resetPassword(token, values);
  return null;
});
