"use server";
// Server actions for packs, responses and feedback. Each is made by groupAction (lib/server):
// the caller's roles in the group `groupSlug` names are checked before the input is parsed, and
// lib/data scopes every id to that group.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addFeedback } from "@/lib/data/feedback";
import { setFeatured } from "@/lib/data/featured";
import { createPack, deletePack, publishPack, updatePack } from "@/lib/data/packs";
import { saveDraft } from "@/lib/data/responses";
import { groupAction } from "@/lib/server/actions";
import { featuredSchema } from "@/lib/validations/discussion";
import { groupSlugSchema } from "@/lib/validations/group";
import { packDetailsSchema, packRefSchema, packStartSchema } from "@/lib/validations/pack";
import { feedbackSchema, saveDraftSchema } from "@/lib/validations/response";

const packPath = (slug: string, n: number) => `/groups/${slug}/packs/${n}`;

export const createPackAction = groupAction("pack.edit", packStartSchema.extend({ groupSlug: groupSlugSchema }), async (ctx, { lessonIds, dueDate }) => {
  const created = await createPack(ctx, { lessonIds, dueDate });
  revalidatePath(`/groups/${ctx.group.slug}`);
  return created;
});

export const updatePackAction = groupAction("pack.edit", packRefSchema.extend({ details: packDetailsSchema }), async (ctx, { groupSlug, packNumber, details }) => {
  await updatePack(ctx, packNumber, details);
  revalidatePath(packPath(groupSlug, packNumber));
  revalidatePath(`/groups/${groupSlug}`);
  return null;
});

// Takes the editor's form as it is on screen and saves it in the publishing transaction, so the
// published pack is what the facilitator saw (docs/decisions/025-packs-without-traps.md).
// Without `details` only from the pack's preview page, which shows the pack as saved.
export const publishPackAction = groupAction("pack.edit", packRefSchema.extend({ details: packDetailsSchema.optional() }), async (ctx, { groupSlug, packNumber, details }) => {
  await publishPack(ctx, packNumber, details);
  revalidatePath(packPath(groupSlug, packNumber));
  revalidatePath(`/groups/${groupSlug}`);
  return null;
});

export const deletePackAction = groupAction("pack.edit", packRefSchema, async (ctx, { groupSlug, packNumber }) => {
  await deletePack(ctx, packNumber);
  revalidatePath(`/groups/${groupSlug}`);
  return null;
});

export const saveDraftAction = groupAction("response.writeOwn", saveDraftSchema, async (ctx, { packNumber, promptId, body }) => {
  const { savedAt } = await saveDraft(ctx, { packNumber, promptId, body });
  // No revalidatePath: the page already shows this text, and re-rendering on every keystroke
  // pause would be wasted work.
  return { savedAt: savedAt.toISOString() };
});

export const addFeedbackAction = groupAction(
  "feedback.write",
  feedbackSchema.extend({ packNumber: z.coerce.number().int().min(1) }),
  async (ctx, { groupSlug, packNumber, responseId, body, clientKey }) => {
    await addFeedback(ctx, { responseId, body, clientKey });
    revalidatePath(`${packPath(groupSlug, packNumber)}/responses`);
    revalidatePath(packPath(groupSlug, packNumber));
    revalidatePath("/");
    return null;
  },
);

export const setFeaturedAction = groupAction("pack.edit", featuredSchema, async (ctx, { groupSlug, packNumber, items }) => {
  const result = await setFeatured(ctx, packNumber, items);
  revalidatePath(packPath(groupSlug, packNumber));
  return result;
});
