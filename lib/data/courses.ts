// Course authoring: courses, their lessons in order, and each lesson's readings and prompts.
//
// Who: organizers of the course's organization and facilitators of any group that runs it
// (lib/authz.ts, authorizeCourse). Every function takes the CourseContext that authorization made
// and checks the ref names that course, then names the
// ids it touches together with that course in the same query (`{ id, lesson: { courseId } }`),
// so ids from another course find nothing and change nothing: NOT_FOUND.
//
// Order: lessons, readings and prompts carry 1-based positions, unique within their list. A
// change of order happens in a transaction that first locks the parent row (by touching its
// `updatedAt`), so two reorders of the same list queue up instead of colliding. PostgreSQL
// checks a unique index row by row, so shifting a run of positions by one would collide with
// itself; shifted rows are parked at negative positions first and brought back after.
import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { organizerOrganizationIds, type CourseContext, type OrganizationContext } from "@/lib/authz";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugFrom } from "@/lib/validations/slug";
import type { CourseInput, CreateCourseInput, LessonInput, MoveDirection, PromptValues, ReadingValues } from "@/lib/validations/course";

type Tx = Prisma.TransactionClient;

// The context (from lib/authz, made by the entry layer) proves the caller may edit its course;
// the ids of a ref must name that same course, or nothing is found.
function inCourse(ctx: CourseContext, courseId: string) {
  if (ctx.course.id !== courseId) throw notFound();
}

function inOrganization(ctx: OrganizationContext, organizationId: string) {
  if (ctx.organization.id !== organizationId) throw notFound();
}

export type LessonRef = { courseId: string; lessonId: string };
export type ReadingRef = LessonRef & { readingId: string };
export type PromptRef = LessonRef & { promptId: string };

// ───────────────────────────── Courses ─────────────────────────────

export type CourseListItem = { id: string; title: string; description: string; organizationName: string; lessonCount: number };

/** Courses the user may edit, with how many lessons each has; one query. */
export async function listCourses(user: CurrentUser): Promise<CourseListItem[]> {
  const courses = await db.course.findMany({
    where: {
      OR: [
        { organization: { organizers: { some: { userId: user.id } } } },
        { groups: { some: { facilitators: { some: { userId: user.id } } } } },
      ],
    },
    select: { id: true, title: true, description: true, organization: { select: { name: true } }, _count: { select: { lessons: true } } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
  return courses.map((c) => ({ id: c.id, title: c.title, description: c.description, organizationName: c.organization.name, lessonCount: c._count.lessons }));
}

/** Organizations in which the user may start a new course (they organize them). */
export async function organizationsForNewCourse(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  const ids = await organizerOrganizationIds(user);
  if (ids.length === 0) return [];
  return db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function createCourse(ctx: OrganizationContext, input: CreateCourseInput): Promise<{ id: string }> {
  inOrganization(ctx, input.organizationId);
  // The slug is only an internal handle (URLs use the id); a race for the same one retries.
  for (let attempt = 0; ; attempt++) {
    const slug = await freeCourseSlug(input.organizationId, input.title, attempt);
    try {
      return await db.course.create({
        data: { organizationId: input.organizationId, slug, title: input.title, description: input.description },
        select: { id: true },
      });
    } catch (error) {
      if (!isPrismaError(error, "P2002") || attempt >= 3) throw error;
    }
  }
}

export function slugify(title: string): string {
  return slugFrom(title) || "course";
}

async function freeCourseSlug(organizationId: string, title: string, attempt: number): Promise<string> {
  const base = slugify(title);
  if (attempt > 0) return `${base}-${Math.random().toString(36).slice(2, 8)}`;
  const taken = new Set(
    (await db.course.findMany({ where: { organizationId, slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const readingSummarySelect = { id: true, position: true, title: true, author: true, source: true, pageRange: true, estimatedMinutes: true, pdfPageCount: true, pdfHasText: true } as const;
const promptSelect = { id: true, position: true, text: true, readingId: true } as const;

export type ReadingSummary = {
  id: string;
  position: number;
  title: string;
  author: string;
  source: string;
  pageRange: string;
  estimatedMinutes: number | null;
  /** Set for an uploaded PDF reading (null for a text one); pdfHasText false for a scan. */
  pdfPageCount: number | null;
  pdfHasText: boolean | null;
};
export type PromptItem = { id: string; position: number; text: string; readingId: string | null };
export type CourseForEditing = {
  id: string;
  title: string;
  description: string;
  locale: "EN" | "ES" | null;
  organizationName: string;
  lessons: { id: string; position: number; title: string; summary: string; packCount: number; readings: ReadingSummary[]; prompts: PromptItem[] }[];
};

/** The course with its lessons in order, their readings (without bodies) and prompts. */
export async function getCourseForEditing(ctx: CourseContext, courseId: string): Promise<CourseForEditing> {
  inCourse(ctx, courseId);
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      description: true,
      locale: true,
      organization: { select: { name: true } },
      lessons: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          title: true,
          summary: true,
          _count: { select: { packLessons: true } },
          readings: { orderBy: { position: "asc" }, select: readingSummarySelect },
          prompts: { orderBy: { position: "asc" }, select: promptSelect },
        },
      },
    },
  });
  if (!course) throw notFound();
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    locale: course.locale,
    organizationName: course.organization.name,
    lessons: course.lessons.map(({ _count, ...lesson }) => ({ ...lesson, packCount: _count.packLessons })),
  };
}

export async function updateCourse(ctx: CourseContext, courseId: string, input: CourseInput): Promise<{ id: string; title: string; description: string }> {
  inCourse(ctx, courseId);
  const locale = input.language === undefined ? {} : { locale: input.language };
  return db.course.update({ where: { id: courseId }, data: { title: input.title, description: input.description, ...locale }, select: { id: true, title: true, description: true } });
}

// ───────────────────────────── Lessons ─────────────────────────────

/** Adds a lesson after the last one. */
export async function createLesson(ctx: CourseContext, courseId: string, input: LessonInput): Promise<{ id: string; position: number }> {
  inCourse(ctx, courseId);
  return db.$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const position = (await lessonsOf(tx, courseId).last()) + 1;
    return tx.lesson.create({ data: { courseId, position, title: input.title, summary: input.summary }, select: { id: true, position: true } });
  });
}

export async function updateLesson(ctx: CourseContext, ref: LessonRef, input: LessonInput): Promise<{ id: string; title: string; summary: string }> {
  inCourse(ctx, ref.courseId);
  return orNotFound(
    db.lesson.update({ where: { id: ref.lessonId, courseId: ref.courseId }, data: { title: input.title, summary: input.summary }, select: { id: true, title: true, summary: true } }),
  );
}

/** Swaps the lesson with its neighbour; at either end nothing changes. Returns its position. */
export async function moveLesson(ctx: CourseContext, ref: LessonRef, direction: MoveDirection): Promise<{ position: number }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockCourse(tx, ref.courseId);
    return move(lessonsOf(tx, ref.courseId), ref.lessonId, direction);
  });
}

/** Deletes a lesson no pack uses (with its readings and prompts) and closes the gap. */
export async function deleteLesson(ctx: CourseContext, ref: LessonRef): Promise<void> {
  inCourse(ctx, ref.courseId);
  await db.$transaction(async (tx) => {
    await lockCourse(tx, ref.courseId);
    const lesson = await tx.lesson.findFirst({
      where: { id: ref.lessonId, courseId: ref.courseId },
      select: { position: true, _count: { select: { packLessons: true } } },
    });
    if (!lesson) throw notFound();
    if (lesson._count.packLessons > 0) throw new AppError("CONFLICT", "authoring.errors.lessonInPack");
    await inUseIsConflict(tx.lesson.delete({ where: { id: ref.lessonId } }), "authoring.errors.lessonInPack");
    await lessonsOf(tx, ref.courseId).closeGap(lesson.position);
  });
}

export type LessonForEditing = {
  id: string;
  position: number;
  title: string;
  summary: string;
  lessonCount: number;
  course: { id: string; title: string };
  readings: ReadingSummary[];
  prompts: PromptItem[];
};

/**
 * A lesson with its readings (without their bodies: a lesson may hold several long articles,
 * and the lesson page lists them; getReadingForEditing loads one body) and its prompts.
 */
export async function getLessonForEditing(ctx: CourseContext, ref: LessonRef): Promise<LessonForEditing> {
  inCourse(ctx, ref.courseId);
  const lesson = await db.lesson.findFirst({
    where: { id: ref.lessonId, courseId: ref.courseId },
    select: {
      id: true,
      position: true,
      title: true,
      summary: true,
      course: { select: { id: true, title: true, _count: { select: { lessons: true } } } },
      readings: { orderBy: { position: "asc" }, select: readingSummarySelect },
      prompts: { orderBy: { position: "asc" }, select: promptSelect },
    },
  });
  if (!lesson) throw notFound();
  const { course, ...rest } = lesson;
  return { ...rest, lessonCount: course._count.lessons, course: { id: course.id, title: course.title } };
}

// ───────────────────────────── Readings ─────────────────────────────

export type ReadingForEditing = ReadingSummary & {
  bodyMarkdown: string;
  /** Sent by post, not as text, to e-message members (docs/decisions/045). */
  emessageByMailOnly: boolean;
  /** The uploaded PDF of a PDF reading; null for a text reading. */
  pdf: { filename: string; byteSize: number; pageCount: number; hasText: boolean } | null;
  updatedAt: Date;
  lesson: { id: string; position: number; title: string };
  course: { id: string; title: string };
};

/** One reading with its Markdown body (or its PDF's details), for the reading editor and its preview. */
export async function getReadingForEditing(ctx: CourseContext, ref: ReadingRef): Promise<ReadingForEditing> {
  inCourse(ctx, ref.courseId);
  const reading = await db.reading.findFirst({
    where: { id: ref.readingId, lessonId: ref.lessonId, lesson: { courseId: ref.courseId } },
    select: {
      ...readingSummarySelect,
      bodyMarkdown: true,
      emessageByMailOnly: true,
      updatedAt: true,
      pdfFile: { select: { filename: true, byteSize: true } },
      lesson: { select: { id: true, position: true, title: true, course: { select: { id: true, title: true } } } },
    },
  });
  if (!reading) throw notFound();
  const { lesson, bodyMarkdown, pdfFile, ...rest } = reading;
  const pdf = pdfFile ? { filename: pdfFile.filename, byteSize: pdfFile.byteSize, pageCount: rest.pdfPageCount ?? 0, hasText: rest.pdfHasText ?? true } : null;
  return { ...rest, bodyMarkdown: bodyMarkdown ?? "", pdf, lesson: { id: lesson.id, position: lesson.position, title: lesson.title }, course: lesson.course };
}

type ReadingDetails = Omit<ReadingValues, "bodyMarkdown">;

const detailsData = (input: ReadingDetails) => ({
  title: input.title,
  author: input.author,
  source: input.source,
  pageRange: input.pageRange,
  estimatedMinutes: input.estimatedMinutes,
});

/** A text reading has no PDF: switching a PDF reading to text lets go of its file. */
const readingData = (input: ReadingValues) => ({ ...detailsData(input), bodyMarkdown: input.bodyMarkdown, emessageByMailOnly: input.emessageByMailOnly ?? false, pdfFileId: null, pdfPageCount: null, pdfHasText: null });

/** Adds a reading after the lesson's last one. */
export async function createReading(ctx: CourseContext, ref: LessonRef, input: ReadingValues): Promise<{ id: string; position: number }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    const position = (await readingsOf(tx, ref).last()) + 1;
    return tx.reading.create({ data: { lessonId: ref.lessonId, position, ...readingData(input) }, select: { id: true, position: true } });
  });
}

/**
 * Saves a text reading. When it was a PDF reading, its StoredFile row goes in the same
 * transaction and the storage key of the bytes to delete is returned (rows first, then bytes:
 * lib/readings/store.ts deletes them once this has committed).
 */
export async function updateReading(ctx: CourseContext, ref: ReadingRef, input: ReadingValues): Promise<{ id: string; updatedAt: Date; releasedKey: string | null }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    const before = await lockReading(tx, ref);
    const reading = await tx.reading.update({ where: { id: before.id }, data: readingData(input), select: { id: true, updatedAt: true } });
    return { ...reading, releasedKey: await releaseFile(tx, before.pdfFile) };
  });
}

/** An uploaded PDF, already checked and in storage (lib/readings/store.ts). */
export type StoredReadingPdf = { storageKey: string; filename: string; byteSize: number; sha256: string; pageCount: number; hasText: boolean };

function pdfFileData(ctx: CourseContext, pdf: StoredReadingPdf) {
  return {
    organizationId: ctx.course.organizationId,
    storageKey: pdf.storageKey,
    filename: pdf.filename,
    contentType: "application/pdf",
    byteSize: pdf.byteSize,
    sha256: pdf.sha256,
    createdById: ctx.user.id,
  };
}

/** Adds a PDF reading after the lesson's last one: its StoredFile and Reading rows together. */
export async function createPdfReading(ctx: CourseContext, ref: LessonRef, details: ReadingDetails, pdf: StoredReadingPdf): Promise<{ id: string; position: number }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    const position = (await readingsOf(tx, ref).last()) + 1;
    const file = await tx.storedFile.create({ data: pdfFileData(ctx, pdf), select: { id: true } });
    return tx.reading.create({
      data: { lessonId: ref.lessonId, position, ...detailsData(details), bodyMarkdown: null, pdfFileId: file.id, pdfPageCount: pdf.pageCount, pdfHasText: pdf.hasText },
      select: { id: true, position: true },
    });
  });
}

/**
 * Saves a PDF reading's details and, with `pdf`, points it at a new file (a text reading becomes
 * a PDF reading). The file it pointed at before loses its row here; its storage key is returned
 * for the caller to delete once this has committed. A text reading needs a file to become one:
 * without one nothing is written and `missingFile` says why.
 */
export async function updatePdfReading(
  ctx: CourseContext,
  ref: ReadingRef,
  details: ReadingDetails,
  pdf: StoredReadingPdf | null,
): Promise<{ id: string; releasedKey: string | null; missingFile: boolean }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    const before = await lockReading(tx, ref);
    if (!pdf) {
      // A text reading cannot become a PDF one without a file: nothing is written, the caller says so.
      if (!before.pdfFile) return { id: before.id, releasedKey: null, missingFile: true };
      await tx.reading.update({ where: { id: before.id }, data: detailsData(details), select: { id: true } });
      return { id: before.id, releasedKey: null, missingFile: false };
    }
    const file = await tx.storedFile.create({ data: pdfFileData(ctx, pdf), select: { id: true } });
    await tx.reading.update({
      where: { id: before.id },
      data: { ...detailsData(details), bodyMarkdown: null, pdfFileId: file.id, pdfPageCount: pdf.pageCount, pdfHasText: pdf.hasText },
      select: { id: true },
    });
    return { id: before.id, releasedKey: await releaseFile(tx, before.pdfFile), missingFile: false };
  });
}

/** The reading, locked for the rest of the transaction; NOT_FOUND unless it is in the ref's lesson and course. */
async function lockReading(tx: Tx, ref: ReadingRef): Promise<{ id: string; pdfFile: { id: string; storageKey: string } | null }> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "Reading" r JOIN "Lesson" l ON l."id" = r."lessonId"
    WHERE r."id" = ${ref.readingId} AND r."lessonId" = ${ref.lessonId} AND l."courseId" = ${ref.courseId}
    FOR UPDATE OF r`;
  if (locked.length === 0) throw notFound();
  return tx.reading.findUniqueOrThrow({ where: { id: ref.readingId }, select: { id: true, pdfFile: { select: { id: true, storageKey: true } } } });
}

/** Deletes the row of a reading's former PDF (nothing else points at it); its key, for the bytes. */
async function releaseFile(tx: Tx, file: { id: string; storageKey: string } | null): Promise<string | null> {
  if (!file) return null;
  const still = await tx.reading.count({ where: { pdfFileId: file.id } });
  if (still > 0) return null;
  await tx.storedFile.delete({ where: { id: file.id } });
  return file.storageKey;
}

export async function moveReading(ctx: CourseContext, ref: ReadingRef, direction: MoveDirection): Promise<{ position: number }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    return move(readingsOf(tx, ref), ref.readingId, direction);
  });
}

/**
 * Deletes a reading; prompts tied to it stay in the lesson, no longer tied. A PDF reading's file
 * row goes too; the key of its bytes is returned for the caller to delete after the commit.
 */
export async function deleteReading(ctx: CourseContext, ref: ReadingRef): Promise<{ releasedKey: string | null }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    const readings = readingsOf(tx, ref);
    const reading = await readings.find(ref.readingId);
    if (!reading) throw notFound();
    const { pdfFile } = await tx.reading.findUniqueOrThrow({ where: { id: reading.id }, select: { pdfFile: { select: { id: true, storageKey: true } } } });
    await tx.reading.delete({ where: { id: reading.id } });
    await readings.closeGap(reading.position);
    return { releasedKey: await releaseFile(tx, pdfFile) };
  });
}

// ───────────────────────────── Prompts ─────────────────────────────

/** A prompt may be tied only to a reading of its own lesson. */
async function checkReadingOfLesson(tx: Tx, ref: LessonRef, readingId: string | null): Promise<void> {
  if (!readingId) return;
  const reading = await tx.reading.findFirst({ where: { id: readingId, lessonId: ref.lessonId, lesson: { courseId: ref.courseId } }, select: { id: true } });
  if (!reading) throw new AppError("INVALID", "authoring.errors.readingNotInLesson");
}

/** Adds a prompt after the lesson's last one. */
export async function createPrompt(ctx: CourseContext, ref: LessonRef, input: PromptValues): Promise<{ id: string; position: number }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    await checkReadingOfLesson(tx, ref, input.readingId);
    const position = (await promptsOf(tx, ref).last()) + 1;
    return tx.prompt.create({ data: { lessonId: ref.lessonId, position, text: input.text, readingId: input.readingId }, select: { id: true, position: true } });
  });
}

export async function updatePrompt(ctx: CourseContext, ref: PromptRef, input: PromptValues): Promise<PromptItem> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    await checkReadingOfLesson(tx, ref, input.readingId);
    return orNotFound(
      tx.prompt.update({
        where: { id: ref.promptId, lessonId: ref.lessonId, lesson: { courseId: ref.courseId } },
        data: { text: input.text, readingId: input.readingId },
        select: promptSelect,
      }),
    );
  });
}

export async function movePrompt(ctx: CourseContext, ref: PromptRef, direction: MoveDirection): Promise<{ position: number }> {
  inCourse(ctx, ref.courseId);
  return db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    return move(promptsOf(tx, ref), ref.promptId, direction);
  });
}

/** Deletes a prompt nobody has answered yet (answers are kept: Response → Prompt is Restrict). */
export async function deletePrompt(ctx: CourseContext, ref: PromptRef): Promise<void> {
  inCourse(ctx, ref.courseId);
  await db.$transaction(async (tx) => {
    await lockLesson(tx, ref);
    const prompt = await tx.prompt.findFirst({
      where: { id: ref.promptId, lessonId: ref.lessonId, lesson: { courseId: ref.courseId } },
      select: { id: true, position: true, _count: { select: { responses: true } } },
    });
    if (!prompt) throw notFound();
    if (prompt._count.responses > 0) throw new AppError("CONFLICT", "authoring.errors.promptAnswered");
    await inUseIsConflict(tx.prompt.delete({ where: { id: prompt.id } }), "authoring.errors.promptAnswered");
    await promptsOf(tx, ref).closeGap(prompt.position);
  });
}

// ───────────────────────────── Ordering ─────────────────────────────

/** Locks the course row for the rest of the transaction (and marks the course changed). */
async function lockCourse(tx: Tx, courseId: string): Promise<void> {
  const { count } = await tx.course.updateMany({ where: { id: courseId }, data: { updatedAt: new Date() } });
  if (count !== 1) throw notFound();
}

/** Locks the lesson row, which must belong to the course; NOT_FOUND otherwise. */
async function lockLesson(tx: Tx, ref: LessonRef): Promise<void> {
  const { count } = await tx.lesson.updateMany({ where: { id: ref.lessonId, courseId: ref.courseId }, data: { updatedAt: new Date() } });
  if (count !== 1) throw notFound();
}

type Slot = { id: string; position: number };

/** One ordered list (a course's lessons, a lesson's readings or prompts) inside a transaction. */
type OrderedList = {
  /** The item, only when it is in this list. */
  find(id: string): Promise<Slot | null>;
  /** The nearest item before (`up`) or after (`down`) a position. */
  neighbour(position: number, direction: MoveDirection): Promise<Slot | null>;
  last(): Promise<number>;
  setPosition(id: string, position: number): Promise<void>;
  /** Moves every item after `position` to a negative position keeping their order. */
  park(after: number, shift: number): Promise<void>;
  /** Brings parked items back, `shift` higher than where they were parked from. */
  unpark(shift: number): Promise<void>;
};

/** Far enough below zero that parked positions never meet real ones. */
const PARKING = 1_000_000;

async function move(list: OrderedList, id: string, direction: MoveDirection): Promise<{ position: number }> {
  const item = await list.find(id);
  if (!item) throw notFound();
  const other = await list.neighbour(item.position, direction);
  if (!other) return { position: item.position };
  await list.setPosition(item.id, -1);
  await list.setPosition(other.id, item.position);
  await list.setPosition(item.id, other.position);
  return { position: other.position };
}

/** After deleting the item at `position`, moves everything after it up by one. */
async function closeGap(list: OrderedList, position: number): Promise<void> {
  await list.park(position, PARKING + 1);
  await list.unpark(PARKING);
}

/**
 * The same operations over `tx.lesson`, `tx.reading` or `tx.prompt`. Prisma's delegates share no
 * type, so the arguments here are typed loosely (`object`); the tests above exercise every one
 * of them on all three lists (lib/data/courses.test.ts).
 */
function orderedList(
  where: { courseId: string } | { lessonId: string; lesson: { courseId: string } },
  delegate: {
    findFirst(args: object): Promise<Slot | null>;
    update(args: { where: { id: string }; data: { position: number }; select: { id: true } }): Promise<unknown>;
    updateMany(args: object): Promise<{ count: number }>;
  },
): OrderedList & { closeGap(position: number): Promise<void> } {
  const select = { id: true, position: true } as const;
  const list: OrderedList = {
    find: (id) => delegate.findFirst({ where: { ...where, id }, select }),
    neighbour: (position, direction) =>
      delegate.findFirst({
        where: { ...where, position: direction === "up" ? { lt: position } : { gt: position } },
        orderBy: { position: direction === "up" ? "desc" : "asc" },
        select,
      }),
    last: async () => (await delegate.findFirst({ where, orderBy: { position: "desc" }, select }))?.position ?? 0,
    setPosition: async (id, position) => {
      await delegate.update({ where: { id }, data: { position }, select: { id: true } });
    },
    park: async (after, shift) => {
      await delegate.updateMany({ where: { ...where, position: { gt: after } }, data: { position: { decrement: shift } } });
    },
    unpark: async (shift) => {
      await delegate.updateMany({ where: { ...where, position: { lt: 0 } }, data: { position: { increment: shift } } });
    },
  };
  return { ...list, closeGap: (position) => closeGap(list, position) };
}

const lessonsOf = (tx: Tx, courseId: string) => orderedList({ courseId }, tx.lesson);
// A lesson's lists name the course too, so every statement re-checks where the lesson belongs.
const readingsOf = (tx: Tx, ref: LessonRef) => orderedList({ lessonId: ref.lessonId, lesson: { courseId: ref.courseId } }, tx.reading);
const promptsOf = (tx: Tx, ref: LessonRef) => orderedList({ lessonId: ref.lessonId, lesson: { courseId: ref.courseId } }, tx.prompt);

// ───────────────────────────── Errors ─────────────────────────────

function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

/** An update whose `where` (id plus its course) matched nothing is a record that is not yours. */
async function orNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (isPrismaError(error, "P2025")) throw notFound();
    throw error;
  }
}

/** A delete refused by a foreign key (a pack or a response arrived meanwhile) is a conflict. */
async function inUseIsConflict<T>(query: Promise<T>, message: string): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (isPrismaError(error, "P2003")) throw new AppError("CONFLICT", message);
    throw error;
  }
}
