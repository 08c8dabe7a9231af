"use server";
// Server actions of the paper channel: the mail log and transcription, each made by groupAction
// (lib/server). Scans are uploaded through a route handler instead (app/api/groups/[groupSlug]/
// packs/[packNumber]/scans), which can refuse a file that is too large before reading it.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markRunAsMailed, recordDeliveryEvent } from "@/lib/data/deliveries";
import { startPrintRun } from "@/lib/data/print-runs";
import { saveTranscriptionDraft, submitTranscription } from "@/lib/data/transcriptions";
import { groupAction } from "@/lib/server/actions";
import { deliveryEventSchema, markMailedSchema } from "@/lib/validations/mail";
import { transcriptionDraftSchema, transcriptionSubmitSchema } from "@/lib/validations/response";

const logPath = (slug: string, n: number) => `/groups/${slug}/packs/${n}/mail`;

export const recordDeliveryEventAction = groupAction("delivery.manage", deliveryEventSchema, async (ctx, { groupSlug, packNumber, ...event }) => {
  await recordDeliveryEvent(ctx, { packNumber, ...event });
  revalidatePath(logPath(groupSlug, packNumber));
  return null;
});

// "Mark all printed as mailed" names the print run it means: only what that run printed is marked.
export const markRunAsMailedAction = groupAction(
  "delivery.manage",
  markMailedSchema.extend({ runId: z.string().min(1).max(64) }),
  async (ctx, { groupSlug, packNumber, runId, occurredOn }) => {
    const result = await markRunAsMailed(ctx, { packNumber, runId, occurredOn });
    revalidatePath(logPath(groupSlug, packNumber));
    return result;
  },
);

export const saveTranscriptionDraftAction = groupAction("response.transcribe", transcriptionDraftSchema, async (ctx, { groupSlug: _slug, ...target }) => {
  const { savedAt } = await saveTranscriptionDraft(ctx, target);
  return { savedAt: savedAt.toISOString() };
});

// `shared`: the facilitator's choice for this response; refused unless the member's recorded consent allows it.
export const submitTranscriptionAction = groupAction(
  "response.transcribe",
  transcriptionSubmitSchema.extend({ shared: z.boolean().optional() }),
  async (ctx, { groupSlug, ...rest }) => {
    const result = await submitTranscription(ctx, rest);
    revalidatePath(logPath(groupSlug, rest.packNumber));
    revalidatePath(`/groups/${groupSlug}/packs/${rest.packNumber}/responses`);
    return { version: result.version };
  },
);

export const startPrintRunAction = groupAction("delivery.manage", markMailedSchema.pick({ groupSlug: true, packNumber: true }), async (ctx, { groupSlug, packNumber }) => {
  const run = await startPrintRun(ctx, packNumber);
  revalidatePath(logPath(groupSlug, packNumber));
  return { id: run.id };
});
