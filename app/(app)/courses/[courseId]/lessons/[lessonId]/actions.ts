"use server";
// The lesson editor: its details, the order of its readings, and its prompts.
import { createPrompt, deletePrompt, deleteReading, movePrompt, moveReading, updateLesson, updatePrompt } from "@/lib/data/courses";
import { lessonRefSchema, lessonSchema, moveSchema, promptRefSchema, promptSchema, readingRefSchema } from "@/lib/validations/course";
import { courseAction, revalidateCourse } from "../../../authoring-action";

const updateLessonInput = lessonRefSchema.extend({ values: lessonSchema });
const moveReadingInput = readingRefSchema.extend({ direction: moveSchema });
const createPromptInput = lessonRefSchema.extend({ values: promptSchema });
const updatePromptInput = promptRefSchema.extend({ values: promptSchema });
const movePromptInput = promptRefSchema.extend({ direction: moveSchema });

export async function updateLessonAction(input: unknown) {
  return courseAction(input, updateLessonInput, async (user, { values, ...ref }) => {
    const lesson = await updateLesson(user, ref, values);
    revalidateCourse(ref.courseId);
    return lesson;
  });
}

export async function moveReadingAction(input: unknown) {
  return courseAction(input, moveReadingInput, async (user, { direction, ...ref }) => {
    const moved = await moveReading(user, ref, direction);
    revalidateCourse(ref.courseId);
    return moved;
  });
}

export async function deleteReadingAction(input: unknown) {
  return courseAction(input, readingRefSchema, async (user, ref) => {
    await deleteReading(user, ref);
    revalidateCourse(ref.courseId);
    return null;
  });
}

export async function createPromptAction(input: unknown) {
  return courseAction(input, createPromptInput, async (user, { values, ...ref }) => {
    const prompt = await createPrompt(user, ref, values);
    revalidateCourse(ref.courseId);
    return prompt;
  });
}

export async function updatePromptAction(input: unknown) {
  return courseAction(input, updatePromptInput, async (user, { values, ...ref }) => {
    const prompt = await updatePrompt(user, ref, values);
    revalidateCourse(ref.courseId);
    return prompt;
  });
}

export async function movePromptAction(input: unknown) {
  return courseAction(input, movePromptInput, async (user, { direction, ...ref }) => {
    const moved = await movePrompt(user, ref, direction);
    revalidateCourse(ref.courseId);
    return moved;
  });
}

export async function deletePromptAction(input: unknown) {
  return courseAction(input, promptRefSchema, async (user, ref) => {
    await deletePrompt(user, ref);
    revalidateCourse(ref.courseId);
    return null;
  });
}
