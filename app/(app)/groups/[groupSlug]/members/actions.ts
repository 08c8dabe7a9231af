"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { addMailMember, changeMemberStatus, moveMember, releaseMember, switchChannel, transferMember } from "@/lib/data/members";
import { invitationPath, inviteMembers, resendInvitation, revokeInvitation, type GroupInvitation } from "@/lib/data/invitations";
import type { InvitationLink } from "@/components/roster/invitation-links";
import type { GroupAction } from "@/lib/permissions";
import { mailMemberSchema, moveSchema, releaseSchema, statusChangeSchema, transferSchema } from "@/lib/validations/member";

async function context(groupSlug: string, action: GroupAction) {
  const user = await getCurrentUser();
  if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
  return authorizeGroup(user, groupSlug, action);
}

const slug = z.string().min(1).max(100);
const id = z.string().min(1).max(64);

export async function addMailMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(z.object({ groupSlug: slug, values: mailMemberSchema }), input, async ({ groupSlug, values }) => {
    const member = await addMailMember(await context(groupSlug, "member.invite"), values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return { id: member.id };
  });
}

export async function transferMemberAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ groupSlug: slug, memberId: id, values: transferSchema }), input, async ({ groupSlug, memberId, values }) => {
    await transferMember(await context(groupSlug, "member.viewPersonal"), memberId, values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
}

export async function switchChannelAction(input: unknown): Promise<ActionResult<null>> {
  // Mail → online is a release (releaseMemberAction): it clears the facility and invites them.
  return runAction(z.object({ groupSlug: slug, memberId: id, channel: z.literal("MAIL") }), input, async ({ groupSlug, memberId, channel }) => {
    await switchChannel(await context(groupSlug, "member.viewPersonal"), memberId, channel);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
}

export async function changeMemberStatusAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ groupSlug: slug, memberId: id, values: statusChangeSchema }), input, async ({ groupSlug, memberId, values }) => {
    await changeMemberStatus(await context(groupSlug, "member.viewPersonal"), memberId, values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
}

export async function moveMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(z.object({ groupSlug: slug, memberId: id, values: moveSchema }), input, async ({ groupSlug, memberId, values }) => {
    const moved = await moveMember(await context(groupSlug, "roster.manage"), memberId, values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return { id: moved.id };
  });
  // A pen name already used in the new group: the form asks for another, on the field itself.
  if (!result.ok && result.formError === "members.errors.penNameTaken") return { ok: false, fieldErrors: { "values.penName": result.formError }, formError: result.formError };
  return result;
}

/** The invitations' links to show (their e-mails, when configured, were queued with them). */
function links(invitations: GroupInvitation[]): InvitationLink[] {
  return invitations.map((i) => ({ id: i.id, email: i.email, penName: i.penName, path: invitationPath(i.token), expiresAt: i.expiresAt.toISOString(), emailed: i.emailQueued }));
}

export async function inviteMembersAction(input: unknown): Promise<ActionResult<{ invitations: InvitationLink[]; skipped: number }>> {
  return runAction(z.object({ groupSlug: slug, memberIds: z.array(id).min(1, "roster.invite.chooseMembers").max(1000) }), input, async ({ groupSlug, memberIds }) => {
    const ctx = await context(groupSlug, "member.invite");
    const result = await inviteMembers(ctx, memberIds);
    revalidatePath(`/groups/${groupSlug}/members`);
    return { invitations: links(result.invitations), skipped: result.skipped };
  });
}

export async function resendInvitationAction(input: unknown): Promise<ActionResult<{ invitations: InvitationLink[] }>> {
  return runAction(z.object({ groupSlug: slug, invitationId: id }), input, async ({ groupSlug, invitationId }) => {
    const ctx = await context(groupSlug, "member.invite");
    const invitation = await resendInvitation(ctx, invitationId);
    revalidatePath(`/groups/${groupSlug}/members`);
    return { invitations: links([invitation]) };
  });
}

export async function revokeInvitationAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ groupSlug: slug, invitationId: id }), input, async ({ groupSlug, invitationId }) => {
    await revokeInvitation(await context(groupSlug, "member.invite"), invitationId);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
}

export async function releaseMemberAction(input: unknown): Promise<ActionResult<{ invitations: InvitationLink[] }>> {
  const result = await runAction(z.object({ groupSlug: slug, memberId: id, values: releaseSchema }), input, async ({ groupSlug, memberId, values }) => {
    const ctx = await context(groupSlug, "member.viewPersonal");
    const { invitation } = await releaseMember(ctx, memberId, values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return { invitations: invitation ? links([invitation]) : [] };
  });
  if (!result.ok && result.formError === "roster.release.emailTaken") return { ok: false, fieldErrors: { "values.email": result.formError }, formError: null };
  return result;
}
