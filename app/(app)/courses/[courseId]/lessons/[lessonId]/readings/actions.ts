"use server";
// Adding and editing a reading (its text can be a whole article, pasted).
import { createReading, updateReading } from "@/lib/data/courses";
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
  revalidateCourse(ref.courseId);
  return { id: reading.id };
});
