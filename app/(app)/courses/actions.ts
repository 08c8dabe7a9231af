"use server";
// Starting a course: organizers only (authorizeOrganization), in their own organization.
import { createCourse } from "@/lib/data/courses";
import { createCourseSchema } from "@/lib/validations/course";
import { organizationAction, revalidateCourse } from "./authoring-action";

export async function createCourseAction(input: unknown) {
  return organizationAction(input, createCourseSchema, async (user, values) => {
    const course = await createCourse(user, values);
    revalidateCourse(course.id);
    return course;
  });
}
