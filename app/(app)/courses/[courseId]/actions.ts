"use server";
// The course editor: its details and the order of its lessons.
import { createLesson, deleteLesson, moveLesson, updateCourse } from "@/lib/data/courses";
import { courseRefSchema, courseSchema, lessonRefSchema, lessonSchema, moveSchema } from "@/lib/validations/course";
import { courseAction, revalidateCourse } from "../authoring-action";

const updateCourseInput = courseRefSchema.extend({ values: courseSchema });
const createLessonInput = courseRefSchema.extend({ values: lessonSchema });
const moveLessonInput = lessonRefSchema.extend({ direction: moveSchema });

export async function updateCourseAction(input: unknown) {
  return courseAction(input, updateCourseInput, async (user, { courseId, values }) => {
    const course = await updateCourse(user, courseId, values);
    revalidateCourse(courseId);
    return course;
  });
}

export async function createLessonAction(input: unknown) {
  return courseAction(input, createLessonInput, async (user, { courseId, values }) => {
    const lesson = await createLesson(user, courseId, values);
    revalidateCourse(courseId);
    return lesson;
  });
}

export async function moveLessonAction(input: unknown) {
  return courseAction(input, moveLessonInput, async (user, { courseId, lessonId, direction }) => {
    const moved = await moveLesson(user, { courseId, lessonId }, direction);
    revalidateCourse(courseId);
    return moved;
  });
}

export async function deleteLessonAction(input: unknown) {
  return courseAction(input, lessonRefSchema, async (user, ref) => {
    await deleteLesson(user, ref);
    revalidateCourse(ref.courseId);
    return null;
  });
}
