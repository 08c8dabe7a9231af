// Invitation links: how a person gets an account and a role. A link carries a random token;
// only its SHA-256 is stored, so a database leak yields no usable links. A link works once,
// until it expires, and not at all once revoked or once its member has left the group.
import "server-only";
import { emailTranslator } from "@/lib/email/translator";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeGroup, authorizeOrganization, type GroupContext } from "@/lib/authz";
import { hashNewPassword } from "@/lib/auth/password-rule";
import { canInGroup, MEMBER_STATUSES_WITH_ACCESS } from "@/lib/permissions";
import { writeAudit } from "@/lib/data/audit";
import type { CreateInvitationInput } from "@/lib/validations/invitation";
import type { AcceptInvitationInput } from "@/lib/validations/auth";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import type { EmailMessage } from "@/lib/email/send";
import { seal, unseal } from "@/lib/email/seal";
import { queueEmails } from "@/lib/jobs/email-queue";
import { normalizeEmail, sameEmail } from "@/lib/people/identity";

export const INVITATION_DAYS = 14;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "removed" | "unknown";

export type InvitationView = {
  state: InvitationState;
  email?: string;
  role?: "ORGANIZER" | "FACILITATOR" | "MEMBER";
  groupName?: string | null;
  groupSlug?: string | null;
  organizationName?: string;
  penName?: string | null;
  /** An account with this email exists: the person signs in to accept. */
  accountExists?: boolean;
};

/** Creates an invitation and returns its token, which is shown once and never stored. */
export async function createInvitation(actor: CurrentUser, input: CreateInvitationInput): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600_000);

  // Stored normalized (lib/people/identity.ts): the link is claimed by the account with this email.
  const email = normalizeEmail(input.email);
  if (input.role === "ORGANIZER") {
    await authorizeOrganization(actor, input.organizationId);
    const invitation = await db.$transaction(async (tx) => {
      const created = await tx.invitation.create({
        data: { tokenHash: hashToken(token), organizationId: input.organizationId, email, role: "ORGANIZER", expiresAt, createdById: actor.id },
        select: { id: true },
      });
      await writeAudit(tx, { organizationId: input.organizationId, actorId: actor.id, action: "invitation.create", entityType: "Invitation", entityId: created.id, details: { role: "ORGANIZER" } });
      return created;
    });
    return { token, id: invitation.id };
  }

  const { group } = await authorizeGroup(actor, input.groupSlug, input.role === "MEMBER" ? "member.invite" : "facilitator.invite");
  const invitation = await db.$transaction(async (tx) => {
    let personId: string | null = null;
    if (input.role === "MEMBER") {
      // The member is on the roster from the moment they are invited; the link activates them.
      const person = await tx.person.upsert({
        where: { organizationId_email: { organizationId: group.organizationId, email } },
        create: { organizationId: group.organizationId, email, legalName: input.legalName },
        update: {},
        select: { id: true },
      });
      personId = person.id;
      const existing = await tx.member.findUnique({ where: { groupId_personId: { groupId: group.id, personId } }, select: { status: true } });
      if (existing && !(MEMBER_STATUSES_WITH_ACCESS as readonly string[]).includes(existing.status)) {
        throw new AppError("CONFLICT", "roster.invite.memberLeft");
      }
      if (!existing) {
        await tx.member.create({
          data: { groupId: group.id, personId, channel: "ONLINE", penName: input.penName ?? (await freePenName(tx, group.id)) },
        });
      }
    }
    const created = await tx.invitation.create({
      data: { tokenHash: hashToken(token), organizationId: group.organizationId, groupId: group.id, personId, email, role: input.role, expiresAt, createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, { organizationId: group.organizationId, actorId: actor.id, action: "invitation.create", entityType: "Invitation", entityId: created.id, groupId: group.id, personId, details: { role: input.role } });
    return created;
  });
  return { token, id: invitation.id };
}

/** A pen name nobody in the group has yet, e.g. "Reader 4821". */
async function freePenName(tx: Prisma.TransactionClient, groupId: string): Promise<string> {
  for (;;) {
    const candidate = `Reader ${1000 + Math.floor(Math.random() * 9000)}`;
    const taken = await tx.member.findUnique({ where: { groupId_penName: { groupId, penName: candidate } }, select: { id: true } });
    if (!taken) return candidate;
  }
}

const invitationSelect = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  organizationId: true,
  groupId: true,
  personId: true,
  organization: { select: { name: true } },
  group: { select: { name: true, slug: true } },
  person: { select: { erasedAt: true, userId: true, locale: true, memberships: { select: { groupId: true, status: true, penName: true } } } },
} satisfies Prisma.InvitationSelect;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

function stateOf(row: InvitationRow | null, now = new Date()): InvitationState {
  if (!row) return "unknown";
  if (row.revokedAt) return "revoked";
  if (row.acceptedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  if (row.role === "MEMBER") {
    const enrolment = row.person?.memberships.find((m) => m.groupId === row.groupId);
    if (!row.person || row.person.erasedAt || !enrolment || !(MEMBER_STATUSES_WITH_ACCESS as readonly string[]).includes(enrolment.status)) {
      return "removed";
    }
  }
  return "valid";
}

/** What the invitation page shows; reveals nothing but the state for an unusable link. */
export async function describeInvitation(token: string): Promise<InvitationView> {
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationSelect });
  const state = stateOf(row);
  if (!row || state !== "valid") return { state };
  const account = await db.user.findUnique({ where: { email: normalizeEmail(row.email) }, select: { id: true } });
  return {
    state,
    email: row.email,
    role: row.role,
    groupName: row.group?.name ?? null,
    groupSlug: row.group?.slug ?? null,
    organizationName: row.organization.name,
    penName: row.person?.memberships.find((m) => m.groupId === row.groupId)?.penName ?? null,
    accountExists: Boolean(account),
  };
}

/** Marks the invitation used, inside the caller's transaction; fails if another request won. */
async function claim(tx: Prisma.TransactionClient, token: string): Promise<InvitationRow> {
  const row = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationSelect });
  const state = stateOf(row);
  if (!row || state !== "valid") throw new AppError("CONFLICT", `invitation.${state}`);
  // The conditional update makes the link single-use even when two requests race.
  const { count } = await tx.invitation.updateMany({
    where: { id: row.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date() },
  });
  if (count !== 1) throw new AppError("CONFLICT", "invitation.used");
  return row;
}

async function grantRole(tx: Prisma.TransactionClient, row: InvitationRow, userId: string): Promise<void> {
  if (row.role === "ORGANIZER") {
    await tx.organizer.upsert({ where: { organizationId_userId: { organizationId: row.organizationId, userId } }, create: { organizationId: row.organizationId, userId }, update: {} });
  } else if (row.role === "FACILITATOR" && row.groupId) {
    await tx.facilitator.upsert({ where: { groupId_userId: { groupId: row.groupId, userId } }, create: { groupId: row.groupId, userId }, update: {} });
  } else if (row.role === "MEMBER" && row.personId) {
    const linked = await tx.person.findUnique({ where: { userId }, select: { id: true } });
    if (linked && linked.id !== row.personId) throw new AppError("CONFLICT", "invitation.otherPerson");
    await tx.person.update({ where: { id: row.personId }, data: { userId } });
  }
  await tx.invitation.update({ where: { id: row.id }, data: { acceptedById: userId } });
  await writeAudit(tx, { organizationId: row.organizationId, actorId: userId, action: "invitation.accept", entityType: "Invitation", entityId: row.id, groupId: row.groupId, personId: row.personId, details: { role: row.role } });
}

/** A new person sets their name and password; returns where to go after signing in. */
export async function acceptInvitationAsNewUser(token: string, input: AcceptInvitationInput): Promise<{ email: string; groupSlug: string | null }> {
  // The strength rule of every new password (lib/auth/password-rule.ts), answered on the field.
  const passwordHash = await hashNewPassword(input.password, { field: "values.password", userInputs: [input.name] });
  return db.$transaction(async (tx) => {
    const row = await claim(tx, token);
    const email = normalizeEmail(row.email);
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "invitation.accountExists");
    // A member whose packs are in Spanish starts with Studypack in Spanish (they can change it).
    const user = await tx.user.create({ data: { email, name: input.name, passwordHash, locale: row.role === "MEMBER" ? (row.person?.locale ?? null) : null }, select: { id: true } });
    await grantRole(tx, row, user.id);
    return { email, groupSlug: row.group?.slug ?? null };
  });
}

/** Someone already signed in accepts an invitation made out to their email. */
export async function acceptInvitationAsUser(token: string, user: CurrentUser): Promise<{ groupSlug: string | null }> {
  return db.$transaction(async (tx) => {
    const row = await claim(tx, token);
    if (!sameEmail(row.email, user.email)) throw new AppError("CONFLICT", "invitation.otherEmail");
    await grantRole(tx, row, user.id);
    return { groupSlug: row.group?.slug ?? null };
  });
}

export type IssuedInvitation = {
  id: string;
  personId: string;
  groupId: string;
  email: string;
  token: string;
  expiresAt: Date;
  /** Its e-mail is queued (SMTP is configured); otherwise the link is shown to copy. */
  emailQueued: boolean;
};

/**
 * Member invitations for people already on the roster, inside the caller's transaction (the
 * roster import, bulk invitations, a release). Any earlier open link of the same person is
 * revoked, so only the newest link works. One audit entry per invitation. The e-mails with the
 * links are queued in the same transaction (sent by lib/jobs/email-job.ts).
 */
export async function issueMemberInvitations(
  tx: Prisma.TransactionClient,
  organizationId: string,
  actorId: string,
  items: { personId: string; groupId: string; email: string }[],
): Promise<IssuedInvitation[]> {
  if (items.length === 0) return [];
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);
  await tx.invitation.updateMany({ where: { organizationId, role: "MEMBER", personId: { in: items.map((i) => i.personId) }, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const issued = items.map((item) => ({ ...item, email: normalizeEmail(item.email), token: randomBytes(32).toString("base64url"), expiresAt }));
  const rows = await tx.invitation.createManyAndReturn({
    data: issued.map((i) => ({ tokenHash: hashToken(i.token), organizationId, groupId: i.groupId, personId: i.personId, email: i.email, role: "MEMBER" as const, expiresAt, createdById: actorId })),
    select: { id: true, tokenHash: true },
  });
  const idOf = new Map(rows.map((r) => [r.tokenHash, r.id]));
  const created = issued.map((i) => ({ ...i, id: idOf.get(hashToken(i.token))!, sealedToken: seal(i.token) }));
  await tx.auditLog.createMany({
    data: created.map((i) => ({ organizationId, actorId, action: "invitation.create", entityType: "Invitation", entityId: i.id, groupId: i.groupId, personId: i.personId, details: { role: "MEMBER" } })),
  });
  // No AUTH_SECRET to seal the token with: the link is shown to copy instead.
  const mailable = created.flatMap((i) => (i.sealedToken ? [{ kind: "invitation" as const, invitationId: i.id, sealedToken: i.sealedToken }] : []));
  const queued = mailable.length > 0 && (await queueEmails(tx, mailable));
  return created.map(({ sealedToken, ...i }) => ({ ...i, emailQueued: queued && sealedToken !== null }));
}

/** The web path of an invitation link. */
export const invitationPath = (token: string) => `/invitations/${token}`;

/**
 * The e-mail of an invitation, for the e-mail job at send time; null when the link no
 * longer works (revoked, replaced by a newer one, used, expired, the member left) or the sealed
 * token is not this invitation's.
 */
export async function invitationEmail(invitationId: string, sealedToken: string): Promise<EmailMessage | null> {
  const token = unseal(sealedToken);
  if (!token) return null;
  const row = await db.invitation.findUnique({ where: { id: invitationId }, select: { ...invitationSelect, tokenHash: true, emailedAt: true } });
  // Sent already: this is the job run again after its worker died before the queue heard back.
  if (!row || row.emailedAt || row.tokenHash !== hashToken(token) || stateOf(row) !== "valid") return null;
  const link = new URL(invitationPath(token), env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
  const organization = row.organization.name;
  const expires = row.expiresAt.toISOString().slice(0, 10);
  if (row.role !== "MEMBER") {
    // Staff invitations come from the People page (lib/data/staff.ts).
    const staff = emailTranslator(null, "people.invitationEmail");
    const body = row.role === "ORGANIZER" ? staff("organizerBody", { organization, expires, link }) : staff("facilitatorBody", { organization, group: row.group?.name ?? "", expires, link });
    return { to: row.email, subject: staff("subject", { organization }), text: body };
  }
  // A member is written to in the language of their packs (Person.locale).
  const t = emailTranslator(row.person?.locale, "roster.invitationEmail");
  const penName = row.person?.memberships.find((m) => m.groupId === row.groupId)?.penName ?? "";
  return {
    to: row.email,
    subject: t("subject", { organization }),
    text: t("body", { organization, group: row.group?.name ?? "", penName, expires, link }),
  };
}

// ── A group's member invitations, as staff manage them on the members page ──

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");
const hasAccess = (status: string) => (MEMBER_STATUSES_WITH_ACCESS as readonly string[]).includes(status);

function assertInviter(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "member.invite")) throw notFound();
}

/**
 * Online members of the group who cannot sign in yet, each with their open invitation (if any).
 * Staff only; the page that shows it records the look.
 */
export async function listMembersWithoutLogin(ctx: GroupContext) {
  assertInviter(ctx);
  const now = new Date();
  const members = await db.member.findMany({
    where: { groupId: ctx.group.id, channel: "ONLINE", status: { in: [...MEMBER_STATUSES_WITH_ACCESS] }, person: { userId: null, erasedAt: null } },
    select: {
      id: true,
      penName: true,
      person: {
        select: {
          email: true,
          invitations: { where: { groupId: ctx.group.id, role: "MEMBER", acceptedAt: null, revokedAt: null }, select: { id: true, email: true, expiresAt: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
        },
      },
    },
    orderBy: { penName: "asc" },
  });
  return members.map((m) => {
    const open = m.person.invitations[0] ?? null;
    return { id: m.id, penName: m.penName, email: m.person.email, invitation: open ? { ...open, expired: open.expiresAt <= now } : null };
  });
}

export type GroupInvitation = IssuedInvitation & { penName: string; groupName: string };

/**
 * Invitations for the chosen online members without a login, in one transaction; an open link
 * of the same person is replaced. Members who cannot be invited (a login already, no email,
 * left the group, not in this group) are skipped and counted.
 */
export async function inviteMembers(ctx: GroupContext, memberIds: string[]): Promise<{ invitations: GroupInvitation[]; skipped: number }> {
  assertInviter(ctx);
  return db.$transaction(async (tx) => {
    const members = await tx.member.findMany({
      where: { id: { in: memberIds }, groupId: ctx.group.id, channel: "ONLINE", status: { in: [...MEMBER_STATUSES_WITH_ACCESS] }, person: { userId: null, erasedAt: null, email: { not: null } } },
      select: { id: true, penName: true, personId: true, person: { select: { email: true } } },
    });
    const issued = await issueMemberInvitations(
      tx,
      ctx.group.organizationId,
      ctx.user.id,
      members.map((m) => ({ personId: m.personId, groupId: ctx.group.id, email: m.person.email! })),
    );
    const penNames = new Map(members.map((m) => [m.personId, m.penName]));
    return { invitations: issued.map((i) => ({ ...i, penName: penNames.get(i.personId)!, groupName: ctx.group.name })), skipped: new Set(memberIds).size - members.length };
  });
}

/** An open member invitation of this group, or NOT_FOUND. */
async function openInvitation(ctx: GroupContext, invitationId: string) {
  const row = await db.invitation.findFirst({
    where: { id: invitationId, groupId: ctx.group.id, role: "MEMBER", acceptedAt: null, revokedAt: null },
    select: { id: true, personId: true, email: true, person: { select: { userId: true, erasedAt: true, memberships: { where: { groupId: ctx.group.id }, select: { penName: true, status: true } } } } },
  });
  if (!row || !row.personId || !row.person) throw notFound();
  return { ...row, personId: row.personId, person: row.person };
}

/** A new link (the old one stops working at once), e.g. when the first expired or was lost. */
export async function resendInvitation(ctx: GroupContext, invitationId: string): Promise<GroupInvitation> {
  assertInviter(ctx);
  const row = await openInvitation(ctx, invitationId);
  const enrolment = row.person.memberships[0];
  if (row.person.userId || row.person.erasedAt || !enrolment || !hasAccess(enrolment.status)) throw new AppError("CONFLICT", "roster.invite.cannotResend");
  const [issued] = await db.$transaction((tx) => issueMemberInvitations(tx, ctx.group.organizationId, ctx.user.id, [{ personId: row.personId, groupId: ctx.group.id, email: row.email }]));
  return { ...issued!, penName: enrolment.penName, groupName: ctx.group.name };
}

/** Withdraws a link; the member stays on the roster. */
export async function revokeInvitation(ctx: GroupContext, invitationId: string): Promise<void> {
  assertInviter(ctx);
  const row = await openInvitation(ctx, invitationId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: row.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw notFound();
    await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "invitation.revoke", entityType: "Invitation", entityId: row.id, groupId: ctx.group.id, personId: row.personId });
  });
}
