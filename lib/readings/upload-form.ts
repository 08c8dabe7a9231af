// The multipart form of a PDF reading, read by the two upload routes only after the caller is
// known to edit the course (authorization comes before parsing, as in lib/server/routes.ts, so
// a stranger learns nothing about which fields were wrong). The body is read up to
// MAX_READING_MB plus room for the other fields: a larger one is answered 413 with a plain
// message as soon as that is known (its Content-Length, or the byte that crosses the limit),
// without reading the rest.
import "server-only";
import { AppError } from "@/lib/errors";
import { BodyTooLarge, readBody } from "@/lib/http/read-body";
import { maxReadingBytes, PDF_READING_ERRORS } from "@/lib/readings/inspect";
import type { PdfUpload } from "@/lib/readings/store";
import { invalidInput } from "@/lib/server/answers";
import { pdfReadingFormSchema, type ReadingDetails } from "@/lib/validations/pdf-reading";

/** Room for the form's other fields and the multipart boundaries around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export type PdfReadingForm = { details: ReadingDetails; upload: PdfUpload | null };

/** The form's values, or the Response that answers a form with wrong fields. */
export async function readPdfReadingForm(request: Request): Promise<PdfReadingForm | Response> {
  let form: FormData;
  try {
    const bytes = await readBody(request, maxReadingBytes() + FORM_OVERHEAD_BYTES);
    form = await new Response(new Uint8Array(bytes), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new AppError("TOO_LARGE", PDF_READING_ERRORS.tooLarge, { field: "file" });
    throw new AppError("INVALID", "errors.badRequest");
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (!(key in fields)) fields[key] = value;
  const parsed = pdfReadingFormSchema.safeParse(fields);
  if (!parsed.success) return Response.json(invalidInput(parsed.error), { status: 400, headers: { "Cache-Control": "no-store" } });
  const { file, ...details } = parsed.data;
  // An empty file input is sent as a File with no name and no bytes: "no new file".
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { details, upload: null };
  return { details, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
