"use server";
// Server actions of the paper channel: the mail log and transcription. Public endpoints: each
// finds the caller, asks lib/authz about the group in its input, parses with the shared schema.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { markPreparedAsMailed, recordDeliveryEvent } from "@/lib/data/deliveries";
import { saveTranscriptionDraft, submitTranscription, transcriptionResponseId } from "@/lib/data/transcriptions";
import { attachScan } from "@/lib/data/scans";
import { startPrintRun } from "@/lib/data/print-runs";
import type { GroupAction } from "@/lib/permissions";
import { deliveryEventSchema, markMailedSchema } from "@/lib/validations/mail";
import { transcriptionDraftSchema, transcriptionSubmitSchema, transcriptionTargetSchema } from "@/lib/validations/response";

async function context(groupSlug: string, action: GroupAction) {
  const user = await getCurrentUser();
  if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
  return authorizeGroup(user, groupSlug, action);
}

const logPath = (slug: string, n: number) => `/groups/${slug}/packs/${n}/mail`;

export async function recordDeliveryEventAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(deliveryEventSchema, input, async ({ groupSlug, packNumber, ...event }) => {
    const ctx = await context(groupSlug, "delivery.manage");
    await recordDeliveryEvent(ctx, { packNumber, ...event });
    revalidatePath(logPath(groupSlug, packNumber));
    return null;
  });
}

export async function markPreparedAsMailedAction(input: unknown): Promise<ActionResult<{ count: number }>> {
  return runAction(markMailedSchema, input, async ({ groupSlug, packNumber, occurredOn }) => {
    const ctx = await context(groupSlug, "delivery.manage");
    const result = await markPreparedAsMailed(ctx, { packNumber, occurredOn });
    revalidatePath(logPath(groupSlug, packNumber));
    return result;
  });
}

export async function saveTranscriptionDraftAction(input: unknown): Promise<ActionResult<{ savedAt: string }>> {
  return runAction(transcriptionDraftSchema, input, async ({ groupSlug, ...target }) => {
    const ctx = await context(groupSlug, "response.transcribe");
    const { savedAt } = await saveTranscriptionDraft(ctx, target);
    return { savedAt: savedAt.toISOString() };
  });
}

export async function submitTranscriptionAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  // `shared`: the facilitator's choice for this response; refused unless the member's recorded consent allows it.
  return runAction(transcriptionSubmitSchema.extend({ shared: z.boolean().optional() }), input, async ({ groupSlug, ...rest }) => {
    const ctx = await context(groupSlug, "response.transcribe");
    const result = await submitTranscription(ctx, rest);
    revalidatePath(logPath(groupSlug, rest.packNumber));
    revalidatePath(`/groups/${groupSlug}/packs/${rest.packNumber}/responses`);
    return { version: result.version };
  });
}

export async function startPrintRunAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(markMailedSchema.pick({ groupSlug: true, packNumber: true }), input, async ({ groupSlug, packNumber }) => {
    const ctx = await context(groupSlug, "delivery.manage");
    const run = await startPrintRun(ctx, packNumber);
    revalidatePath(logPath(groupSlug, packNumber));
    return { id: run.id };
  });
}

export async function attachScanAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  const file = form.get("file");
  const fields = Object.fromEntries(["groupSlug", "packNumber", "memberId", "promptId"].map((k) => [k, form.get(k)]));
  return runAction(transcriptionTargetSchema, fields, async ({ groupSlug, ...target }) => {
    if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID", file instanceof File ? "mail.scans.errors.empty" : "mail.scans.errors.noFile");
    const ctx = await context(groupSlug, "response.transcribe");
    const responseId = await transcriptionResponseId(ctx, target);
    const scan = await attachScan(ctx, responseId, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    revalidatePath(`/groups/${groupSlug}/packs/${target.packNumber}/transcribe/${target.memberId}/${target.promptId}`);
    return { id: scan.id };
  });
}
