"use server";
// Server actions of the paper channel's mail log, each made by groupAction (lib/server).
// Transcription has its own module: transcribe-actions.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markRunAsMailed, recordDeliveryEvent } from "@/lib/data/deliveries";
import { startPrintRun } from "@/lib/data/print-runs";
import { groupAction } from "@/lib/server/actions";
import { deliveryEventSchema, markMailedSchema } from "@/lib/validations/mail";

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

export const startPrintRunAction = groupAction("delivery.manage", markMailedSchema.pick({ groupSlug: true, packNumber: true }), async (ctx, { groupSlug, packNumber }) => {
  const run = await startPrintRun(ctx, packNumber);
  revalidatePath(logPath(groupSlug, packNumber));
  return { id: run.id };
});
