"use server";
// Accepting an invitation. Public endpoints: the token itself is the permission, checked
// (state, expiry, single use) inside lib/data/invitations in one transaction.
import { z } from "zod";
import { AppError, notFound } from "@/lib/errors";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/data/invitations";
import { publicAction } from "@/lib/server/actions";
import { acceptInvitationSchema } from "@/lib/validations/auth";
import { invitationTokenSchema } from "@/lib/validations/invitation";

/** lib/data names an invitation's state "invitation.<state>"; the page's words for it are under "invitation.state". */
async function withStateMessages<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.message.startsWith("invitation.")) throw new AppError(error.code, `invitation.state.${error.message.slice("invitation.".length)}`);
    throw error;
  }
}

export const acceptAsNewUserAction = publicAction(z.object({ token: invitationTokenSchema, values: acceptInvitationSchema }), async (_user, { token, values }) =>
  withStateMessages(() => acceptInvitationAsNewUser(token, values)),
);

export const acceptAsUserAction = publicAction(z.object({ token: invitationTokenSchema }), async (user, { token }) => {
  if (!user) throw notFound("invitation.state.accountExists");
  return withStateMessages(() => acceptInvitationAsUser(token, user));
});
