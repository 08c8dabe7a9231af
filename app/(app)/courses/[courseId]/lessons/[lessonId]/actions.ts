"use server";
// The lesson editor: its details, the order of its readings, and its prompts.
import { createPrompt, deletePrompt, deleteReading, movePrompt, moveReading, updateLesson, updatePrompt } from "@/lib/data/courses";
import { releaseStoredBytes } from "@/lib/readings/release";
import { courseAction } from "@/lib/server/actions";
import { lessonRefSchema, lessonSchema, moveSchema, promptRefSchema, promptSchema, readingRefSchema } from "@/lib/validations/course";
import { revalidateCourse } from "../../../revalidate";

export const updateLessonAction = courseAction(lessonRefSchema.extend({ values: lessonSchema }), async (ctx, { values, ...ref }) => {
  const lesson = await updateLesson(ctx, ref, values);
  revalidateCourse(ref.courseId);
  return lesson;
});

export const moveReadingAction = courseAction(readingRefSchema.extend({ direction: moveSchema }), async (ctx, { direction, ...ref }) => {
  const moved = await moveReading(ctx, ref, direction);
  revalidateCourse(ref.courseId);
  return moved;
});

export const deleteReadingAction = courseAction(readingRefSchema, async (ctx, ref) => {
  const { releasedKey } = await deleteReading(ctx, ref);
  // A PDF reading's file row went with it; now its bytes.
  await releaseStoredBytes(releasedKey);
  revalidateCourse(ref.courseId);
  return null;
});

export const createPromptAction = courseAction(lessonRefSchema.extend({ values: promptSchema }), async (ctx, { values, ...ref }) => {
  const prompt = await createPrompt(ctx, ref, values);
  revalidateCourse(ref.courseId);
  return prompt;
});

export const updatePromptAction = courseAction(promptRefSchema.extend({ values: promptSchema }), async (ctx, { values, ...ref }) => {
  const prompt = await updatePrompt(ctx, ref, values);
  revalidateCourse(ref.courseId);
  return prompt;
});

export const movePromptAction = courseAction(promptRefSchema.extend({ direction: moveSchema }), async (ctx, { direction, ...ref }) => {
  const moved = await movePrompt(ctx, ref, direction);
  revalidateCourse(ref.courseId);
  return moved;
});

export const deletePromptAction = courseAction(promptRefSchema, async (ctx, ref) => {
  await deletePrompt(ctx, ref);
  revalidateCourse(ref.courseId);
  return null;
});
