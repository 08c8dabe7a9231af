// A group whose course has a lesson with a reading and two prompts, a facilitator, a member,
// and a pack (draft unless published: true).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import { makeFacilitator, makeGroup, makeMember } from "@/tests/factories";

export async function makeLessonWithPrompts(courseId: string, prompts = 2) {
  const last = await db.lesson.findFirst({ where: { courseId }, orderBy: { position: "desc" }, select: { position: true } });
  return db.lesson.create({
    data: {
      courseId,
      position: (last?.position ?? 0) + 1,
      title: `Lesson ${randomUUID().slice(0, 6)}`,
      readings: { create: { position: 1, title: "A reading", bodyMarkdown: "Some *text*." } },
      prompts: { create: Array.from({ length: prompts }, (_, i) => ({ position: i + 1, text: `Question ${i + 1}?` })) },
    },
    select: { id: true, prompts: { select: { id: true }, orderBy: { position: "asc" } } },
  });
}

export async function makePackScenario(options: { published?: boolean } = {}) {
  const group = await makeGroup();
  const lesson = await makeLessonWithPrompts(group.courseId);
  const facilitatorUser = await makeFacilitator(group.id);
  const { user: memberUser, member } = await makeMember(group);
  const pack = await db.pack.create({
    data: {
      groupId: group.id,
      number: 1,
      status: options.published ? "PUBLISHED" : "DRAFT",
      publishedAt: options.published ? new Date() : null,
      lessons: { create: { lessonId: lesson.id, position: 1 } },
    },
    select: { id: true, number: true },
  });
  const ctx = async (user: NonNullable<typeof memberUser>): Promise<GroupContext> => {
    const context = await loadGroupContext(user, group.slug);
    if (!context) throw new Error("no access in scenario");
    return context;
  };
  return {
    group,
    lesson,
    pack,
    member,
    prompts: lesson.prompts.map((p) => p.id),
    facilitator: await ctx(facilitatorUser),
    memberCtx: await ctx(memberUser!),
  };
}
