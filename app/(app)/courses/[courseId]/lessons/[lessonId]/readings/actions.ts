"use server";
// Adding and editing a text reading (its text can be a whole article, pasted). PDF readings
// are uploaded through app/api/courses/[courseId]/lessons/[lessonId]/readings/**/pdf.
import { createReading, updateReading } from "@/lib/data/courses";
import { releaseStoredBytes } from "@/lib/readings/release";
import { courseAction } from "@/lib/server/actions";
import { lessonRefSchema, readingRefSchema, readingSchema } from "@/lib/validations/course";
import { revalidateCourse } from "../../../../revalidate";

export const createReadingAction = courseAction(lessonRefSchema.extend({ values: readingSchema }), async (ctx, { values, ...ref }) => {
  const reading = await createReading(ctx, ref, values);
  revalidateCourse(ref.courseId);
  return reading;
});

export const updateReadingAction = courseAction(readingRefSchema.extend({ values: readingSchema }), async (ctx, { values, ...ref }) => {
  const reading = await updateReading(ctx, ref, values);
  // A PDF reading turned into text: its file's row is gone, now its bytes.
  await releaseStoredBytes(reading.releasedKey);
  revalidateCourse(ref.courseId);
  return { id: reading.id };
});
