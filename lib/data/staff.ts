// The organization's staff, as organizers manage them on the People page (docs/decisions/028):
// who organizes, who facilitates which group, and the staff invitations still open. Staff are
// the organization's organizers and the facilitators of its groups; members are managed on each
// group's members page.
//
// Removing a role deletes the role row only: feedback, transcriptions and audit entries keep
// their author. Every change is audited in its own transaction, and the organization's staff
// lock keeps two organizers from removing each other at the same moment and leaving none.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrganizationContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { hashToken, INVITATION_DAYS } from "@/lib/data/invitations";
import { seal } from "@/lib/email/seal";
import { queueEmails } from "@/lib/jobs/email-queue";
import { normalizeEmail } from "@/lib/people/identity";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StaffInvitationValues } from "@/lib/validations/staff";

type Tx = Prisma.TransactionClient;

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

export type StaffMember = {
  userId: string;
  name: string;
  email: string;
  organizer: boolean;
  /** Groups of the organization they facilitate, archived ones included (marked); the first few by name. */
  groups: { slug: string; name: string; archived: boolean }[];
  /** How many groups they facilitate in all (more than `groups` when they run many). */
  groupCount: number;
  disabled: boolean;
};

export type OpenStaffInvitation = { id: string; email: string; role: "ORGANIZER" | "FACILITATOR"; groupName: string | null; expiresAt: Date; expired: boolean };

/** Staff a page lists (docs/decisions/041-lists-that-grow.md). */
export const STAFF_PAGE_SIZE = 25;
/** A person's groups named on the page; the rest are counted. */
export const STAFF_GROUPS_SHOWN = 10;
/** Open groups offered in a list to choose from; beyond this the organizer types the group's address. */
export const GROUP_CHOICES = 50;
/** Open invitations listed, newest first; the rest are counted. */
export const INVITATIONS_SHOWN = 50;

export type StaffList = {
  /** One page of the staff, by name. */
  staff: StaffMember[];
  paging: { page: number; pageSize: number; matching: number; pages: number; q: string | undefined };
  invitations: OpenStaffInvitation[];
  /** Open invitations in all (more than `invitations` when many are open). */
  invitationCount: number;
  /** The open groups to choose from, by name; null when there are more than GROUP_CHOICES. */
  groups: { slug: string; name: string }[] | null;
};

/** A LIKE pattern matching `text` anywhere, its own % _ and \ taken literally; null for no filter. */
function containsPattern(text: string | undefined): string | null {
  return text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/**
 * One page of everyone with a staff role in the organization (organizers and the facilitators of
 * its groups), searched by name or e-mail, with the open staff invitations and the groups a
 * facilitator can be given. Five statements, and rows bounded by the page, whatever the size of
 * the organization.
 */
export async function listStaff(ctx: OrganizationContext, options: { page?: number; q?: string } = {}): Promise<StaffList> {
  const organizationId = ctx.organization.id;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pattern = containsPattern(options.q);
  // The staff's user ids: a handful of index reads (organizers; facilitators of the
  // organization's groups), never a scan of every user.
  const [people, counted, invitations, invitationCount, groups] = await Promise.all([
    db.$queryRaw<{ id: string; name: string; email: string; disabled: boolean; organizer: boolean; groupCount: number; groups: { slug: string; name: string; archived: boolean }[] | null }[]>`
      WITH staff AS (
        SELECT o."userId" FROM "Organizer" o WHERE o."organizationId" = ${organizationId}
        UNION
        SELECT f."userId" FROM "Facilitator" f JOIN "Group" g ON g."id" = f."groupId" WHERE g."organizationId" = ${organizationId})
      SELECT u."id", u."name", u."email", u."disabledAt" IS NOT NULL AS "disabled",
             EXISTS (SELECT 1 FROM "Organizer" o WHERE o."organizationId" = ${organizationId} AND o."userId" = u."id") AS "organizer",
             (SELECT count(*)::int FROM "Facilitator" f JOIN "Group" g ON g."id" = f."groupId" WHERE f."userId" = u."id" AND g."organizationId" = ${organizationId}) AS "groupCount",
             (SELECT json_agg(json_build_object('slug', x."slug", 'name', x."name", 'archived', x."archived") ORDER BY x."name", x."slug")
                FROM (SELECT g."slug", g."name", g."archivedAt" IS NOT NULL AS "archived"
                        FROM "Facilitator" f JOIN "Group" g ON g."id" = f."groupId"
                       WHERE f."userId" = u."id" AND g."organizationId" = ${organizationId}
                       ORDER BY g."name", g."slug" LIMIT ${STAFF_GROUPS_SHOWN}) x) AS "groups"
        FROM staff s JOIN "User" u ON u."id" = s."userId"
       WHERE ${pattern}::text IS NULL OR u."name" ILIKE ${pattern}::text OR u."email" ILIKE ${pattern}::text
       ORDER BY u."name", u."email", u."id"
       LIMIT ${STAFF_PAGE_SIZE}::int OFFSET ${(page - 1) * STAFF_PAGE_SIZE}::int`,
    db.$queryRaw<{ matching: number }[]>`
      WITH staff AS (
        SELECT o."userId" FROM "Organizer" o WHERE o."organizationId" = ${organizationId}
        UNION
        SELECT f."userId" FROM "Facilitator" f JOIN "Group" g ON g."id" = f."groupId" WHERE g."organizationId" = ${organizationId})
      SELECT count(*)::int AS "matching" FROM staff s JOIN "User" u ON u."id" = s."userId"
       WHERE ${pattern}::text IS NULL OR u."name" ILIKE ${pattern}::text OR u."email" ILIKE ${pattern}::text`,
    db.invitation.findMany({
      where: { organizationId, role: { in: ["ORGANIZER", "FACILITATOR"] }, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true, expiresAt: true, group: { select: { name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: INVITATIONS_SHOWN,
    }),
    db.invitation.count({ where: { organizationId, role: { in: ["ORGANIZER", "FACILITATOR"] }, acceptedAt: null, revokedAt: null } }),
    db.group.findMany({ where: { organizationId, archivedAt: null }, select: { slug: true, name: true }, orderBy: [{ name: "asc" }, { slug: "asc" }], take: GROUP_CHOICES + 1 }),
  ]);
  const matching = counted[0]?.matching ?? 0;
  const now = new Date();
  return {
    staff: people.map((p) => ({ userId: p.id, name: p.name, email: p.email, organizer: p.organizer, groups: p.groups ?? [], groupCount: p.groupCount, disabled: p.disabled })),
    paging: { page, pageSize: STAFF_PAGE_SIZE, matching, pages: Math.max(1, Math.ceil(matching / STAFF_PAGE_SIZE)), q: options.q },
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role as "ORGANIZER" | "FACILITATOR", groupName: i.group?.name ?? null, expiresAt: i.expiresAt, expired: i.expiresAt <= now })),
    invitationCount,
    groups: groups.length > GROUP_CHOICES ? null : groups,
  };
}

/** One change to the organization's staff at a time, until the transaction ends. */
async function lockStaff(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`staff:${organizationId}`}))`;
}

/** A user with a staff role in this organization (organizer, or facilitator of one of its groups). */
async function staffUser(tx: Tx, organizationId: string, userId: string): Promise<{ id: string }> {
  const user = await tx.user.findFirst({
    where: { id: userId, disabledAt: null, OR: [{ organizerOf: { some: { organizationId } } }, { facilitatorOf: { some: { group: { organizationId } } } }] },
    select: { id: true },
  });
  if (!user) throw notFound();
  return user;
}

async function groupOf(tx: Tx, organizationId: string, slug: string, options: { open: boolean }) {
  const group = await tx.group.findFirst({ where: { organizationId, slug }, select: { id: true, archivedAt: true } });
  if (!group) throw new AppError("INVALID", "people.errors.groupUnknown", { field: "values.groupSlug" });
  if (options.open && group.archivedAt) throw new AppError("CONFLICT", "errors.groupArchived");
  return group;
}

/** Makes an existing staff member a facilitator of one more group (nothing happens if they are). */
export async function assignFacilitator(ctx: OrganizationContext, userId: string, groupSlug: string): Promise<void> {
  const organizationId = ctx.organization.id;
  await db.$transaction(async (tx) => {
    await lockStaff(tx, organizationId);
    await staffUser(tx, organizationId, userId);
    const group = await groupOf(tx, organizationId, groupSlug, { open: true });
    const existing = await tx.facilitator.findUnique({ where: { groupId_userId: { groupId: group.id, userId } }, select: { id: true } });
    if (existing) return;
    const created = await tx.facilitator.create({ data: { groupId: group.id, userId }, select: { id: true } });
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "facilitator.assign", entityType: "Facilitator", entityId: created.id, groupId: group.id, details: { userId } });
  });
}

/**
 * Takes a group from a facilitator. Their feedback and transcriptions stay theirs; they stop
 * seeing the group at their next request. Allowed on an archived group too: leaving is not a
 * change to the group's records.
 */
export async function removeFacilitator(ctx: OrganizationContext, userId: string, groupSlug: string): Promise<void> {
  const organizationId = ctx.organization.id;
  await db.$transaction(async (tx) => {
    await lockStaff(tx, organizationId);
    const group = await tx.group.findFirst({ where: { organizationId, slug: groupSlug }, select: { id: true } });
    const role = group && (await tx.facilitator.findUnique({ where: { groupId_userId: { groupId: group.id, userId } }, select: { id: true } }));
    if (!group || !role) throw notFound();
    await tx.facilitator.delete({ where: { id: role.id } });
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "facilitator.remove", entityType: "Facilitator", entityId: role.id, groupId: group.id, details: { userId } });
  });
}

/** Makes an existing staff member an organizer of the organization. */
export async function makeOrganizer(ctx: OrganizationContext, userId: string): Promise<void> {
  const organizationId = ctx.organization.id;
  await db.$transaction(async (tx) => {
    await lockStaff(tx, organizationId);
    await staffUser(tx, organizationId, userId);
    const existing = await tx.organizer.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { id: true } });
    if (existing) return;
    const created = await tx.organizer.create({ data: { organizationId, userId }, select: { id: true } });
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "organizer.add", entityType: "Organizer", entityId: created.id, details: { userId } });
  });
}

/**
 * Takes the organizer role from someone (possibly the caller). Refused for the last organizer
 * who can still sign in: an organization without one could never be managed again.
 */
export async function removeOrganizer(ctx: OrganizationContext, userId: string): Promise<void> {
  const organizationId = ctx.organization.id;
  await db.$transaction(async (tx) => {
    await lockStaff(tx, organizationId);
    const role = await tx.organizer.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { id: true } });
    if (!role) throw notFound();
    const others = await tx.organizer.count({ where: { organizationId, userId: { not: userId }, user: { disabledAt: null } } });
    if (others === 0) throw new AppError("CONFLICT", "people.errors.lastOrganizer");
    await tx.organizer.delete({ where: { id: role.id } });
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "organizer.remove", entityType: "Organizer", entityId: role.id, details: { userId } });
  });
}

export type IssuedStaffInvitation = { id: string; token: string; email: string; expiresAt: Date; emailQueued: boolean };

/**
 * An invitation to become an organizer, or a facilitator of one group. An earlier open link for
 * the same address and role (and group) is revoked, so only the newest works. The e-mail is
 * queued when SMTP is configured; otherwise the organizer copies the link from the page.
 */
export async function inviteStaff(ctx: OrganizationContext, values: StaffInvitationValues): Promise<IssuedStaffInvitation> {
  const organizationId = ctx.organization.id;
  const email = normalizeEmail(values.email);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600_000);
  return db.$transaction(async (tx) => {
    await lockStaff(tx, organizationId);
    const group = values.role === "FACILITATOR" ? await groupOf(tx, organizationId, values.groupSlug, { open: true }) : null;
    const already =
      values.role === "ORGANIZER"
        ? await tx.organizer.findFirst({ where: { organizationId, user: { email } }, select: { id: true } })
        : await tx.facilitator.findFirst({ where: { groupId: group!.id, user: { email } }, select: { id: true } });
    if (already) throw new AppError("CONFLICT", values.role === "ORGANIZER" ? "people.errors.alreadyOrganizer" : "people.errors.alreadyFacilitator", { field: "values.email" });
    const now = new Date();
    await tx.invitation.updateMany({ where: { organizationId, email, role: values.role, groupId: group?.id ?? null, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.invitation.create({
      data: { tokenHash: hashToken(token), organizationId, groupId: group?.id ?? null, email, role: values.role, expiresAt, createdById: ctx.user.id },
      select: { id: true },
    });
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "invitation.create", entityType: "Invitation", entityId: created.id, groupId: group?.id ?? null, details: { role: values.role } });
    const sealed = seal(token);
    const emailQueued = sealed !== null && (await queueEmails(tx, [{ kind: "invitation", invitationId: created.id, sealedToken: sealed }]));
    return { id: created.id, token, email, expiresAt, emailQueued };
  });
}

/** Withdraws an open staff invitation of the organization. */
export async function revokeStaffInvitation(ctx: OrganizationContext, invitationId: string): Promise<void> {
  const organizationId = ctx.organization.id;
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, organizationId, role: { in: ["ORGANIZER", "FACILITATOR"] }, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound();
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "invitation.revoke", entityType: "Invitation", entityId: invitationId });
  });
}
