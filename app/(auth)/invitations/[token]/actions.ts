"use server";
// Accepting an invitation. Public endpoints: the token itself is the permission, checked
// (state, expiry, single use) inside lib/data/invitations in one transaction.
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/data/invitations";
import { acceptInvitationSchema } from "@/lib/validations/auth";
import { invitationTokenSchema } from "@/lib/validations/invitation";

const newUserSchema = z.object({ token: invitationTokenSchema, values: acceptInvitationSchema });

export async function acceptAsNewUserAction(input: unknown): Promise<ActionResult<{ email: string; groupSlug: string | null }>> {
  return runAction(newUserSchema, input, async ({ token, values }) => {
    try {
      return await acceptInvitationAsNewUser(token, values);
    } catch (error) {
      throw error instanceof AppError ? new AppError(error.code, `invitation.state.${error.message.replace("invitation.", "")}`) : error;
    }
  });
}

export async function acceptAsUserAction(input: unknown): Promise<ActionResult<{ groupSlug: string | null }>> {
  return runAction(z.object({ token: invitationTokenSchema }), input, async ({ token }) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("NOT_FOUND", "invitation.state.accountExists");
    try {
      return await acceptInvitationAsUser(token, user);
    } catch (error) {
      throw error instanceof AppError ? new AppError(error.code, `invitation.state.${error.message.replace("invitation.", "")}`) : error;
    }
  });
}
