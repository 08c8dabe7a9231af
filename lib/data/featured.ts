// Featured responses: a facilitator building pack N picks shared responses (and replies) from
// packs before N, may shorten or redact the text as an excerpt, adds a note and orders them.
// The original response is never changed: the excerpt lives on FeaturedResponse beside it.
//
// Consent is checked on the server every time, whatever the request says: on save (a response
// the writer did not share, or that was hidden, is refused) and again on every read (a writer
// who withdraws consent after being featured disappears from the pack and its PDF).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { canBeFeatured, consentSelect, visibleResponseWhere } from "@/lib/discussion/consent";
import type { FeaturedItemInput } from "@/lib/validations/discussion";
import type { Prisma } from "@/lib/generated/prisma/client";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** What a pack prints under "From the group": pen names only. */
export type FeaturedEntry = {
  id: string;
  penName: string;
  /** The excerpt when there is one, else the original text. */
  text: string;
  note: string;
  promptText: string;
  packNumber: number;
  /** For a featured reply: the pen name of the response it answers. */
  replyTo: string | null;
};

const entrySelect = {
  id: true,
  excerpt: true,
  note: true,
  position: true,
  responseId: true,
  replyId: true,
  reply: { select: { body: true, hiddenAt: true, member: { select: { penName: true } } } },
  response: { select: { body: true, member: { select: { penName: true } }, prompt: { select: { text: true } }, pack: { select: { number: true } } } },
} satisfies Prisma.FeaturedResponseSelect;

/** The featured entries of a pack, in order, still covered by consent. No authorization: callers check. */
export async function featuredForPack(packId: string): Promise<FeaturedEntry[]> {
  const rows = await db.featuredResponse.findMany({
    where: { packId, response: visibleResponseWhere(), OR: [{ replyId: null }, { reply: { hiddenAt: null } }] },
    orderBy: { position: "asc" },
    select: entrySelect,
  });
  return rows.map((r) => ({
    id: r.id,
    penName: r.reply ? r.reply.member.penName : r.response.member.penName,
    text: r.excerpt ?? (r.reply ? r.reply.body : r.response.body),
    note: r.note,
    promptText: r.response.prompt.text,
    packNumber: r.response.pack.number,
    replyTo: r.reply ? r.response.member.penName : null,
  }));
}

/** For the published pack page: members and staff of the group. */
export async function listFeatured(ctx: GroupContext, packId: string): Promise<FeaturedEntry[]> {
  if (!canInGroup(ctx.roles, "pack.viewPublished")) throw notFound();
  const pack = await db.pack.findFirst({ where: { id: packId, groupId: ctx.group.id }, select: { id: true } });
  if (!pack) throw notFound();
  return featuredForPack(pack.id);
}

export type Candidate = {
  responseId: string;
  penName: string;
  body: string;
  promptText: string;
  packNumber: number;
  replies: { id: string; penName: string; body: string }[];
};

export type ChosenItem = { responseId: string; replyId: string | null; excerpt: string; note: string; original: string; penName: string; packNumber: number; promptText: string };

/** For the pack edit page: what may be featured in pack `number`, and what is chosen now. */
export async function getFeaturedEditor(ctx: GroupContext, number: number): Promise<{ candidates: Candidate[]; chosen: ChosenItem[] }> {
  if (!canInGroup(ctx.roles, "pack.edit")) throw notFound();
  const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number }, select: { id: true } });
  if (!pack) throw notFound();
  const [responses, chosen] = await Promise.all([
    db.response.findMany({
      where: { AND: [visibleResponseWhere(), { pack: { groupId: ctx.group.id, number: { lt: number }, status: "PUBLISHED" } }] },
      orderBy: [{ pack: { number: "desc" } }, { submittedAt: "asc" }],
      take: 300,
      select: {
        id: true,
        body: true,
        member: { select: { penName: true } },
        prompt: { select: { text: true } },
        pack: { select: { number: true } },
        replies: { where: { hiddenAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, body: true, member: { select: { penName: true } } } },
      },
    }),
    db.featuredResponse.findMany({ where: { packId: pack.id }, orderBy: { position: "asc" }, select: entrySelect }),
  ]);
  return {
    candidates: responses.map((r) => ({
      responseId: r.id,
      penName: r.member.penName,
      body: r.body,
      promptText: r.prompt.text,
      packNumber: r.pack.number,
      replies: r.replies.map((reply) => ({ id: reply.id, penName: reply.member.penName, body: reply.body })),
    })),
    chosen: chosen.map((c) => ({
      responseId: c.responseId,
      replyId: c.replyId,
      excerpt: c.excerpt ?? "",
      note: c.note,
      original: c.reply ? c.reply.body : c.response.body,
      penName: c.reply ? c.reply.member.penName : c.response.member.penName,
      packNumber: c.response.pack.number,
      promptText: c.response.prompt.text,
    })),
  };
}

/**
 * Replaces the featured list of pack `number` with `items`, in that order. Every item is checked
 * here: a response of this group from an earlier published pack, shared by its writer and not
 * hidden; a reply to it, not hidden. Anything else refuses the whole save, changing nothing.
 */
export async function setFeatured(ctx: GroupContext, number: number, items: FeaturedItemInput[]): Promise<{ count: number }> {
  if (!canInGroup(ctx.roles, "pack.edit")) throw notFound();
  return db.$transaction(async (tx) => {
    const pack = await tx.pack.findFirst({ where: { groupId: ctx.group.id, number }, select: { id: true } });
    if (!pack) throw notFound();
    // Saves of one pack's list queue here, so two facilitators saving at once cannot interleave.
    await tx.$queryRaw`SELECT "id" FROM "Pack" WHERE "id" = ${pack.id} FOR UPDATE`;
    const responseIds = [...new Set(items.map((i) => i.responseId))];
    const responses = await tx.response.findMany({
      where: { id: { in: responseIds }, pack: { groupId: ctx.group.id, number: { lt: number }, status: "PUBLISHED" } },
      select: {
        id: true,
        ...consentSelect,
        body: true,
        replies: { where: { id: { in: items.flatMap((i) => (i.replyId ? [i.replyId] : [])) } }, select: { id: true, hiddenAt: true, body: true } },
      },
    });
    const byId = new Map(responses.map((r) => [r.id, r]));
    const data = items.map((item, index) => {
      const response = byId.get(item.responseId);
      if (!response) throw notFound();
      if (!canBeFeatured(response, response.member)) throw new AppError("CONFLICT", "discussion.errors.notFeaturable");
      const reply = item.replyId ? response.replies.find((r) => r.id === item.replyId) : null;
      if (item.replyId && !reply) throw notFound();
      if (reply?.hiddenAt) throw new AppError("CONFLICT", "discussion.errors.notFeaturable");
      const original = reply ? reply.body : response.body;
      const excerpt = item.excerpt.trim() && item.excerpt !== original ? item.excerpt : null;
      return { packId: pack.id, responseId: response.id, replyId: reply?.id ?? null, excerpt, note: item.note.trim(), position: index + 1, createdById: ctx.user.id };
    });
    await tx.featuredResponse.deleteMany({ where: { packId: pack.id } });
    if (data.length > 0) await tx.featuredResponse.createMany({ data });
    return { count: data.length };
  });
}
