"use server";
// Starting a course: organizers only, in their own organization (`organizationId` in the input).
import { createCourse } from "@/lib/data/courses";
import { organizationAction } from "@/lib/server/actions";
import { createCourseSchema } from "@/lib/validations/course";
import { revalidateCourse } from "./revalidate";

export const createCourseAction = organizationAction(createCourseSchema, async (ctx, values) => {
  const course = await createCourse(ctx, values);
  revalidateCourse(course.id);
  return course;
});
