// A member's own data: the detail page staff see, the export of everything the organization
// holds about the person, and erasure.
//
// Erasure keeps what the group was given and removes the rest: responses stay, as a "former
// member", only where their writer consented to share them (the response's own choice, or the
// member's preference when the response has none); every other response goes with its versions
// and scans. The legal name, email, facility, ID number and unit are cleared (Person.erasedAt),
// the login is disabled and anonymized, and audit entries about the person stay — without their
// details, which may hold personal data. All of it in one transaction.
//
// Files go with the rows (docs/decisions/039): the person's scans, and the PDF of every print run
// of their groups, which may print them or quote them (the run's record stays, saying why its PDF
// is gone; the group prints again if it still needs one). Their rows are deleted in the
// transaction and their bytes right after it, before this function returns; a print run still
// being made finds the erasure when it finishes (lib/jobs/print-run-job.ts) and keeps no PDF.
// E-messages are text kept in rows, and go the same way (lib/retention/emessage-text.ts): the
// person's pasted replies are blanked, and so is every message of their groups that was theirs or
// names them; one never sent is deleted, to be made again under the neutral pen name.
// Nothing else holding personal data is stored: exports and one member's pack PDF are made when
// asked for and never kept.
import "server-only";
import { todayDate } from "@/lib/dates";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canInGroup, MEMBER_STATUSES_WITH_ACCESS } from "@/lib/permissions";
import type { GroupContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { deleteStoredBytes, removePrintRunPdfs } from "@/lib/retention/stored-files";
import { removeEmessageText } from "@/lib/retention/emessage-text";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

async function personOfMember(ctx: GroupContext, memberId: string) {
  const member = await db.member.findFirst({ where: { id: memberId, groupId: ctx.group.id }, select: { id: true, personId: true, penName: true } });
  if (!member) throw notFound();
  return member;
}

/**
 * The member page: personal data, enrolments, login and invitation state. Staff of the group
 * only; the look is recorded here, where the data is read.
 */
export async function getMemberDetail(ctx: GroupContext, memberId: string) {
  if (!canInGroup(ctx.roles, "member.viewPersonal")) throw notFound();
  const member = await db.member.findFirst({
    where: { id: memberId, groupId: ctx.group.id },
    select: {
      id: true,
      penName: true,
      channel: true,
      status: true,
      sharingPreference: true,
      joinedAt: true,
      endedAt: true,
      movedTo: { select: { group: { select: { name: true, slug: true } } } },
      person: {
        select: {
          id: true,
          legalName: true,
          email: true,
          idNumber: true,
          housingUnit: true,
          emessageService: true,
          emessageContact: true,
          locale: true,
          erasedAt: true,
          createdAt: true,
          facility: { select: { id: true, name: true } },
          user: { select: { email: true, disabledAt: true, createdAt: true } },
          memberships: { select: { id: true, status: true, channel: true, penName: true, group: { select: { name: true, slug: true } } }, orderBy: { joinedAt: "asc" } },
          invitations: { where: { groupId: ctx.group.id, role: "MEMBER", acceptedAt: null, revokedAt: null }, select: { id: true, email: true, expiresAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
        },
      },
      _count: { select: { responses: true, deliveries: true } },
    },
  });
  if (!member) throw notFound();
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.view", entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: member.person.id });
  const { invitations, ...person } = member.person;
  return { ...member, person, invitation: invitations[0] ?? null };
}

/**
 * Everything the organization holds about the person behind this enrolment, across its groups:
 * roster entry, login, enrolments with their deliveries (and e-messages), responses with every
 * version, feedback, replies, pasted e-message replies, certificates, scans (names only), history
 * and invitations. Organizers only; recorded.
 */
export async function exportMemberData(ctx: GroupContext, memberId: string) {
  if (!canInGroup(ctx.roles, "member.exportData")) throw notFound();
  const { personId } = await personOfMember(ctx, memberId);
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    select: {
      id: true,
      legalName: true,
      email: true,
      idNumber: true,
      housingUnit: true,
      emessageService: true,
      emessageContact: true,
      createdAt: true,
      erasedAt: true,
      facility: { select: { name: true, addressLines: true } },
      user: { select: { email: true, name: true, locale: true, emailNotifications: true, createdAt: true, disabledAt: true } },
      events: { select: { kind: true, occurredOn: true, reason: true, details: true, createdAt: true }, orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }] },
      invitations: { select: { email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true, group: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      memberships: {
        orderBy: { joinedAt: "asc" },
        select: {
          group: { select: { name: true, slug: true } },
          channel: true,
          status: true,
          penName: true,
          sharingPreference: true,
          sharingConsentAt: true,
          joinedAt: true,
          endedAt: true,
          deliveries: {
            orderBy: { createdAt: "asc" },
            select: {
              pack: { select: { number: true, title: true } },
              channel: true,
              status: true,
              mailedTo: true,
              events: { select: { status: true, occurredOn: true, reason: true, note: true }, orderBy: { createdAt: "asc" } },
              emessageParts: { select: { number: true, total: true, body: true, sentAt: true, removedAt: true }, orderBy: { number: "asc" } },
            },
          },
          responses: {
            orderBy: { createdAt: "asc" },
            select: {
              pack: { select: { number: true } },
              prompt: { select: { text: true } },
              status: true,
              source: true,
              body: true,
              draftBody: true,
              shared: true,
              submittedAt: true,
              receivedOn: true,
              hiddenAt: true,
              hiddenReason: true,
              versions: { select: { version: true, body: true, createdAt: true }, orderBy: { version: "asc" } },
              feedback: { select: { body: true, createdAt: true, author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
              replies: { select: { body: true, createdAt: true, member: { select: { penName: true } } }, orderBy: { createdAt: "asc" } },
              scans: { select: { createdAt: true, file: { select: { filename: true, contentType: true, byteSize: true } } } },
            },
          },
          replies: { select: { body: true, createdAt: true, hiddenAt: true, response: { select: { pack: { select: { number: true } }, prompt: { select: { text: true } } } } }, orderBy: { createdAt: "asc" } },
          emessageReplies: { select: { receivedOn: true, body: true, outsideText: true, createdAt: true, removedAt: true }, orderBy: { createdAt: "asc" } },
          certificates: { select: { code: true, printedName: true, courseTitle: true, completedOn: true, issuedAt: true, revokedAt: true }, orderBy: { issuedAt: "asc" } },
        },
      },
    },
  });
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.export", entityType: "Person", entityId: personId, groupId: ctx.group.id, personId });
  return { exportedAt: new Date().toISOString(), organization: ctx.group.organizationId, person };
}

export type EraseResult = { keptResponses: number; deletedResponses: number };

/**
 * Erases the person behind this enrolment (see the top of this file). `confirmation` must be the
 * pen name, typed. Organizers only.
 */
export async function eraseMember(ctx: GroupContext, memberId: string, confirmation: string): Promise<EraseResult> {
  if (!canInGroup(ctx.roles, "member.erase")) throw notFound();
  const member = await personOfMember(ctx, memberId);
  if (confirmation.trim() !== member.penName) throw new AppError("INVALID", "roster.erase.confirmationWrong", { field: "values.confirmation" });
  const personId = member.personId;
  const now = new Date();
  const { result, storageKeys } = await db.$transaction(
    async (tx) => {
      const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { erasedAt: true, userId: true, email: true, legalName: true, user: { select: { email: true } }, memberships: { select: { id: true, groupId: true, penName: true, sharingPreference: true } } } });
      if (person.erasedAt) throw new AppError("CONFLICT", "roster.erase.already");
      const memberIds = person.memberships.map((m) => m.id);
      const preference = new Map(person.memberships.map((m) => [m.id, m.sharingPreference]));
      const responses = await tx.response.findMany({ where: { memberId: { in: memberIds } }, select: { id: true, memberId: true, shared: true, scans: { select: { fileId: true, file: { select: { storageKey: true } } } } } });
      const consented = (r: (typeof responses)[number]) => r.shared === true || (r.shared === null && preference.get(r.memberId) === "GROUP");
      const keep = responses.filter(consented).map((r) => r.id);
      const drop = responses.filter((r) => !consented(r)).map((r) => r.id);

      // Print runs of the person's groups: a run that printed them holds their legal name, ID
      // number and address on every page, and any run of the group may quote them under their
      // pen name (featured responses, replies). Their PDFs go; the runs are locked first, so a
      // run finishing now either links its PDF before this reads it (and it goes here) or waits
      // and then sees the erasure (lib/jobs/print-run-job.ts).
      const groupIds = [...new Set(person.memberships.map((m) => m.groupId))];
      const runs = await tx.$queryRaw<{ id: string; fileId: string | null }[]>`
        SELECT r."id", r."fileId" FROM "PrintRun" r JOIN "Pack" p ON p."id" = r."packId"
        WHERE p."groupId" = ANY(${groupIds}) ORDER BY r."id" FOR UPDATE OF r`;
      const runKeys = await removePrintRunPdfs(tx, runs.filter((r) => r.fileId !== null).map((r) => r.id), "ERASURE", now);

      // E-messages are kept as text: the person's replies, and messages that were theirs or name them.
      const emessages = await removeEmessageText(tx, { memberIds, groupIds, names: [person.legalName, ...person.memberships.map((m) => m.penName)] }, now);

      // Scans are letters with the name and ID on them: they go, whether the text stays or not.
      const scans = responses.flatMap((r) => r.scans);
      await tx.responseScan.deleteMany({ where: { responseId: { in: responses.map((r) => r.id) } } });
      const fileIds = scans.map((s) => s.fileId);
      const stillUsed = await tx.responseScan.findMany({ where: { fileId: { in: fileIds } }, select: { fileId: true } });
      const freeFiles = scans.filter((s) => !stillUsed.some((u) => u.fileId === s.fileId));
      await tx.storedFile.deleteMany({ where: { id: { in: freeFiles.map((s) => s.fileId) } } });

      await tx.featuredResponse.deleteMany({ where: { responseId: { in: drop } } });
      await tx.response.deleteMany({ where: { id: { in: drop } } });
      await tx.response.updateMany({ where: { id: { in: keep } }, data: { draftBody: null } });

      // Enrolments stay (kept responses need a writer) under a neutral pen name, and end.
      for (const m of person.memberships) {
        await tx.member.update({ where: { id: m.id }, data: { penName: `Former member ${randomUUID().slice(0, 8)}`, sharingConsentById: null } });
      }
      await tx.member.updateMany({ where: { id: { in: memberIds }, status: { in: [...MEMBER_STATUSES_WITH_ACCESS] } }, data: { status: "WITHDRAWN", endedAt: now } });
      await tx.delivery.updateMany({ where: { memberId: { in: memberIds } }, data: { mailedTo: Prisma.DbNull } });
      await tx.deliveryEvent.updateMany({ where: { delivery: { memberId: { in: memberIds } } }, data: { note: null } });
      await tx.personEvent.updateMany({ where: { personId }, data: { details: Prisma.DbNull, reason: null } });
      await tx.invitation.updateMany({ where: { personId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
      await tx.invitation.updateMany({ where: { personId }, data: { email: `erased-${personId}@erased.invalid` } });
      await tx.auditLog.updateMany({ where: { personId }, data: { details: Prisma.DbNull } });
      // Certificates (docs/decisions/047): revoked, and the printed name blanked, so /verify
      // answers as for an unknown code. The rows stay so that a code is never issued twice.
      await tx.certificate.updateMany({ where: { memberId: { in: memberIds }, revokedAt: null }, data: { revokedAt: now, revokedById: ctx.user.id } });
      await tx.certificate.updateMany({ where: { memberId: { in: memberIds } }, data: { printedName: "", revokedReason: "erasure" } });

      // Sign-in attempts (lib/auth/throttle.ts) name the e-mail and the address it came from.
      const emails = [person.email, person.user?.email].filter((e): e is string => Boolean(e));
      if (emails.length > 0) await tx.signInAttempt.deleteMany({ where: { email: { in: emails } } });
      if (person.userId) {
        await tx.user.update({
          where: { id: person.userId },
          data: { email: `erased-${person.userId}@erased.invalid`, name: "Former member", passwordHash: null, disabledAt: now, sessions: { deleteMany: {} }, passwordResets: { deleteMany: {} } },
        });
        await tx.notification.deleteMany({ where: { userId: person.userId } });
      }
      await tx.person.update({ where: { id: personId }, data: { legalName: "", email: null, facilityId: null, idNumber: null, housingUnit: null, emessageService: null, emessageContact: null, erasedAt: now, userId: null } });
      await tx.personEvent.create({ data: { personId, memberId: member.id, kind: "ERASED", occurredOn: todayDate(ctx.group.timeZone, now), actorId: ctx.user.id } });
      const result = { keptResponses: keep.length, deletedResponses: drop.length };
      await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.erase", entityType: "Person", entityId: personId, groupId: ctx.group.id, personId, details: { ...result, scanFilesRemoved: freeFiles.length, printRunPdfsRemoved: runKeys.length, ...emessages } });
      return { result, storageKeys: [...freeFiles.map((s) => s.file.storageKey), ...runKeys] };
    },
    { timeout: 60_000 },
  );
  // The bytes go after the rows: a failed delete leaves an unreferenced file, never a dangling row.
  await deleteStoredBytes(storageKeys, "erasure");
  return result;
}
