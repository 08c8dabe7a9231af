"use server";
// Server actions of the discussion: pen names and consent, sharing one response, replies,
// hiding. Each is made by groupAction (lib/server) with the permission it needs; lib/data scopes
// every id to the group and checks consent again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addReply, hideFromGroup, recordMemberConsent, setMyResponseShared, showToGroupAgain, updateMySharing } from "@/lib/data/discussion";
import { groupAction } from "@/lib/server/actions";
import { hideSchema, mySharingSchema, recordConsentSchema, replySchema, responseSharedSchema, showAgainSchema } from "@/lib/validations/discussion";
import { groupSlugSchema } from "@/lib/validations/group";

const discussionPath = (groupSlug: string) => `/groups/${groupSlug}/discussion`;

export const updateMySharingAction = groupAction("sharing.editOwn", z.object({ groupSlug: groupSlugSchema, values: mySharingSchema }), async (ctx, { values }) => {
  const saved = await updateMySharing(ctx, values);
  revalidatePath(`/groups/${ctx.group.slug}`, "layout");
  return { penName: saved.penName };
}, { archived: "allowed" });

export const recordConsentAction = groupAction(
  "consent.record",
  z.object({ groupSlug: groupSlugSchema, memberId: z.string().min(1).max(64), values: recordConsentSchema }),
  async (ctx, { memberId, values }) => {
    await recordMemberConsent(ctx, memberId, values);
    revalidatePath(`/groups/${ctx.group.slug}`, "layout");
    return null;
  }, { archived: "allowed" });

export const setResponseSharedAction = groupAction("response.writeOwn", responseSharedSchema, async (ctx, { responseId, shared }) => {
  const result = await setMyResponseShared(ctx, { responseId, shared });
  revalidatePath(discussionPath(ctx.group.slug));
  return result;
}, { archived: "allowed" });

export const addReplyAction = groupAction("reply.write", replySchema, async (ctx, { responseId, body, clientKey }) => {
  const { id } = await addReply(ctx, { responseId, body, clientKey });
  revalidatePath(discussionPath(ctx.group.slug));
  return { id };
});

export const showAgainAction = groupAction("discussion.moderate", showAgainSchema, async (ctx, { kind, id }) => {
  await showToGroupAgain(ctx, { kind, id });
  revalidatePath(discussionPath(ctx.group.slug));
  return null;
}, { archived: "allowed" });

export const hideAction = groupAction("discussion.moderate", hideSchema, async (ctx, { kind, id, reason }) => {
  await hideFromGroup(ctx, { kind, id, reason });
  revalidatePath(discussionPath(ctx.group.slug));
  return null;
}, { archived: "allowed" });
