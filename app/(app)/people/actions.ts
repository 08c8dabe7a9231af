"use server";
// The People page (docs/decisions/028): organizers of the organization `organizationId` names
// give and take staff roles and invite new staff.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assignFacilitator, inviteStaff, makeOrganizer, removeFacilitator, removeOrganizer, revokeStaffInvitation } from "@/lib/data/staff";
import { invitationPath } from "@/lib/data/invitations";
import { organizationAction } from "@/lib/server/actions";
import { assignFacilitatorSchema, staffInvitationSchema, userIdSchema } from "@/lib/validations/staff";

const organizationId = z.string().min(1).max(64);
const done = () => revalidatePath("/people");

export const inviteStaffAction = organizationAction(z.object({ organizationId, values: staffInvitationSchema }), async (ctx, { values }) => {
  const issued = await inviteStaff(ctx, values);
  done();
  // The link is shown once, to copy, when no e-mail carries it.
  return { email: issued.email, emailQueued: issued.emailQueued, path: issued.emailQueued ? null : invitationPath(issued.token), expiresAt: issued.expiresAt.toISOString() };
});

export const revokeStaffInvitationAction = organizationAction(z.object({ organizationId, invitationId: z.string().min(1).max(64) }), async (ctx, { invitationId }) => {
  await revokeStaffInvitation(ctx, invitationId);
  done();
  return null;
});

export const assignFacilitatorAction = organizationAction(z.object({ organizationId, values: assignFacilitatorSchema }), async (ctx, { values }) => {
  await assignFacilitator(ctx, values.userId, values.groupSlug);
  done();
  return null;
});

export const removeFacilitatorAction = organizationAction(z.object({ organizationId, values: assignFacilitatorSchema }), async (ctx, { values }) => {
  await removeFacilitator(ctx, values.userId, values.groupSlug);
  done();
  return null;
});

export const makeOrganizerAction = organizationAction(z.object({ organizationId, userId: userIdSchema }), async (ctx, { userId }) => {
  await makeOrganizer(ctx, userId);
  done();
  return null;
});

export const removeOrganizerAction = organizationAction(z.object({ organizationId, userId: userIdSchema }), async (ctx, { userId }) => {
  await removeOrganizer(ctx, userId);
  done();
  // The caller may have removed themselves: the page tells the form where to go next.
  return { self: userId === ctx.user.id };
});
