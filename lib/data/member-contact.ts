// Members' contact details as staff keep them (docs/decisions/028): adding an online member by
// name and e-mail (they get an invitation), and correcting personal details recorded wrong.
//
// A correction is history, not an overwrite: each one is a DETAILS_CORRECTED PersonEvent with
// the fields' values before and after, who made it and why, written with the change and an audit
// entry (which names the fields, never their values) in one transaction. Erasure clears those
// details with the rest of the person's events (lib/data/member-data.ts).
//
// The roster e-mail is where invitations go. A member who can sign in keeps their sign-in
// address: staff cannot change how someone else signs in (with a reset link, that would hand
// over the account).
import "server-only";
import { todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canInGroup, MEMBER_STATUSES_WITH_ACCESS } from "@/lib/permissions";
import type { GroupContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { assertGroupOpen } from "@/lib/data/group-archive";
import { issueMemberInvitations, type GroupInvitation } from "@/lib/data/invitations";
import { isUniqueViolation } from "@/lib/data/packs";
import { findPersonByEmail, findPersonByIdNumber, lockRoster } from "@/lib/data/people";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberDetailsValues, OnlineMemberValues } from "@/lib/validations/member-contact";

type Tx = Prisma.TransactionClient;

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");
/** Today in the group's organization (lib/dates.ts). */
const today = (ctx: GroupContext) => todayDate(ctx.group.timeZone);

/** A pen name nobody in the group has yet, e.g. "Reader 4821". */
async function freePenName(tx: Tx, groupId: string): Promise<string> {
  for (;;) {
    const candidate = `Reader ${1000 + Math.floor(Math.random() * 9000)}`;
    const taken = await tx.member.findUnique({ where: { groupId_penName: { groupId, penName: candidate } }, select: { id: true } });
    if (!taken) return candidate;
  }
}

export type AddedOnlineMember = { memberId: string; penName: string; person: "new" | "existing"; canSignIn: boolean; invitation: GroupInvitation | null };

/**
 * Adds an online member and invites them. Someone of the organization's roster with this e-mail
 * (from another group) is enrolled as they are; someone already in this group is refused. A
 * person who can already sign in needs no invitation: the group is theirs at once.
 */
export async function addOnlineMember(ctx: GroupContext, values: OnlineMemberValues): Promise<AddedOnlineMember> {
  if (!canInGroup(ctx.roles, "member.invite")) throw notFound();
  await assertGroupOpen(ctx.group.id);
  const organizationId = ctx.group.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      await lockRoster(tx, organizationId);
      const existing = await findPersonByEmail(tx, organizationId, values.email);
      if (existing && (await tx.member.findUnique({ where: { groupId_personId: { groupId: ctx.group.id, personId: existing.id } }, select: { id: true } }))) {
        throw new AppError("CONFLICT", "members.errors.emailInGroup", { field: "values.email" });
      }
      if (values.penName && (await tx.member.findUnique({ where: { groupId_penName: { groupId: ctx.group.id, penName: values.penName } }, select: { id: true } }))) {
        throw new AppError("CONFLICT", "members.errors.penNameInGroup", { field: "values.penName" });
      }
      const person = existing
        ? await tx.person.findUniqueOrThrow({ where: { id: existing.id }, select: { id: true, userId: true } })
        : await tx.person.create({ data: { organizationId, legalName: values.legalName, email: values.email }, select: { id: true, userId: true } });
      const penName = values.penName || (await freePenName(tx, ctx.group.id));
      const member = await tx.member.create({ data: { groupId: ctx.group.id, personId: person.id, channel: "ONLINE", penName }, select: { id: true } });
      await tx.personEvent.create({ data: { personId: person.id, memberId: member.id, kind: "ENROLLED", occurredOn: today(ctx), actorId: ctx.user.id } });
      await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "member.add", entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: person.id, details: { channel: "ONLINE" } });
      const base = { memberId: member.id, penName, person: existing ? ("existing" as const) : ("new" as const) };
      if (person.userId) return { ...base, canSignIn: true, invitation: null };
      const [issued] = await issueMemberInvitations(tx, organizationId, ctx.user.id, [{ personId: person.id, groupId: ctx.group.id, email: values.email }]);
      return { ...base, canSignIn: false, invitation: { ...issued!, penName, groupName: ctx.group.name } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "members.errors.duplicate");
    throw error;
  }
}

const CORRECTABLE = ["legalName", "email", "idNumber", "housingUnit"] as const;
type Field = (typeof CORRECTABLE)[number];

export type Correction = { changed: Field[]; invitation: GroupInvitation | null };

/**
 * Corrects the member's legal name, e-mail, ID number or unit. Unchanged fields are left alone;
 * nothing changed writes nothing. An ID number needs a facility, and stays unique there; an
 * e-mail stays unique in the organization. A member without a login whose invitation is still
 * open gets a new one at the corrected address (the old link stops working). Allowed in an
 * archived group: a person's right to have their details put right does not end with the group.
 */
export async function correctMemberDetails(ctx: GroupContext, memberId: string, values: MemberDetailsValues): Promise<Correction> {
  if (!canInGroup(ctx.roles, "member.viewPersonal")) throw notFound();
  const organizationId = ctx.group.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      await lockRoster(tx, organizationId);
      const member = await tx.member.findFirst({
        where: { id: memberId, groupId: ctx.group.id },
        select: {
          id: true,
          penName: true,
          status: true,
          channel: true,
          person: { select: { id: true, userId: true, legalName: true, email: true, idNumber: true, housingUnit: true, facilityId: true, erasedAt: true } },
        },
      });
      if (!member) throw notFound();
      const person = member.person;
      if (person.erasedAt) throw new AppError("CONFLICT", "roster.erase.already");

      const next: Record<Field, string | null> = {
        legalName: values.legalName,
        email: values.email || null,
        idNumber: values.idNumber || null,
        housingUnit: values.housingUnit || null,
      };
      const changed = CORRECTABLE.filter((field) => (person[field] ?? null) !== next[field]);
      if (changed.length === 0) return { changed, invitation: null };

      if (changed.includes("email")) {
        if (next.email === null && member.channel === "ONLINE" && !person.userId) throw new AppError("INVALID", "members.validation.emailRequired", { field: "values.email" });
        if (next.email && (await findPersonByEmail(tx, organizationId, next.email, { except: person.id }))) throw new AppError("CONFLICT", "members.errors.emailTaken", { field: "values.email" });
      }
      if (changed.includes("idNumber") || changed.includes("housingUnit")) {
        // A number or unit belongs to a facility: a member with none (online) has neither.
        if (!person.facilityId && (next.idNumber || next.housingUnit)) throw new AppError("INVALID", "members.validation.noFacility", { field: next.idNumber ? "values.idNumber" : "values.housingUnit" });
        if (person.facilityId && !next.idNumber) throw new AppError("INVALID", "members.validation.idRequired", { field: "values.idNumber" });
        if (person.facilityId && next.idNumber && (await findPersonByIdNumber(tx, organizationId, person.facilityId, next.idNumber, { except: person.id }))) {
          throw new AppError("CONFLICT", "members.errors.idTaken", { field: "values.idNumber" });
        }
      }

      await tx.person.update({ where: { id: person.id }, data: Object.fromEntries(changed.map((f) => [f, next[f]])) });
      await tx.personEvent.create({
        data: {
          personId: person.id,
          memberId: member.id,
          kind: "DETAILS_CORRECTED",
          occurredOn: today(ctx),
          reason: values.reason || null,
          actorId: ctx.user.id,
          details: Object.fromEntries(changed.map((f) => [f, { from: person[f] ?? null, to: next[f] }])),
        },
      });
      await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "member.correct", entityType: "Person", entityId: person.id, groupId: ctx.group.id, personId: person.id, details: { fields: changed } });

      // The open link was made out to the old address: a new one goes to the corrected one.
      let invitation: GroupInvitation | null = null;
      const hasAccess = (MEMBER_STATUSES_WITH_ACCESS as readonly string[]).includes(member.status);
      if (changed.includes("email") && next.email && !person.userId && hasAccess && member.channel === "ONLINE") {
        const open = await tx.invitation.count({ where: { personId: person.id, groupId: ctx.group.id, role: "MEMBER", acceptedAt: null, revokedAt: null } });
        if (open > 0) {
          const [issued] = await issueMemberInvitations(tx, organizationId, ctx.user.id, [{ personId: person.id, groupId: ctx.group.id, email: next.email }]);
          invitation = { ...issued!, penName: member.penName, groupName: ctx.group.name };
        }
      }
      return { changed: [...changed], invitation };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "members.errors.duplicate");
    throw error;
  }
}

/** The corrections' before and after, for the member's history (staff only, as the page is). */
export type CorrectionDetails = Partial<Record<Field, { from: string | null; to: string | null }>>;
