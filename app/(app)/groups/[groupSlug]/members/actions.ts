"use server";
// The roster of one group: adding mail and e-message members, transfers, channel and status changes, moving up
// a level, invitations and release. Each action is made by groupAction (lib/server) with the
// permission it needs in the group `groupSlug` names.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { InvitationLink } from "@/components/roster/invitation-links";
import { invitationPath, inviteMembers, resendInvitation, revokeInvitation, type GroupInvitation } from "@/lib/data/invitations";
import { addMember, changeMemberStatus, moveMember, releaseMember, switchChannel, transferMember } from "@/lib/data/members";
import { groupAction } from "@/lib/server/actions";
import { moveSchema, releaseSchema, statusChangeSchema, transferSchema } from "@/lib/validations/member";
import { groupSlugSchema } from "@/lib/validations/group";
import { addOnlineMember, correctMemberDetails } from "@/lib/data/member-contact";
import { memberDetailsSchema, onlineMemberSchema } from "@/lib/validations/member-contact";
import { setMemberLanguage } from "@/lib/data/languages";
import { languageChoiceSchema } from "@/lib/validations/language";
import { emessageChannelSchema } from "@/lib/validations/emessage";
import { addMemberSchema } from "@/lib/validations/add-member";

const id = z.string().min(1).max(64);
const onMember = <S extends z.ZodType>(values: S) => z.object({ groupSlug: groupSlugSchema, memberId: id, values });
const membersPath = (slug: string) => `/groups/${slug}/members`;

/** The invitations' links to show (their e-mails, when configured, were queued with them). */
function links(invitations: GroupInvitation[]): InvitationLink[] {
  return invitations.map((i) => ({ id: i.id, email: i.email, penName: i.penName, path: invitationPath(i.token), expiresAt: i.expiresAt.toISOString(), emailed: i.emailQueued }));
}

/** A member by mail or by e-message (service and identifier) in one step (docs/decisions/049). */
export const addMemberAction = groupAction("member.invite", z.object({ groupSlug: groupSlugSchema, values: addMemberSchema }), async (ctx, { values: { emessage, ...member } }) => {
  const added = await addMember(ctx, member, emessage);
  revalidatePath(membersPath(ctx.group.slug));
  return { id: added.id };
});

/** An online member by name and e-mail, with their invitation (docs/decisions/028). */
export const addOnlineMemberAction = groupAction("member.invite", z.object({ groupSlug: groupSlugSchema, values: onlineMemberSchema }), async (ctx, { values }) => {
  const added = await addOnlineMember(ctx, values);
  revalidatePath(membersPath(ctx.group.slug));
  return { memberId: added.memberId, penName: added.penName, person: added.person, canSignIn: added.canSignIn, invitations: links(added.invitation ? [added.invitation] : []) };
});

/** A correction of the member's personal details, kept in their history (docs/decisions/028). */
export const correctMemberDetailsAction = groupAction("member.viewPersonal", onMember(memberDetailsSchema), async (ctx, { memberId, values }) => {
  const corrected = await correctMemberDetails(ctx, memberId, values);
  revalidatePath(membersPath(ctx.group.slug));
  revalidatePath(`${membersPath(ctx.group.slug)}/${memberId}`);
  return { changed: corrected.changed, invitations: links(corrected.invitation ? [corrected.invitation] : []) };
}, { archived: "allowed" });

/** The language of the member's packs and letters (issue 17). */
export const setMemberLanguageAction = groupAction("member.viewPersonal", z.object({ groupSlug: groupSlugSchema, memberId: id, language: languageChoiceSchema }), async (ctx, { memberId, language }) => {
  await setMemberLanguage(ctx, memberId, language);
  revalidatePath(`${membersPath(ctx.group.slug)}/${memberId}`);
  return null;
});

export const transferMemberAction = groupAction("member.viewPersonal", onMember(transferSchema), async (ctx, { memberId, values }) => {
  await transferMember(ctx, memberId, values);
  revalidatePath(membersPath(ctx.group.slug));
  return null;
});

// Mail → online is a release (releaseMemberAction): it clears the facility and invites them.
// Online or e-message → mail here; to e-message by switchToEmessageAction, which needs the service.
export const switchChannelAction = groupAction(
  "member.viewPersonal",
  z.object({ groupSlug: groupSlugSchema, memberId: id, channel: z.literal("MAIL") }),
  async (ctx, { memberId, channel }) => {
    await switchChannel(ctx, memberId, channel);
    revalidatePath(membersPath(ctx.group.slug));
    revalidatePath(`${membersPath(ctx.group.slug)}/${memberId}`);
    return null;
  },
);

/** Mail or online → e-message, or a new service or identifier (docs/decisions/045). */
export const switchToEmessageAction = groupAction("member.viewPersonal", onMember(emessageChannelSchema), async (ctx, { memberId, values }) => {
  await switchChannel(ctx, memberId, "EMESSAGE", values);
  revalidatePath(membersPath(ctx.group.slug));
  revalidatePath(`${membersPath(ctx.group.slug)}/${memberId}`);
  return null;
});

export const changeMemberStatusAction = groupAction("member.viewPersonal", onMember(statusChangeSchema), async (ctx, { memberId, values }) => {
  await changeMemberStatus(ctx, memberId, values);
  revalidatePath(membersPath(ctx.group.slug));
  return null;
});

// A pen name already used in the new group comes back on the pen name field (lib/data says which).
export const moveMemberAction = groupAction("roster.manage", onMember(moveSchema), async (ctx, { memberId, values }) => {
  const moved = await moveMember(ctx, memberId, values);
  revalidatePath(membersPath(ctx.group.slug));
  return { id: moved.id };
});

export const inviteMembersAction = groupAction(
  "member.invite",
  z.object({ groupSlug: groupSlugSchema, memberIds: z.array(id).min(1, "roster.invite.chooseMembers").max(1000) }),
  async (ctx, { memberIds }): Promise<{ invitations: InvitationLink[]; skipped: number }> => {
    const result = await inviteMembers(ctx, memberIds);
    revalidatePath(membersPath(ctx.group.slug));
    return { invitations: links(result.invitations), skipped: result.skipped };
  },
);

export const resendInvitationAction = groupAction("member.invite", z.object({ groupSlug: groupSlugSchema, invitationId: id }), async (ctx, { invitationId }) => {
  const invitation = await resendInvitation(ctx, invitationId);
  revalidatePath(membersPath(ctx.group.slug));
  return { invitations: links([invitation]) };
});

export const revokeInvitationAction = groupAction("member.invite", z.object({ groupSlug: groupSlugSchema, invitationId: id }), async (ctx, { invitationId }) => {
  await revokeInvitation(ctx, invitationId);
  revalidatePath(membersPath(ctx.group.slug));
  return null;
}, { archived: "allowed" });

export const releaseMemberAction = groupAction("member.viewPersonal", onMember(releaseSchema), async (ctx, { memberId, values }) => {
  const { invitation } = await releaseMember(ctx, memberId, values);
  revalidatePath(membersPath(ctx.group.slug));
  return { invitations: invitation ? links([invitation]) : [] };
});
