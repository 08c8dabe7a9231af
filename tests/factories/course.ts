// Course factories: a course with lessons, readings and prompts, each appended at the end of its
// list (positions 1, 2, 3 …), so tests can build any curriculum in a few calls.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { makeOrganization } from "@/tests/factories";

const unique = () => randomUUID().slice(0, 8);

export async function makeCourse(organizationId?: string) {
  const orgId = organizationId ?? (await makeOrganization()).id;
  const id = unique();
  return db.course.create({ data: { organizationId: orgId, slug: `course-${id}`, title: `Course ${id}` }, select: { id: true, organizationId: true } });
}

async function nextPosition(count: Promise<number>) {
  return (await count) + 1;
}

export async function makeLesson(courseId: string, overrides: { title?: string } = {}) {
  const position = await nextPosition(db.lesson.count({ where: { courseId } }));
  return db.lesson.create({
    data: { courseId, position, title: overrides.title ?? `Lesson ${unique()}` },
    select: { id: true, courseId: true, position: true },
  });
}

export async function makeReading(lessonId: string, overrides: { title?: string; bodyMarkdown?: string } = {}) {
  const position = await nextPosition(db.reading.count({ where: { lessonId } }));
  return db.reading.create({
    data: { lessonId, position, title: overrides.title ?? `Reading ${unique()}`, bodyMarkdown: overrides.bodyMarkdown ?? "# A heading\n\nSome text." },
    select: { id: true, lessonId: true, position: true },
  });
}

export async function makePrompt(lessonId: string, overrides: { text?: string; readingId?: string | null } = {}) {
  const position = await nextPosition(db.prompt.count({ where: { lessonId } }));
  return db.prompt.create({
    data: { lessonId, position, text: overrides.text ?? `What do you make of ${unique()}?`, readingId: overrides.readingId ?? null },
    select: { id: true, lessonId: true, position: true },
  });
}

/** A lesson with `readings` readings and `prompts` prompts. */
export async function makeFullLesson(courseId: string, counts: { readings?: number; prompts?: number } = {}) {
  const lesson = await makeLesson(courseId);
  const readings = [];
  for (let i = 0; i < (counts.readings ?? 2); i++) readings.push(await makeReading(lesson.id));
  const prompts = [];
  for (let i = 0; i < (counts.prompts ?? 2); i++) prompts.push(await makePrompt(lesson.id));
  return { lesson, readings, prompts };
}

/** A pack of the group that uses the lesson, which makes the lesson undeletable. */
export async function putLessonInPack(groupId: string, lessonId: string) {
  const number = (await db.pack.count({ where: { groupId } })) + 1;
  const pack = await db.pack.create({ data: { groupId, number }, select: { id: true } });
  await db.packLesson.create({ data: { packId: pack.id, lessonId, position: 1 } });
  return pack;
}
