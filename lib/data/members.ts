// A group's members as staff manage them: mail members added by hand, transfers between
// facilities, and the switch from mail to online. History follows the person: a transfer is a
// PersonEvent with the old and new place, and deliveries keep the address they were mailed to.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { writeAudit } from "@/lib/data/audit";
import { isUniqueViolation } from "@/lib/data/packs";
import type { MailMemberInput, TransferInput } from "@/lib/validations/member";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

function assertStaff(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "member.viewPersonal")) throw notFound();
}

/** Members with their personal data (staff only; the caller records the look in the audit log). */
export async function listMembers(ctx: GroupContext) {
  assertStaff(ctx);
  return db.member.findMany({
    where: { groupId: ctx.group.id },
    select: {
      id: true,
      penName: true,
      channel: true,
      status: true,
      person: { select: { id: true, legalName: true, email: true, idNumber: true, housingUnit: true, facility: { select: { id: true, name: true } } } },
    },
    orderBy: [{ status: "asc" }, { penName: "asc" }],
  });
}

export async function listGroupFacilities(ctx: GroupContext) {
  return db.facility.findMany({ where: { organizationId: ctx.group.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

async function facilityOfOrg(ctx: GroupContext, facilityId: string) {
  const facility = await db.facility.findFirst({ where: { id: facilityId, organizationId: ctx.group.organizationId }, select: { id: true, name: true } });
  if (!facility) throw new AppError("INVALID", "members.validation.facilityRequired");
  return facility;
}

const today = () => new Date(new Date().toISOString().slice(0, 10));

export async function addMailMember(ctx: GroupContext, input: MailMemberInput) {
  if (!canInGroup(ctx.roles, "member.invite")) throw notFound();
  await facilityOfOrg(ctx, input.facilityId);
  try {
    return await db.$transaction(async (tx) => {
      // The same person (facility + ID number) may already be on the roster from another group.
      const person =
        (await tx.person.findFirst({ where: { organizationId: ctx.group.organizationId, facilityId: input.facilityId, idNumber: input.idNumber }, select: { id: true } })) ??
        (await tx.person.create({
          data: { organizationId: ctx.group.organizationId, legalName: input.legalName, facilityId: input.facilityId, idNumber: input.idNumber, housingUnit: input.housingUnit || null },
          select: { id: true },
        }));
      const member = await tx.member.create({ data: { groupId: ctx.group.id, personId: person.id, channel: "MAIL", penName: input.penName }, select: { id: true } });
      await tx.personEvent.create({ data: { personId: person.id, memberId: member.id, kind: "ENROLLED", occurredOn: today(), actorId: ctx.user.id } });
      await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.add", entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: person.id });
      return member;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "members.errors.duplicate");
    throw error;
  }
}

async function memberOfGroup(ctx: GroupContext, memberId: string) {
  const member = await db.member.findFirst({
    where: { id: memberId, groupId: ctx.group.id },
    select: { id: true, channel: true, personId: true, person: { select: { facilityId: true, idNumber: true, housingUnit: true, facility: { select: { name: true } } } } },
  });
  if (!member) throw notFound();
  return member;
}

/** A move to another facility or unit. The old place is kept in the person's history. */
export async function transferMember(ctx: GroupContext, memberId: string, input: TransferInput) {
  assertStaff(ctx);
  const member = await memberOfGroup(ctx, memberId);
  const facility = await facilityOfOrg(ctx, input.facilityId);
  try {
    await db.$transaction(async (tx) => {
      await tx.person.update({ where: { id: member.personId }, data: { facilityId: facility.id, idNumber: input.idNumber, housingUnit: input.housingUnit || null } });
      await tx.personEvent.create({
        data: {
          personId: member.personId,
          memberId: member.id,
          kind: "TRANSFERRED",
          occurredOn: new Date(`${input.occurredOn}T00:00:00Z`),
          reason: input.reason || null,
          actorId: ctx.user.id,
          details: {
            from: { facility: member.person.facility?.name ?? null, idNumber: member.person.idNumber, housingUnit: member.person.housingUnit },
            to: { facility: facility.name, idNumber: input.idNumber, housingUnit: input.housingUnit || null },
          },
        },
      });
      await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.transfer", entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: member.personId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "members.errors.idTaken");
    throw error;
  }
}

/**
 * Mail → online (release) or back. Every response, delivery and version stays with the member;
 * only the channel of future packs changes. (Inviting them to sign in is a roster task.)
 */
export async function switchChannel(ctx: GroupContext, memberId: string, channel: "ONLINE" | "MAIL") {
  assertStaff(ctx);
  const member = await memberOfGroup(ctx, memberId);
  if (member.channel === channel) return;
  await db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { channel } });
    await tx.personEvent.create({ data: { personId: member.personId, memberId: member.id, kind: channel === "ONLINE" ? "RELEASED" : "TRANSFERRED", occurredOn: today(), actorId: ctx.user.id, details: { channel } } });
  });
}

/** A member's history of moves, for the member page. */
export async function listPersonEvents(ctx: GroupContext, memberId: string) {
  assertStaff(ctx);
  const member = await memberOfGroup(ctx, memberId);
  return db.personEvent.findMany({ where: { personId: member.personId }, orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], select: { id: true, kind: true, occurredOn: true, reason: true, details: true } });
}
