"use server";
// "Forgot password": a public endpoint (anyone may ask). The answer is the same whether or not the
// e-mail has an account; the request is throttled (lib/auth/password-reset.ts).
import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/auth/password-reset-request";
import { env } from "@/lib/env";
import { publicAction } from "@/lib/server/actions";
import { forgotPasswordSchema } from "@/lib/validations/password-reset";

export const forgotPasswordAction = publicAction(z.object({ values: forgotPasswordSchema }), async (_user, { values }) => {
  const source = clientAddress(Object.fromEntries(await headers()), env().TRUSTED_PROXIES);
  await requestPasswordReset(values.email, source);
  return null;
});
