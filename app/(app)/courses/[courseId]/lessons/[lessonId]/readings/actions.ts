"use server";
// Adding and editing a reading (its text can be a whole article, pasted).
import { createReading, updateReading } from "@/lib/data/courses";
import { lessonRefSchema, readingRefSchema, readingSchema } from "@/lib/validations/course";
import { courseAction, revalidateCourse } from "../../../../authoring-action";

const createReadingInput = lessonRefSchema.extend({ values: readingSchema });
const updateReadingInput = readingRefSchema.extend({ values: readingSchema });

export async function createReadingAction(input: unknown) {
  return courseAction(input, createReadingInput, async (user, { values, ...ref }) => {
    const reading = await createReading(user, ref, values);
    revalidateCourse(ref.courseId);
    return reading;
  });
}

export async function updateReadingAction(input: unknown) {
  return courseAction(input, updateReadingInput, async (user, { values, ...ref }) => {
    const reading = await updateReading(user, ref, values);
    revalidateCourse(ref.courseId);
    return { id: reading.id };
  });
}
