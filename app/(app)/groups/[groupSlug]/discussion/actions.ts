"use server";
// Server actions of the discussion: pen names and consent, sharing one response, replies,
// hiding. Each is a public endpoint: it finds the caller, asks lib/authz about the group named
// in the input, parses with the shared schema, then calls lib/data, which scopes every id to
// that group and checks consent again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { addReply, hideFromGroup, showToGroupAgain, recordMemberConsent, setMyResponseShared, updateMySharing } from "@/lib/data/discussion";
import type { GroupAction } from "@/lib/permissions";
import { hideSchema, showAgainSchema, mySharingSchema, recordConsentSchema, replySchema, responseSharedSchema } from "@/lib/validations/discussion";

async function context(groupSlug: string, action: GroupAction) {
  const user = await getCurrentUser();
  if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
  return authorizeGroup(user, groupSlug, action);
}

const slug = z.string().min(1).max(100);
const discussionPath = (groupSlug: string) => `/groups/${groupSlug}/discussion`;

export async function updateMySharingAction(input: unknown): Promise<ActionResult<{ penName: string }>> {
  return runAction(z.object({ groupSlug: slug, values: mySharingSchema }), input, async ({ groupSlug, values }) => {
    const ctx = await context(groupSlug, "sharing.editOwn");
    const saved = await updateMySharing(ctx, values);
    revalidatePath(`/groups/${groupSlug}`, "layout");
    return { penName: saved.penName };
  });
}

export async function recordConsentAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ groupSlug: slug, memberId: z.string().min(1).max(64), values: recordConsentSchema }), input, async ({ groupSlug, memberId, values }) => {
    const ctx = await context(groupSlug, "consent.record");
    await recordMemberConsent(ctx, memberId, values);
    revalidatePath(`/groups/${groupSlug}`, "layout");
    return null;
  });
}

export async function setResponseSharedAction(input: unknown): Promise<ActionResult<{ shared: boolean }>> {
  return runAction(responseSharedSchema, input, async ({ groupSlug, responseId, shared }) => {
    const ctx = await context(groupSlug, "response.writeOwn");
    const result = await setMyResponseShared(ctx, { responseId, shared });
    revalidatePath(discussionPath(groupSlug));
    return result;
  });
}

export async function addReplyAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(replySchema, input, async ({ groupSlug, responseId, body, clientKey }) => {
    const ctx = await context(groupSlug, "reply.write");
    const { id } = await addReply(ctx, { responseId, body, clientKey });
    revalidatePath(discussionPath(groupSlug));
    return { id };
  });
}

export async function showAgainAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(showAgainSchema, input, async ({ groupSlug, kind, id }) => {
    const ctx = await context(groupSlug, "discussion.moderate");
    await showToGroupAgain(ctx, { kind, id });
    revalidatePath(discussionPath(groupSlug));
    return null;
  });
}

export async function hideAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(hideSchema, input, async ({ groupSlug, kind, id, reason }) => {
    const ctx = await context(groupSlug, "discussion.moderate");
    await hideFromGroup(ctx, { kind, id, reason });
    revalidatePath(discussionPath(groupSlug));
    return null;
  });
}
