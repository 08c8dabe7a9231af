// Who may open a PDF reading, and its bytes for the route that serves it
// (app/api/readings/[readingId]/pdf/route.ts):
//
// - whoever may edit the reading's course (lib/authz authorizeCourse: organizers of its
//   organization, facilitators of a group that runs it), drafts and all;
// - someone who may see a PUBLISHED pack that holds the reading's lesson, in that pack's group
//   (lib/authz loadGroupContext and "pack.viewPublished": an active member, staff of the group).
//
// Anyone else, and a reading that is not a PDF, gets NOT_FOUND, the same as a reading that
// does not exist. The group's roles come from lib/authz, so a member who leaves or is withdrawn
// loses access at once. Readings are course material rather than personal data, so opening one
// is not written to the audit log.
import "server-only";
import type { Readable } from "node:stream";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeCourse, loadGroupContext } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canInGroup } from "@/lib/permissions";
import { storage } from "@/lib/storage";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

export type ReadingPdf = { stream: Readable; filename: string; byteSize: number; sha256: string };

async function editsCourse(user: CurrentUser, courseId: string): Promise<boolean> {
  try {
    await authorizeCourse(user, courseId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return false;
    throw error;
  }
}

/** Whether the user may read this reading: see the module comment. */
export async function mayReadPdf(user: CurrentUser, reading: { lessonId: string; courseId: string }): Promise<boolean> {
  if (await editsCourse(user, reading.courseId)) return true;
  // Only groups where the user holds some role and a published pack holds the lesson: a handful.
  const groups = await db.group.findMany({
    where: {
      packs: { some: { status: "PUBLISHED", lessons: { some: { lessonId: reading.lessonId } } } },
      OR: [
        { members: { some: { person: { userId: user.id } } } },
        { facilitators: { some: { userId: user.id } } },
        { organization: { organizers: { some: { userId: user.id } } } },
      ],
    },
    select: { slug: true },
    take: 20,
  });
  for (const { slug } of groups) {
    const ctx = await loadGroupContext(user, slug);
    if (ctx && canInGroup(ctx.roles, "pack.viewPublished")) return true;
  }
  return false;
}

/** The PDF of a reading the user may read; NOT_FOUND otherwise. */
export async function openReadingPdf(user: CurrentUser, readingId: string): Promise<ReadingPdf> {
  const reading = await db.reading.findUnique({
    where: { id: readingId },
    select: { lessonId: true, lesson: { select: { courseId: true } }, pdfFile: { select: { storageKey: true, filename: true, byteSize: true, sha256: true } } },
  });
  if (!reading?.pdfFile) throw notFound();
  if (!(await mayReadPdf(user, { lessonId: reading.lessonId, courseId: reading.lesson.courseId }))) throw notFound();
  const { storageKey, filename, byteSize, sha256 } = reading.pdfFile;
  return { stream: await storage().get(storageKey), filename, byteSize, sha256 };
}
