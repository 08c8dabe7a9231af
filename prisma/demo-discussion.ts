// Demo data for the discussion (issue 7), called from seed.ts inside its transaction once the
// intro group's first pack has answers: Maya's and Northwind's (Darnell's, by mail) answers are
// shared under their pen names; Maya has replied to Northwind, so the reply is printed in his
// next pack under "Replies to your response"; the intro group's next pack (pack 3, after the
// progress demo's pack 2; demo-progress.ts) is a draft that features both answers (Maya's as a shortened excerpt) under "From the group"; Maya has a
// notification of the feedback on her answer and one of pack 1.
import type { Prisma } from "../lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

export const DEMO_REPLY =
  "Northwind, the line about the \"what we will\" part getting eaten stayed with me all week. I think a lot of us feel that. Thank you for writing it so plainly.";

export async function seedDemoDiscussion(tx: Tx, groupId: string, facilitatorId: string): Promise<void> {
  const group = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: { slug: true, name: true, courseId: true } });
  const pack1 = await tx.pack.findUniqueOrThrow({ where: { groupId_number: { groupId, number: 1 } }, select: { id: true } });
  const member = (penName: string) => tx.member.findUniqueOrThrow({ where: { groupId_penName: { groupId, penName } }, select: { id: true, person: { select: { userId: true } } } });
  const [maya, northwind] = await Promise.all([member("Maya M."), member("Northwind")]);
  const answer = (memberId: string) => tx.response.findFirstOrThrow({ where: { packId: pack1.id, memberId, status: "SUBMITTED" }, orderBy: { submittedAt: "asc" }, select: { id: true, body: true, prompt: { select: { text: true } } } });
  const [mayaAnswer, northwindAnswer] = await Promise.all([answer(maya.id), answer(northwind.id)]);

  // Both chose to share with the group (seed.ts records their consent); make Maya's choice explicit.
  await tx.response.update({ where: { id: mayaAnswer.id }, data: { shared: true } });
  await tx.reply.create({ data: { responseId: northwindAnswer.id, memberId: maya.id, body: DEMO_REPLY, createdAt: daysAgo(1) } });

  // The next pack of the group, on the next lesson of the course (or the last one).
  const last = await tx.pack.findFirstOrThrow({ where: { groupId }, orderBy: { number: "desc" }, select: { number: true } });
  const lessons = await tx.lesson.findMany({ where: { courseId: group.courseId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
  const lesson = lessons[Math.min(last.number, lessons.length - 1)]!;
  const nextPack = await tx.pack.create({
    data: {
      groupId,
      number: last.number + 1,
      title: lesson.title,
      letterMarkdown: "Dear all,\n\nThank you for your letters and posts. Two of them are printed below under **From the group**, with the writers' permission.\n\nFrank",
      createdById: facilitatorId,
      lessons: { create: { lessonId: lesson.id, position: 1 } },
    },
    select: { id: true },
  });
  const firstParagraph = mayaAnswer.body.split(/\n\s*\n/)[0] ?? mayaAnswer.body;
  await tx.featuredResponse.createMany({
    data: [
      { packId: nextPack.id, responseId: mayaAnswer.id, excerpt: `${firstParagraph} […]`, note: "Shortened. Compare the reading's overseer with the only watch.", position: 1, createdById: facilitatorId },
      { packId: nextPack.id, responseId: northwindAnswer.id, excerpt: null, note: "", position: 2, createdById: facilitatorId },
    ],
  });

  if (maya.person.userId) {
    const base = { groupSlug: group.slug, groupName: group.name, packNumber: 1 };
    await tx.notification.createMany({
      data: [
        { userId: maya.person.userId, kind: "packPublished", data: { ...base, href: `/groups/${group.slug}/packs/1` }, readAt: daysAgo(9), createdAt: daysAgo(10) },
        { userId: maya.person.userId, kind: "feedback", data: { ...base, promptText: mayaAnswer.prompt.text, href: `/groups/${group.slug}/packs/1` }, createdAt: daysAgo(2) },
      ],
    });
  }
}
