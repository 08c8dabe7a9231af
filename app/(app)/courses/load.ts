// What the course editor's pages load, once per request (the page and its metadata share it).
// Signing in comes back to the page asked for; a course, lesson or reading the caller may not
// edit, or that is not where the URL says, is the 404 page.
import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth/session";
import { coursePage } from "@/lib/authz";
import { getCourseForEditing, getLessonForEditing, getReadingForEditing, type LessonRef, type ReadingRef } from "@/lib/data/courses";
import { AppError } from "@/lib/errors";

async function orNotFoundPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

const lessonPath = (ref: LessonRef) => `/courses/${encodeURIComponent(ref.courseId)}/lessons/${encodeURIComponent(ref.lessonId)}`;

export const loadCourse = cache(async (courseId: string) => {
  return orNotFoundPage(getCourseForEditing(await coursePage(courseId), courseId));
});

export const loadLesson = cache(async (courseId: string, lessonId: string) => {
  const ref = { courseId, lessonId };
  await requireUser(lessonPath(ref));
  return orNotFoundPage(getLessonForEditing(await coursePage(courseId), ref));
});

export const loadReading = cache(async (courseId: string, lessonId: string, readingId: string, returnTo: string) => {
  const ref: ReadingRef = { courseId, lessonId, readingId };
  await requireUser(returnTo);
  return orNotFoundPage(getReadingForEditing(await coursePage(courseId), ref));
});

export { lessonPath };
