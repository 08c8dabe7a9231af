// Saving a PDF reading: its details, and a new PDF when one is sent (replacing the old one, or
// turning a text reading into a PDF reading). Multipart, for the same reason as adding one
// (../../pdf/route.ts); the course is authorized before the body is read.
import { revalidateCourse } from "@/app/(app)/courses/revalidate";
import { authorizeCourse } from "@/lib/authz";
import { readPdfReadingForm } from "@/lib/readings/upload-form";
import { savePdfReading } from "@/lib/readings/store";
import { userRoute } from "@/lib/server/routes";
import { pdfReadingEditParamsSchema } from "@/lib/validations/pdf-reading";

export const dynamic = "force-dynamic";

export const POST = userRoute({ params: pdfReadingEditParamsSchema, answer: "json" }, async (user, { request, params: ref }) => {
  const ctx = await authorizeCourse(user, ref.courseId);
  const form = await readPdfReadingForm(request);
  if (form instanceof Response) return form;
  const reading = await savePdfReading(ctx, ref, form.details, form.upload);
  revalidateCourse(ref.courseId);
  return Response.json({ ok: true, data: reading }, { headers: { "Cache-Control": "no-store" } });
});
