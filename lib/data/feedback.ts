// Facilitators read a pack's responses prompt by prompt, see who has not answered, and write
// feedback. Members read the feedback on their own responses.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { canInGroup, MEMBER_STATUSES_WITH_ACCESS } from "@/lib/permissions";
import { isUniqueViolation } from "@/lib/data/packs";
import { notify, userOfMember } from "@/lib/data/notifications";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/**
 * Everything the review page shows for one pack, in three queries however many members and
 * responses: the active members, the submitted responses with versions and feedback.
 */
export async function getPackReview(ctx: GroupContext, packId: string) {
  if (!canInGroup(ctx.roles, "response.viewAll")) throw notFound();
  const [members, responses] = await Promise.all([
    db.member.findMany({
      where: { groupId: ctx.group.id, status: "ACTIVE" },
      select: { id: true, penName: true, channel: true },
      orderBy: { penName: "asc" },
    }),
    db.response.findMany({
      where: { packId, pack: { groupId: ctx.group.id }, status: "SUBMITTED" },
      select: {
        id: true,
        promptId: true,
        memberId: true,
        body: true,
        version: true,
        submittedAt: true,
        source: true,
        transcribedById: true,
        member: { select: { penName: true, channel: true } },
        versions: { orderBy: { version: "desc" }, select: { version: true, body: true, createdAt: true } },
        feedback: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      },
      orderBy: { submittedAt: "asc" },
    }),
  ]);
  // Names of transcribers, so each transcribed response says who typed it (one more query).
  const transcriberIds = [...new Set(responses.map((r) => r.transcribedById).filter((id): id is string => Boolean(id)))];
  const transcribers = new Map((await db.user.findMany({ where: { id: { in: transcriberIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return { members, responses: responses.map((r) => ({ ...r, transcriberName: r.transcribedById ? (transcribers.get(r.transcribedById) ?? null) : null })) };
}

/** Adds feedback to a submitted response of this group. A repeated submit finds the first. */
export async function addFeedback(ctx: GroupContext, input: { responseId: string; body: string; clientKey: string }) {
  if (!canInGroup(ctx.roles, "feedback.write")) throw notFound();
  const response = await db.response.findFirst({
    where: { id: input.responseId, status: "SUBMITTED", pack: { groupId: ctx.group.id } },
    select: { id: true, memberId: true, pack: { select: { number: true, groupId: true } }, prompt: { select: { text: true } } },
  });
  if (!response) throw notFound();
  try {
    // The feedback and the writer's notification (with its queued e-mail copy) are one change.
    const created = await db.$transaction(async (tx) => {
      const feedback = await tx.feedback.create({
        data: { responseId: response.id, authorId: ctx.user.id, body: input.body, clientKey: input.clientKey },
        select: { id: true, createdAt: true },
      });
      const writer = await userOfMember(tx, response.memberId);
      if (writer && writer !== ctx.user.id) {
        await notify(tx, [
          {
            userId: writer,
            kind: "feedback",
            data: { groupSlug: ctx.group.slug, groupName: ctx.group.name, packNumber: response.pack.number, promptText: response.prompt.text, href: `/groups/${ctx.group.slug}/packs/${response.pack.number}` },
          },
        ]);
      }
      return feedback;
    });
    return created;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.feedback.findFirst({ where: { clientKey: input.clientKey, authorId: ctx.user.id, responseId: response.id }, select: { id: true, createdAt: true } });
    if (!existing) throw notFound();
    return existing;
  }
}

/** Recent feedback on the user's own responses, across their groups, for the home page. */
export async function listMyRecentFeedback(user: CurrentUser, take = 5) {
  const rows = await db.feedback.findMany({
    where: { response: { member: { person: { userId: user.id }, status: { in: [...MEMBER_STATUSES_WITH_ACCESS] } } } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      response: { select: { prompt: { select: { text: true } }, pack: { select: { number: true, title: true, group: { select: { slug: true, name: true } } } } } },
    },
  });
  return rows.map((f) => ({
    id: f.id,
    body: f.body,
    createdAt: f.createdAt,
    authorName: f.author.name,
    promptText: f.response.prompt.text,
    packNumber: f.response.pack.number,
    packTitle: f.response.pack.title,
    groupSlug: f.response.pack.group.slug,
    groupName: f.response.pack.group.name,
  }));
}
