// A group's members as staff manage them: mail and e-message members added by hand, transfers between
// facilities, and the switch from mail to online. History follows the person: a transfer is a
// PersonEvent with the old and new place, and deliveries keep the address they were mailed to.
// Lifecycle changes (pause, resume, complete, withdraw) and moves between groups are
// PersonEvents too, each written with the status change and an audit entry in one transaction.
//
// A person is found as the roster import finds them (lib/roster/validate.ts): by facility + ID
// number compared by key (lib/people/identity.ts), under the organization's roster lock. So
// adding "a-123" by hand enrols the "A123" a roster file brought in, rather than making a
// second person with the same number; and a transfer cannot give someone another person's number.
import "server-only";
import { todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canInGroup } from "@/lib/permissions";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { isUniqueViolation } from "@/lib/data/packs";
import { MEMBER_CHANGES, MOVABLE_STATUSES, type MailMemberInput, type MoveInput, type ReleaseInput, type StatusChangeInput, type TransferInput } from "@/lib/validations/member";
import { issueMemberInvitations, type GroupInvitation } from "@/lib/data/invitations";
import { findPersonByEmail, findPersonByIdNumber, lockRoster } from "@/lib/data/people";
import { checkIdNumber, normalizeEmail } from "@/lib/people/identity";
import { MEMBER_STATUSES_WITH_ACCESS } from "@/lib/permissions";
import { emessageChannelSchema, type EmessageChannelValues } from "@/lib/validations/emessage";

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
      endedAt: true,
      movedTo: { select: { group: { select: { name: true } } } },
      person: { select: { id: true, legalName: true, email: true, idNumber: true, housingUnit: true, emessageService: true, emessageContact: true, erasedAt: true, facility: { select: { id: true, name: true } } } },
    },
    orderBy: [{ status: "asc" }, { penName: "asc" }],
  });
}

/** The members page: the list with personal data, and the look recorded in the audit log. */
export async function viewMembers(ctx: GroupContext) {
  const members = await listMembers(ctx);
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "members.view", entityType: "Group", entityId: ctx.group.id, groupId: ctx.group.id });
  return members;
}

export async function listGroupFacilities(ctx: GroupContext) {
  return db.facility.findMany({ where: { organizationId: ctx.group.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

async function facilityOfOrg(ctx: GroupContext, facilityId: string) {
  const facility = await db.facility.findFirst({ where: { id: facilityId, organizationId: ctx.group.organizationId }, select: { id: true, name: true } });
  if (!facility) throw new AppError("INVALID", "members.validation.facilityRequired");
  return facility;
}

/** Today in the group's organization (lib/dates.ts). */
const today = (ctx: GroupContext) => todayDate(ctx.group.timeZone);

/** The ID number as stored (the form's schema tidied it already; a direct caller may not have). */
function storedIdNumber(raw: string): string {
  const checked = checkIdNumber(raw);
  if (!checked.ok) throw new AppError("INVALID", checked.problem === "tooLong" ? "members.validation.tooLong" : "members.validation.idInvalid", { field: "values.idNumber" });
  if (checked.value === "") throw new AppError("INVALID", "members.validation.idRequired", { field: "values.idNumber" });
  return checked.value;
}

/**
 * Adds a mail member. When the facility + ID number is a person already on the organization's
 * roster (from another group or a roster file), that person is enrolled and their record is
 * left as it is (`person: "existing"`), as the roster import does; when they are already in
 * this group, nothing changes and the answer is CONFLICT (the import's "already on the roster").
 */
export async function addMailMember(ctx: GroupContext, input: MailMemberInput): Promise<{ id: string; person: "new" | "existing" }> {
  return addMember(ctx, input, null);
}

/**
 * Adds a member who gets packs by mail or, with `emessage`, by prison e-message (docs/decisions/049),
 * in one transaction: the person (or the one already on the roster by facility + ID number), the
 * enrolment, an ENROLLED event and a "member.add" audit entry; for e-message also the service and
 * identifier on the person (as the switch writes them; a person already on the roster gets the
 * new ones, the channel being how this group reaches them), the channel and service in the
 * event's details, and the "member.channel" audit entry the switch would write. Any refusal
 * writes nothing.
 */
export async function addMember(ctx: GroupContext, input: MailMemberInput, emessage: EmessageChannelValues | null): Promise<{ id: string; person: "new" | "existing" }> {
  if (!canInGroup(ctx.roles, "member.invite")) throw notFound();
  await facilityOfOrg(ctx, input.facilityId);
  const idNumber = storedIdNumber(input.idNumber);
  const reached = emessage ? checkedEmessage(emessage) : null;
  const organizationId = ctx.group.organizationId;
  const channel = reached ? "EMESSAGE" : "MAIL";
  try {
    return await db.$transaction(async (tx) => {
      await lockRoster(tx, organizationId);
      const existing = await findPersonByIdNumber(tx, organizationId, input.facilityId, idNumber);
      if (existing && (await tx.member.findUnique({ where: { groupId_personId: { groupId: ctx.group.id, personId: existing.id } }, select: { id: true } }))) {
        throw new AppError("CONFLICT", "members.errors.alreadyInGroup", { field: "values.idNumber" });
      }
      const reachedBy = reached ? { emessageService: reached.service, emessageContact: reached.contact } : {};
      const person = existing
        ? reached
          ? await tx.person.update({ where: { id: existing.id }, data: reachedBy, select: { id: true } })
          : existing
        : await tx.person.create({
            data: { organizationId, legalName: input.legalName, facilityId: input.facilityId, idNumber, housingUnit: input.housingUnit || null, ...reachedBy },
            select: { id: true },
          });
      const member = await tx.member.create({ data: { groupId: ctx.group.id, personId: person.id, channel, penName: input.penName }, select: { id: true } });
      await tx.personEvent.create({
        data: { personId: person.id, memberId: member.id, kind: "ENROLLED", occurredOn: today(ctx), actorId: ctx.user.id, ...(reached ? { details: { channel, emessageService: reached.service } } : {}) },
      });
      const audit = { organizationId, actorId: ctx.user.id, entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: person.id };
      await writeAudit(tx, { ...audit, action: "member.add", ...(reached ? { details: { channel } } : {}) });
      if (reached) await writeAudit(tx, { ...audit, action: "member.channel", details: { to: channel, from: null } });
      return { id: member.id, person: existing ? "existing" : "new" };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "members.errors.duplicate");
    throw error;
  }
}

/** The service and identifier as stored (the form's schema checked them; a direct caller may not have). */
function checkedEmessage(emessage: EmessageChannelValues): EmessageChannelValues {
  const checked = emessageChannelSchema.safeParse(emessage);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  throw new AppError("INVALID", issue?.message ?? "emessage.validation.contactInvalid", { field: `values.${String(issue?.path[0] ?? "contact")}` });
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
  const idNumber = storedIdNumber(input.idNumber);
  try {
    await db.$transaction(async (tx) => {
      await lockRoster(tx, ctx.group.organizationId);
      if (await findPersonByIdNumber(tx, ctx.group.organizationId, facility.id, idNumber, { except: member.personId })) {
        throw new AppError("CONFLICT", "members.errors.idTaken", { field: "values.idNumber" });
      }
      await tx.person.update({ where: { id: member.personId }, data: { facilityId: facility.id, idNumber, housingUnit: input.housingUnit || null } });
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
            to: { facility: facility.name, idNumber, housingUnit: input.housingUnit || null },
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
 * Mail → online (release) or back, and mail or online ⇄ e-message (docs/decisions/045). Every
 * response, delivery and version stays with the member; only the channel of future packs
 * changes. (Inviting them to sign in is a roster task.) E-message needs the service and the
 * member's identifier in it, kept on the person like the ID number (sensitive, audited); they
 * stay on the person after a switch back to mail, so switching again does not retype them.
 */
export async function switchChannel(ctx: GroupContext, memberId: string, channel: "ONLINE" | "MAIL" | "EMESSAGE", emessage?: EmessageChannelValues) {
  assertStaff(ctx);
  const member = await memberOfGroup(ctx, memberId);
  if (channel === "EMESSAGE" && !emessage) throw new AppError("INVALID", "emessage.validation.contactRequired", { field: "values.contact" });
  if (member.channel === channel && channel !== "EMESSAGE") return;
  await db.$transaction(async (tx) => {
    if (member.channel !== channel) await tx.member.update({ where: { id: member.id }, data: { channel } });
    if (channel === "EMESSAGE" && emessage) await tx.person.update({ where: { id: member.personId }, data: { emessageService: emessage.service, emessageContact: emessage.contact } });
    await tx.personEvent.create({
      data: {
        personId: member.personId,
        memberId: member.id,
        kind: channel === "ONLINE" ? "RELEASED" : "TRANSFERRED",
        occurredOn: today(ctx),
        actorId: ctx.user.id,
        details: channel === "EMESSAGE" && emessage ? { channel, from: { channel: member.channel }, emessageService: emessage.service } : { channel, from: { channel: member.channel } },
      },
    });
    await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.channel", entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: member.personId, details: { to: channel, from: member.channel } });
  });
}

/** A member's history of moves, for the member page. */
export async function listPersonEvents(ctx: GroupContext, memberId: string) {
  assertStaff(ctx);
  const member = await memberOfGroup(ctx, memberId);
  return db.personEvent.findMany({ where: { personId: member.personId }, orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], select: { id: true, kind: true, occurredOn: true, reason: true, details: true } });
}

const dateOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The timelines of the given people (history follows the person, across their enrolments), with
 * the name of whoever recorded each event. Only people enrolled in this group.
 */
export async function listMemberHistories(ctx: GroupContext, personIds: string[]) {
  assertStaff(ctx);
  const events = await db.personEvent.findMany({
    where: { personId: { in: personIds }, person: { organizationId: ctx.group.organizationId, memberships: { some: { groupId: ctx.group.id } } } },
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    select: { id: true, personId: true, kind: true, occurredOn: true, reason: true, actorId: true, details: true },
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, a.name || a.email]));
  const byPerson = new Map<string, { id: string; kind: string; occurredOn: Date; reason: string | null; actor: string | null; changes: CorrectionChange[] }[]>();
  for (const e of events) {
    const list = byPerson.get(e.personId) ?? [];
    const changes = e.kind === "DETAILS_CORRECTED" ? correctionChanges(e.details) : [];
    list.push({ id: e.id, kind: e.kind, occurredOn: e.occurredOn, reason: e.reason, actor: e.actorId ? (names.get(e.actorId) ?? null) : null, changes });
    byPerson.set(e.personId, list);
  }
  return byPerson;
}

export type CorrectionChange = { field: string; from: string | null; to: string | null };

/** A correction's before and after (lib/data/member-contact.ts); none once erased (details cleared). */
function correctionChanges(details: unknown): CorrectionChange[] {
  if (!details || typeof details !== "object") return [];
  return Object.entries(details as Record<string, { from?: unknown; to?: unknown }>).map(([field, v]) => ({
    field,
    from: typeof v?.from === "string" ? v.from : null,
    to: typeof v?.to === "string" ? v.to : null,
  }));
}

/**
 * Pause, resume, complete or withdraw an enrolment. The status moves only along
 * MEMBER_CHANGES; anything else (or a change that lost a race) is a CONFLICT and writes nothing.
 */
export async function changeMemberStatus(ctx: GroupContext, memberId: string, input: StatusChangeInput) {
  assertStaff(ctx);
  const member = await memberOfGroup(ctx, memberId);
  const rule = MEMBER_CHANGES[input.change];
  const ends = rule.to === "WITHDRAWN" || rule.to === "COMPLETED";
  await db.$transaction(async (tx) => {
    // The status check and the update are one statement, so two staff cannot both apply a change.
    const { count } = await tx.member.updateMany({
      where: { id: member.id, groupId: ctx.group.id, status: { in: [...rule.from] } },
      data: { status: rule.to, ...(ends ? { endedAt: dateOf(input.occurredOn) } : rule.to === "ACTIVE" ? { endedAt: null } : {}) },
    });
    if (count === 0) throw new AppError("CONFLICT", "members.errors.changeNotAllowed");
    await tx.personEvent.create({
      data: { personId: member.personId, memberId: member.id, kind: rule.to === "ACTIVE" ? "RESUMED" : rule.to, occurredOn: dateOf(input.occurredOn), reason: input.reason || null, actorId: ctx.user.id },
    });
    await writeAudit(tx, {
      organizationId: ctx.group.organizationId,
      actorId: ctx.user.id,
      action: `member.${input.change}`,
      entityType: "Member",
      entityId: member.id,
      groupId: ctx.group.id,
      personId: member.personId,
      details: { to: rule.to },
    });
  });
}

/** Other open groups of the organization a member could move to (organizers only). */
export async function listMoveTargets(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "roster.manage")) return [];
  return db.group.findMany({
    where: { organizationId: ctx.group.organizationId, archivedAt: null, id: { not: ctx.group.id } },
    select: { id: true, name: true, level: true },
    orderBy: [{ level: "asc" }, { name: "asc" }],
  });
}

/**
 * Move an enrolment to another group of the same organization (e.g. introductory → advanced):
 * a new Member row there, and the old one becomes MOVED, pointing at it. Responses, deliveries
 * and feedback stay on the old enrolment, and so with the person. Organizers only, in both
 * groups; a group of another organization is NOT_FOUND.
 */
export async function moveMember(ctx: GroupContext, memberId: string, input: MoveInput) {
  if (!canInGroup(ctx.roles, "roster.manage")) throw notFound();
  const member = await memberOfGroup(ctx, memberId);
  const target = await db.group.findFirst({
    where: { id: input.targetGroupId, organizationId: ctx.group.organizationId, archivedAt: null },
    select: { id: true, slug: true, name: true },
  });
  if (!target) throw notFound();
  const targetCtx = await loadGroupContext(ctx.user, target.slug);
  if (!targetCtx || !canInGroup(targetCtx.roles, "roster.manage")) throw notFound();
  if (target.id === ctx.group.id) throw new AppError("CONFLICT", "members.errors.sameGroup");
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.member.findUniqueOrThrow({ where: { id: member.id }, select: { status: true, penName: true, channel: true } });
      if (!(MOVABLE_STATUSES as readonly string[]).includes(current.status)) throw new AppError("CONFLICT", "members.errors.changeNotAllowed");
      if (await tx.member.findFirst({ where: { groupId: target.id, personId: member.personId }, select: { id: true } })) throw new AppError("CONFLICT", "members.errors.alreadyInTarget");
      if (await tx.member.findFirst({ where: { groupId: target.id, penName: input.penName }, select: { id: true } })) throw new AppError("CONFLICT", "members.errors.penNameTaken", { field: "values.penName" });
      const moved = await tx.member.create({ data: { groupId: target.id, personId: member.personId, channel: current.channel, penName: input.penName }, select: { id: true } });
      const { count } = await tx.member.updateMany({
        where: { id: member.id, status: { in: [...MOVABLE_STATUSES] } },
        data: { status: "MOVED", movedToId: moved.id, endedAt: dateOf(input.occurredOn) },
      });
      if (count === 0) throw new AppError("CONFLICT", "members.errors.changeNotAllowed");
      await tx.personEvent.create({
        data: {
          personId: member.personId,
          memberId: member.id,
          kind: "MOVED",
          occurredOn: dateOf(input.occurredOn),
          reason: input.reason || null,
          actorId: ctx.user.id,
          details: { from: { groupId: ctx.group.id, group: ctx.group.name, memberId: member.id, penName: current.penName }, to: { groupId: target.id, group: target.name, memberId: moved.id, penName: input.penName } },
        },
      });
      await writeAudit(tx, {
        organizationId: ctx.group.organizationId,
        actorId: ctx.user.id,
        action: "member.move",
        entityType: "Member",
        entityId: member.id,
        groupId: ctx.group.id,
        personId: member.personId,
        details: { toGroupId: target.id, toMemberId: moved.id },
      });
      return moved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "members.errors.moveConflict");
    throw error;
  }
}

/**
 * Release from prison: the person's mail enrolments become online ones, the facility, ID number
 * and unit leave the active record (kept in the RELEASED event's details, with the date, the
 * reason and who recorded it), and — unless they can already sign in — they get an invitation
 * to the email given. Every response, delivery and feedback stays with their enrolments, so
 * once signed in they see what they wrote by letter. One transaction.
 */
export async function releaseMember(ctx: GroupContext, memberId: string, input: ReleaseInput): Promise<{ invitation: GroupInvitation | null }> {
  assertStaff(ctx);
  const member = await db.member.findFirst({
    where: { id: memberId, groupId: ctx.group.id },
    select: { id: true, channel: true, status: true, penName: true, personId: true, person: { select: { userId: true, email: true, idNumber: true, housingUnit: true, emessageService: true, emessageContact: true, facility: { select: { id: true, name: true } } } } },
  });
  if (!member) throw notFound();
  if (member.channel === "ONLINE" || !(MEMBER_STATUSES_WITH_ACCESS as readonly string[]).includes(member.status)) throw new AppError("CONFLICT", "roster.release.notAllowed");
  const email = normalizeEmail(input.email);
  try {
    return await db.$transaction(async (tx) => {
      await lockRoster(tx, ctx.group.organizationId);
      if (await findPersonByEmail(tx, ctx.group.organizationId, email, { except: member.personId })) throw new AppError("CONFLICT", "roster.release.emailTaken", { field: "values.email" });
      const { count } = await tx.member.updateMany({ where: { id: member.id, channel: { in: ["MAIL", "EMESSAGE"] } }, data: { channel: "ONLINE" } });
      if (count === 0) throw new AppError("CONFLICT", "roster.release.notAllowed");
      // Their other current enrolments follow: a released person gets no more paper anywhere.
      await tx.member.updateMany({ where: { personId: member.personId, channel: { in: ["MAIL", "EMESSAGE"] }, status: { in: [...MEMBER_STATUSES_WITH_ACCESS] } }, data: { channel: "ONLINE" } });
      await tx.person.update({ where: { id: member.personId }, data: { email, facilityId: null, idNumber: null, housingUnit: null, emessageService: null, emessageContact: null } });
      await tx.personEvent.create({
        data: {
          personId: member.personId,
          memberId: member.id,
          kind: "RELEASED",
          occurredOn: dateOf(input.occurredOn),
          reason: input.reason || null,
          actorId: ctx.user.id,
          details: {
            channel: "ONLINE",
            from: { facility: member.person.facility?.name ?? null, facilityId: member.person.facility?.id ?? null, idNumber: member.person.idNumber, housingUnit: member.person.housingUnit, channel: member.channel, emessageService: member.person.emessageService, emessageContact: member.person.emessageContact },
            email,
          },
        },
      });
      await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.release", entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: member.personId });
      if (member.person.userId) return { invitation: null };
      const [issued] = await issueMemberInvitations(tx, ctx.group.organizationId, ctx.user.id, [{ personId: member.personId, groupId: ctx.group.id, email }]);
      return { invitation: { ...issued!, penName: member.penName, groupName: ctx.group.name } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "roster.release.emailTaken", { field: "values.email" });
    throw error;
  }
}
