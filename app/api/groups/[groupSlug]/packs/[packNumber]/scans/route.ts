// Attaching a scan of a letter to a transcription: a multipart upload from the transcription
// desk. Without a promptId the scan is the whole letter's and is attached to every answer of it
// (docs/decisions/032); with one, to that answer only. A route handler rather than a server action so that a file over MAX_UPLOAD_MB is refused
// with a 413 and a plain message as soon as its size is known, without reading it whole.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attachScan, maxUploadBytes, SCAN_ERRORS } from "@/lib/data/scans";
import { letterResponseIds, transcriptionResponseId } from "@/lib/data/transcriptions";
import { AppError } from "@/lib/errors";
import { groupRoute } from "@/lib/server/routes";
import { transcriptionTargetSchema } from "@/lib/validations/response";

export const dynamic = "force-dynamic";

/** Room for the form's other fields and the multipart boundaries around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export const POST = groupRoute(
  "response.transcribe",
  {
    params: z.object({ packNumber: transcriptionTargetSchema.shape.packNumber }),
    body: transcriptionTargetSchema.pick({ memberId: true }).extend({ promptId: transcriptionTargetSchema.shape.promptId.optional(), file: z.unknown() }),
    form: true,
    maxBodyBytes: () => maxUploadBytes() + FORM_OVERHEAD_BYTES,
    tooLargeMessage: SCAN_ERRORS.tooLarge,
    answer: "json",
  },
  async (ctx, { params: { packNumber }, body: { memberId, promptId, file } }) => {
    if (!(file instanceof File)) throw new AppError("INVALID", SCAN_ERRORS.noFile, { field: "file" });
    if (file.size === 0) throw new AppError("INVALID", SCAN_ERRORS.empty, { field: "file" });
    const responseIds = promptId ? [await transcriptionResponseId(ctx, { packNumber, memberId, promptId })] : await letterResponseIds(ctx, { packNumber, memberId });
    const scan = await attachScan(ctx, responseIds, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    revalidatePath(`/groups/${ctx.group.slug}/packs/${packNumber}/transcribe/${memberId}`);
    return Response.json({ ok: true, data: { id: scan.id } }, { headers: { "Cache-Control": "no-store" } });
  },
);
