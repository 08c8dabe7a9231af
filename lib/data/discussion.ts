// Sharing consent, pen names and the group's discussion: shared responses read under pen names
// only, replies, and facilitators hiding a response or reply from the group (kept, with the
// reason; the writer is told). The rules of consent are in lib/discussion/consent.ts; every
// function here asks them before a write and reads with their query form.
//
// Legal names never leave this module: every select names `penName` and nothing of Person.
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { isUniqueViolation } from "@/lib/data/packs";
import { notify, userOfMember, type NewNotification } from "@/lib/data/notifications";
import { canTranscriberShare, consentSelect, isVisibleToGroup, sharedResponseWhere, visibleResponseWhere, type SharingPreference } from "@/lib/discussion/consent";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel } from "@/lib/generated/prisma/enums";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

// ───────────── Pen names and sharing preference ─────────────

export type SharingSettings = { memberId: string; penName: string; channel: Channel; sharingPreference: SharingPreference; sharingConsentAt: Date | null };

const sharingSelect = { id: true, penName: true, channel: true, sharingPreference: true, sharingConsentAt: true, personId: true } satisfies Prisma.MemberSelect;

function plainSettings(m: Prisma.MemberGetPayload<{ select: typeof sharingSelect }>): SharingSettings {
  return { memberId: m.id, penName: m.penName, channel: m.channel, sharingPreference: m.sharingPreference, sharingConsentAt: m.sharingConsentAt };
}

/** The caller's own pen name and sharing choice in this group. */
export async function getMySharing(ctx: GroupContext): Promise<SharingSettings> {
  if (!ctx.member || !canInGroup(ctx.roles, "sharing.editOwn")) throw notFound();
  return plainSettings(await db.member.findUniqueOrThrow({ where: { id: ctx.member.id }, select: sharingSelect }));
}

/** A member of this group, for a facilitator recording their choice (pen name only). */
export async function getMemberSharing(ctx: GroupContext, memberId: string): Promise<SharingSettings> {
  if (!canInGroup(ctx.roles, "consent.record")) throw notFound();
  const member = await db.member.findFirst({ where: { id: memberId, groupId: ctx.group.id }, select: sharingSelect });
  if (!member) throw notFound();
  return plainSettings(member);
}

type SharingChange = { penName: string; sharingPreference: SharingPreference; givenOn: Date };

/**
 * Saves a pen name and sharing choice, with a CONSENT_CHANGED event when the choice changes.
 * A pen name another member of the group already uses (in any letter case) is refused.
 */
async function saveSharing(ctx: GroupContext, memberId: string, change: SharingChange): Promise<SharingSettings> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.member.findFirst({ where: { id: memberId, groupId: ctx.group.id }, select: sharingSelect });
      if (!before) throw notFound();
      // lower() = lower(), not Prisma's insensitive `equals`: that becomes ILIKE, where a pen
      // name ending in a backslash is an invalid pattern and % or _ would match other names.
      const clash = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Member" WHERE "groupId" = ${ctx.group.id} AND id <> ${memberId} AND lower("penName") = lower(${change.penName}) LIMIT 1`;
      if (clash.length > 0) throw new AppError("CONFLICT", "discussion.errors.penNameTaken");
      const preferenceChanged = before.sharingPreference !== change.sharingPreference || before.sharingConsentAt === null;
      const after = await tx.member.update({
        where: { id: memberId },
        data: {
          penName: change.penName,
          sharingPreference: change.sharingPreference,
          ...(preferenceChanged ? { sharingConsentAt: change.givenOn, sharingConsentById: ctx.user.id } : {}),
        },
        select: sharingSelect,
      });
      if (preferenceChanged || before.penName !== change.penName) {
        await tx.personEvent.create({
          data: {
            personId: before.personId,
            memberId,
            kind: "CONSENT_CHANGED",
            occurredOn: new Date(change.givenOn.toISOString().slice(0, 10)),
            actorId: ctx.user.id,
            details: { from: { sharingPreference: before.sharingPreference, penName: before.penName }, to: { sharingPreference: change.sharingPreference, penName: change.penName } },
          },
        });
      }
      return plainSettings(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "discussion.errors.penNameTaken");
    throw error;
  }
}

/** An online member sets their own pen name and preference; given today, by them. */
export async function updateMySharing(ctx: GroupContext, input: { penName: string; sharingPreference: SharingPreference }) {
  if (!ctx.member || !canInGroup(ctx.roles, "sharing.editOwn")) throw notFound();
  return saveSharing(ctx, ctx.member.id, { ...input, givenOn: new Date() });
}

/** A facilitator records a mail member's choice, as given in a letter on `givenOn`. */
export async function recordMemberConsent(ctx: GroupContext, memberId: string, input: { penName: string; sharingPreference: SharingPreference; givenOn: string }) {
  if (!canInGroup(ctx.roles, "consent.record")) throw notFound();
  return saveSharing(ctx, memberId, { penName: input.penName, sharingPreference: input.sharingPreference, givenOn: new Date(`${input.givenOn}T00:00:00Z`) });
}

// ───────────── Sharing one response ─────────────

/** The writer shares or keeps private one of their own submitted responses. */
export async function setMyResponseShared(ctx: GroupContext, input: { responseId: string; shared: boolean }): Promise<{ shared: boolean }> {
  if (!ctx.member || !canInGroup(ctx.roles, "response.writeOwn")) throw notFound();
  const response = await db.response.findFirst({
    where: { id: input.responseId, memberId: ctx.member.id, status: "SUBMITTED", source: "ONLINE", pack: { groupId: ctx.group.id } },
    select: { id: true },
  });
  if (!response) throw notFound();
  await db.response.update({ where: { id: response.id }, data: { shared: input.shared } });
  return { shared: input.shared };
}

/**
 * For the transcription form: may this mail member's response be shared (their recorded
 * consent says GROUP)? Asked again on save, whatever the form sent.
 */
export async function assertTranscriberMayShare(tx: Prisma.TransactionClient, memberId: string, shared: boolean | undefined): Promise<void> {
  if (!shared) return;
  const member = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: { sharingPreference: true, sharingConsentAt: true } });
  if (!canTranscriberShare(member)) throw new AppError("CONFLICT", "discussion.errors.noConsent");
}

// ───────────── The discussion page ─────────────

export type DiscussionReply = { id: string; penName: string; body: string; createdAt: Date; mine: boolean; hidden: { reason: string } | null };
export type DiscussionResponse = {
  id: string;
  penName: string;
  body: string;
  submittedAt: Date | null;
  mine: boolean;
  hidden: { reason: string } | null;
  replies: DiscussionReply[];
};
export type DiscussionPrompt = { promptId: string; promptText: string; responses: DiscussionResponse[] };
export type DiscussionPack = { packNumber: number; packTitle: string; prompts: DiscussionPrompt[] };

const MAX_RESPONSES = 500;

/**
 * Shared responses of the group (or of one pack), newest pack first, grouped by pack and prompt, with replies.
 * Members see what is visible to the group plus their own hidden ones (marked); facilitators
 * see hidden ones too, marked. Two queries however large the group.
 */
export async function listDiscussion(ctx: GroupContext, options: { packNumber?: number } = {}): Promise<DiscussionPack[]> {
  if (!canInGroup(ctx.roles, "discussion.view")) throw notFound();
  const moderator = canInGroup(ctx.roles, "discussion.moderate");
  const myId = ctx.member?.id ?? null;
  const where: Prisma.ResponseWhereInput = {
    pack: { groupId: ctx.group.id, status: "PUBLISHED", ...(options.packNumber ? { number: options.packNumber } : {}) },
    ...(moderator ? sharedResponseWhere() : { OR: [visibleResponseWhere(), ...(myId ? [{ AND: [sharedResponseWhere(), { memberId: myId }] }] : [])] }),
  };
  const rows = await db.response.findMany({
    where,
    orderBy: [{ pack: { number: "desc" } }, { submittedAt: "asc" }],
    take: MAX_RESPONSES,
    select: {
      id: true,
      body: true,
      submittedAt: true,
      memberId: true,
      hiddenAt: true,
      hiddenReason: true,
      member: { select: { penName: true } },
      pack: { select: { number: true, title: true } },
      prompt: { select: { id: true, text: true, position: true, lesson: { select: { position: true } } } },
      replies: {
        where: moderator ? {} : { OR: [{ hiddenAt: null }, ...(myId ? [{ memberId: myId }] : [])] },
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, memberId: true, hiddenAt: true, hiddenReason: true, member: { select: { penName: true } } },
      },
    },
  });
  const packs = new Map<number, DiscussionPack & { order: Map<string, number> }>();
  for (const r of rows) {
    let pack = packs.get(r.pack.number);
    if (!pack) packs.set(r.pack.number, (pack = { packNumber: r.pack.number, packTitle: r.pack.title, prompts: [], order: new Map() }));
    let prompt = pack.prompts.find((p) => p.promptId === r.prompt.id);
    if (!prompt) {
      prompt = { promptId: r.prompt.id, promptText: r.prompt.text, responses: [] };
      pack.prompts.push(prompt);
      pack.order.set(r.prompt.id, r.prompt.lesson.position * 10_000 + r.prompt.position);
    }
    const item = (row: { id: string; body: string; memberId: string; hiddenAt: Date | null; hiddenReason: string | null; member: { penName: string } }) => ({
      id: row.id,
      penName: row.member.penName,
      body: row.body,
      mine: row.memberId === myId,
      hidden: row.hiddenAt ? { reason: row.hiddenReason ?? "" } : null,
    });
    prompt.responses.push({ ...item(r), submittedAt: r.submittedAt, replies: r.replies.map((reply) => ({ ...item(reply), createdAt: reply.createdAt })) });
  }
  return [...packs.values()].map(({ order, ...pack }) => ({ ...pack, prompts: pack.prompts.sort((a, b) => (order.get(a.promptId) ?? 0) - (order.get(b.promptId) ?? 0)) }));
}

// ───────────── Replies ─────────────

/** A reply to a response shared with the group. A repeated submit (same key) finds the first. */
export async function addReply(ctx: GroupContext, input: { responseId: string; body: string; clientKey: string }): Promise<{ id: string; repeated: boolean }> {
  if (!ctx.member || ctx.member.channel !== "ONLINE" || !canInGroup(ctx.roles, "reply.write")) throw notFound();
  const member = ctx.member;
  const existing = await db.reply.findUnique({ where: { clientKey: input.clientKey }, select: { id: true, memberId: true } });
  if (existing) {
    if (existing.memberId !== member.id) throw notFound();
    return { id: existing.id, repeated: true };
  }
  const response = await db.response.findFirst({
    where: { id: input.responseId, pack: { groupId: ctx.group.id, status: "PUBLISHED" } },
    select: {
      id: true,
      ...consentSelect,
      memberId: true,
      prompt: { select: { text: true } },
      pack: { select: { number: true } },
    },
  });
  if (!response || !isVisibleToGroup(response, response.member)) throw notFound();
  try {
    // The reply and the writer's notification (with its queued e-mail) are one change.
    const reply = await db.$transaction(async (tx) => {
      const created = await tx.reply.create({ data: { responseId: response.id, memberId: member.id, body: input.body, clientKey: input.clientKey }, select: { id: true } });
      const writer = response.memberId === member.id ? null : await userOfMember(tx, response.memberId);
      if (writer) {
        const { penName } = await tx.member.findUniqueOrThrow({ where: { id: member.id }, select: { penName: true } });
        await notify(tx, [
          {
            userId: writer,
            kind: "reply",
            data: { groupSlug: ctx.group.slug, groupName: ctx.group.name, packNumber: response.pack.number, promptText: response.prompt.text, penName, href: `/groups/${ctx.group.slug}/discussion#response-${response.id}` },
          },
        ]);
      }
      return created;
    });
    return { id: reply.id, repeated: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await db.reply.findUnique({ where: { clientKey: input.clientKey }, select: { id: true, memberId: true } });
    if (!first || first.memberId !== member.id) throw notFound();
    return { id: first.id, repeated: true };
  }
}

// ───────────── Hiding and showing again ─────────────

/** A response or reply of this group that a facilitator may hide or show again, or NOT_FOUND. */
async function moderationTarget(ctx: GroupContext, kind: "response" | "reply", id: string) {
  if (!canInGroup(ctx.roles, "discussion.moderate")) throw notFound();
  const hidden = { hiddenAt: true, hiddenReason: true, hiddenById: true, memberId: true } as const;
  const target =
    kind === "response"
      ? await db.response.findFirst({ where: { id, pack: { groupId: ctx.group.id } }, select: { id: true, ...hidden, pack: { select: { number: true } }, prompt: { select: { text: true } } } })
      : await db.reply.findFirst({
          where: { id, response: { pack: { groupId: ctx.group.id } } },
          select: { id: true, ...hidden, response: { select: { pack: { select: { number: true } }, prompt: { select: { text: true } } } } },
        });
  if (!target) throw notFound();
  const { pack, prompt } = "pack" in target ? target : target.response;
  return { ...target, pack, prompt };
}

type ModerationTarget = Awaited<ReturnType<typeof moderationTarget>>;

/** Records the change in the audit log and tells the writer (if they can sign in), in `tx`. */
async function recordModeration(
  tx: Prisma.TransactionClient,
  ctx: GroupContext,
  kind: "response" | "reply",
  target: ModerationTarget,
  change: { action: "discussion.hide" | "discussion.show"; notification: "hidden" | "shown"; reason: string | null; details: Prisma.InputJsonObject },
) {
  await writeAudit(tx, {
    organizationId: ctx.group.organizationId,
    actorId: ctx.user.id,
    action: change.action,
    entityType: kind === "response" ? "Response" : "Reply",
    entityId: target.id,
    groupId: ctx.group.id,
    details: change.details,
  });
  const writer = await userOfMember(tx, target.memberId);
  if (!writer) return;
  const item: NewNotification = {
    userId: writer,
    kind: change.notification,
    data: {
      groupSlug: ctx.group.slug,
      groupName: ctx.group.name,
      packNumber: target.pack.number,
      promptText: target.prompt.text,
      ...(change.reason === null ? {} : { reason: change.reason }),
      href: `/groups/${ctx.group.slug}/discussion#${kind}-${target.id}`,
    },
  };
  await notify(tx, [item]);
}

/**
 * A facilitator hides a response or a reply from the group. The text and the reason are kept;
 * facilitators still see it, marked; the writer is told and sees it marked on their own view.
 * The audit log records who hid it, when and why. Hiding again changes nothing.
 */
export async function hideFromGroup(ctx: GroupContext, input: { kind: "response" | "reply"; id: string; reason: string }): Promise<void> {
  const target = await moderationTarget(ctx, input.kind, input.id);
  if (target.hiddenAt) return;
  const where = { id: target.id, hiddenAt: null };
  const data = { hiddenAt: new Date(), hiddenReason: input.reason, hiddenById: ctx.user.id };
  await db.$transaction(async (tx) => {
    const claimed = input.kind === "response" ? await tx.response.updateMany({ where, data }) : await tx.reply.updateMany({ where, data });
    if (claimed.count === 0) return;
    await recordModeration(tx, ctx, input.kind, target, { action: "discussion.hide", notification: "hidden", reason: input.reason, details: { reason: input.reason } });
  });
}

/**
 * A facilitator shows again a response or reply that was hidden: the group sees it as before.
 * The hiding it undoes (who, when, why) moves into the audit entry of the showing, with who
 * showed it again; the writer is told. Showing what is not hidden changes nothing.
 */
export async function showToGroupAgain(ctx: GroupContext, input: { kind: "response" | "reply"; id: string }): Promise<void> {
  const target = await moderationTarget(ctx, input.kind, input.id);
  if (!target.hiddenAt) return;
  // Only the hiding this facilitator saw is undone: a hide and show racing cannot cross.
  const where = { id: target.id, hiddenAt: target.hiddenAt };
  const data = { hiddenAt: null, hiddenReason: null, hiddenById: null };
  await db.$transaction(async (tx) => {
    const claimed = input.kind === "response" ? await tx.response.updateMany({ where, data }) : await tx.reply.updateMany({ where, data });
    if (claimed.count === 0) return;
    await recordModeration(tx, ctx, input.kind, target, {
      action: "discussion.show",
      notification: "shown",
      reason: null,
      details: { hiddenAt: target.hiddenAt!.toISOString(), hiddenReason: target.hiddenReason, hiddenById: target.hiddenById },
    });
  });
}

/** Mail and e-message members of the group (they never see a share control) with their recorded choice, for facilitators (pen names only). */
export async function listMailConsent(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "consent.record")) throw notFound();
  return db.member.findMany({
    where: { groupId: ctx.group.id, channel: { in: ["MAIL", "EMESSAGE"] }, status: "ACTIVE" },
    orderBy: { penName: "asc" },
    select: { id: true, penName: true, sharingPreference: true, sharingConsentAt: true },
  });
}
