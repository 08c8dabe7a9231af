// Attaching a scan of a letter to a transcription: a multipart upload from the transcription
// page. A route handler rather than a server action so that a file over MAX_UPLOAD_MB is refused
// with a 413 and a plain message as soon as its size is known, without reading it whole.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attachScan, maxUploadBytes, SCAN_ERRORS } from "@/lib/data/scans";
import { transcriptionResponseId } from "@/lib/data/transcriptions";
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
    body: transcriptionTargetSchema.pick({ memberId: true, promptId: true }).extend({ file: z.unknown() }),
    form: true,
    maxBodyBytes: () => maxUploadBytes() + FORM_OVERHEAD_BYTES,
    tooLargeMessage: SCAN_ERRORS.tooLarge,
    answer: "json",
  },
  async (ctx, { params: { packNumber }, body: { memberId, promptId, file } }) => {
    if (!(file instanceof File)) throw new AppError("INVALID", SCAN_ERRORS.noFile, { field: "file" });
    if (file.size === 0) throw new AppError("INVALID", SCAN_ERRORS.empty, { field: "file" });
    const target = { packNumber, memberId, promptId };
    const responseId = await transcriptionResponseId(ctx, target);
    const scan = await attachScan(ctx, responseId, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    revalidatePath(`/groups/${ctx.group.slug}/packs/${packNumber}/transcribe/${memberId}/${promptId}`);
    return Response.json({ ok: true, data: { id: scan.id } }, { headers: { "Cache-Control": "no-store" } });
  },
);
