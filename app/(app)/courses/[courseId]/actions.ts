"use server";
// The course editor: its details and the order of its lessons. `courseId` in the input is the
// course the entry layer authorizes (lib/server/actions.ts, courseAction).
import { createLesson, deleteLesson, moveLesson, updateCourse } from "@/lib/data/courses";
import { courseAction } from "@/lib/server/actions";
import { courseRefSchema, courseSchema, lessonRefSchema, lessonSchema, moveSchema } from "@/lib/validations/course";
import { revalidateCourse } from "../revalidate";

export const updateCourseAction = courseAction(courseRefSchema.extend({ values: courseSchema }), async (ctx, { courseId, values }) => {
  const course = await updateCourse(ctx, courseId, values);
  revalidateCourse(courseId);
  return course;
});

export const createLessonAction = courseAction(courseRefSchema.extend({ values: lessonSchema }), async (ctx, { courseId, values }) => {
  const lesson = await createLesson(ctx, courseId, values);
  revalidateCourse(courseId);
  return lesson;
});

export const moveLessonAction = courseAction(lessonRefSchema.extend({ direction: moveSchema }), async (ctx, { direction, ...ref }) => {
  const moved = await moveLesson(ctx, ref, direction);
  revalidateCourse(ref.courseId);
  return moved;
});

export const deleteLessonAction = courseAction(lessonRefSchema, async (ctx, ref) => {
  await deleteLesson(ctx, ref);
  revalidateCourse(ref.courseId);
  return null;
});
