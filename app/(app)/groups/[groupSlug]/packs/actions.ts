"use server";
// Server actions for packs, responses and feedback. Each is a public endpoint: it finds the
// caller, asks lib/authz about the group named in the input, parses the input with the shared
// schema, then calls lib/data, which scopes every id to that group.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { createPack, publishPack, updatePack } from "@/lib/data/packs";
import { saveDraft } from "@/lib/data/responses";
import { addFeedback } from "@/lib/data/feedback";
import { setFeatured } from "@/lib/data/featured";
import { featuredSchema } from "@/lib/validations/discussion";
import type { GroupAction } from "@/lib/permissions";
import { packDetailsSchema, packRefSchema } from "@/lib/validations/pack";
import { feedbackSchema, saveDraftSchema } from "@/lib/validations/response";

async function context(groupSlug: string, action: GroupAction) {
  const user = await getCurrentUser();
  if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
  return authorizeGroup(user, groupSlug, action);
}

const packPath = (slug: string, n: number) => `/groups/${slug}/packs/${n}`;

export async function createPackAction(input: unknown): Promise<ActionResult<{ number: number }>> {
  return runAction(z.object({ groupSlug: z.string().min(1).max(100) }), input, async ({ groupSlug }) => {
    const ctx = await context(groupSlug, "pack.edit");
    const created = await createPack(ctx);
    revalidatePath(`/groups/${groupSlug}`);
    return created;
  });
}

export async function updatePackAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(packRefSchema.extend({ details: packDetailsSchema }), input, async ({ groupSlug, packNumber, details }) => {
    const ctx = await context(groupSlug, "pack.edit");
    await updatePack(ctx, packNumber, details);
    revalidatePath(packPath(groupSlug, packNumber));
    revalidatePath(`/groups/${groupSlug}`);
    return null;
  });
}

export async function publishPackAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(packRefSchema, input, async ({ groupSlug, packNumber }) => {
    const ctx = await context(groupSlug, "pack.edit");
    await publishPack(ctx, packNumber);
    revalidatePath(packPath(groupSlug, packNumber));
    revalidatePath(`/groups/${groupSlug}`);
    return null;
  });
}

export async function saveDraftAction(input: unknown): Promise<ActionResult<{ savedAt: string }>> {
  return runAction(saveDraftSchema, input, async ({ groupSlug, packNumber, promptId, body }) => {
    const ctx = await context(groupSlug, "response.writeOwn");
    const { savedAt } = await saveDraft(ctx, { packNumber, promptId, body });
    // No revalidatePath: the page already shows this text, and re-rendering on every keystroke
    // pause would be wasted work.
    return { savedAt: savedAt.toISOString() };
  });
}

export async function addFeedbackAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(feedbackSchema.extend({ packNumber: z.coerce.number().int().min(1) }), input, async ({ groupSlug, packNumber, responseId, body, clientKey }) => {
    const ctx = await context(groupSlug, "feedback.write");
    await addFeedback(ctx, { responseId, body, clientKey });
    revalidatePath(`${packPath(groupSlug, packNumber)}/responses`);
    revalidatePath(packPath(groupSlug, packNumber));
    revalidatePath("/");
    return null;
  });
}

export async function setFeaturedAction(input: unknown): Promise<ActionResult<{ count: number }>> {
  return runAction(featuredSchema, input, async ({ groupSlug, packNumber, items }) => {
    const ctx = await context(groupSlug, "pack.edit");
    const result = await setFeatured(ctx, packNumber, items);
    revalidatePath(packPath(groupSlug, packNumber));
    return result;
  });
}
