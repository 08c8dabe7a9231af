import "server-only";
import { revalidatePath } from "next/cache";

/** Every page of the course editor shows the course's structure, so all of them refresh. */
export function revalidateCourse(courseId: string) {
  revalidatePath("/courses");
  revalidatePath(`/courses/${courseId}`, "layout");
}
