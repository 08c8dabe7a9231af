// Adding a PDF reading to a lesson: a multipart upload from the reading form. A route handler
// rather than a server action so that a file over MAX_READING_MB is refused with a 413 and a
// plain message as soon as its size is known, without reading it whole (as scans are, decision
// 017). Courses have no route wrapper of their own: the caller is signed in at the door, and
// lib/authz decides whether they edit this course before the body is read.
import { revalidateCourse } from "@/app/(app)/courses/revalidate";
import { authorizeCourse } from "@/lib/authz";
import { readPdfReadingForm } from "@/lib/readings/upload-form";
import { addPdfReading } from "@/lib/readings/store";
import { userRoute } from "@/lib/server/routes";
import { pdfReadingParamsSchema } from "@/lib/validations/pdf-reading";

export const dynamic = "force-dynamic";

export const POST = userRoute({ params: pdfReadingParamsSchema, answer: "json" }, async (user, { request, params: ref }) => {
  const ctx = await authorizeCourse(user, ref.courseId);
  const form = await readPdfReadingForm(request);
  if (form instanceof Response) return form;
  const reading = await addPdfReading(ctx, ref, form.details, form.upload);
  revalidateCourse(ref.courseId);
  return Response.json({ ok: true, data: reading }, { headers: { "Cache-Control": "no-store" } });
});
