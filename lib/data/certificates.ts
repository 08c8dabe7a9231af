// Certificates of completion (docs/decisions/047-certificates.md). Organizers issue them
// ("group.manage"); a certificate is a copy of what it prints, made at issue, so a re-print is
// the same page and /verify shows what the page says even after the course or the group changes.
//
// Completion follows the group's rule (GroupCertificateSettings; none = STATUS_COMPLETED): the
// member's status is COMPLETED, or they have a submitted response to every prompt of every
// published pack. Issuing, revoking, re-printing and delivery choices are written to the audit
// log in the same transaction as the change.
import "server-only";
import type { GroupContext } from "@/lib/authz";
import { generateCertificateCode } from "@/lib/certificates/code";
import { PRINTABLE, type PrintableCertificate } from "@/lib/certificates/in-packs";
import { writeAudit } from "@/lib/data/audit";
import { calendarDay, dayAsDate, todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CertificateDelivery, CompletionRule, Locale } from "@/lib/generated/prisma/enums";
import { canInGroup } from "@/lib/permissions";
import type { DeliveryInput, IssueInput, RevokeInput } from "@/lib/validations/certificate";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");
const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

function requireOrganizer(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "group.manage")) throw notFound();
}

export async function completionRuleOf(groupId: string): Promise<CompletionRule> {
  const row = await db.groupCertificateSettings.findUnique({ where: { groupId }, select: { completionRule: true } });
  return row?.completionRule ?? "STATUS_COMPLETED";
}

export async function setCompletionRule(ctx: GroupContext, rule: CompletionRule): Promise<{ rule: CompletionRule }> {
  requireOrganizer(ctx);
  await db.$transaction(async (tx) => {
    await tx.groupCertificateSettings.upsert({ where: { groupId: ctx.group.id }, create: { groupId: ctx.group.id, completionRule: rule }, update: { completionRule: rule } });
    await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "certificate.rule", entityType: "Group", entityId: ctx.group.id, groupId: ctx.group.id, details: { rule } });
  });
  return { rule };
}

type Progress = { memberId: string; packsCompleted: number; publishedPacks: number };

/**
 * Per member of the group: published packs whose every prompt they answered (submitted), out of
 * all published packs. A pack without prompts counts as answered by everyone.
 */
async function packProgress(groupId: string, memberIds: string[]): Promise<Map<string, Progress>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Progress[]>`
    WITH packs AS (
      SELECT p."id", count(pr."id")::int AS prompts
        FROM "Pack" p
        LEFT JOIN "PackLesson" pl ON pl."packId" = p."id"
        LEFT JOIN "Prompt" pr ON pr."lessonId" = pl."lessonId"
       WHERE p."groupId" = ${groupId} AND p."status" = 'PUBLISHED'
       GROUP BY p."id"),
    answered AS (
      SELECT r."memberId", r."packId", count(DISTINCT r."promptId")::int AS n
        FROM "Response" r JOIN packs ON packs."id" = r."packId"
       WHERE r."memberId" = ANY(${memberIds}) AND r."status" = 'SUBMITTED'
       GROUP BY r."memberId", r."packId")
    SELECT m."id" AS "memberId",
           count(packs."id") FILTER (WHERE coalesce(a.n, 0) >= packs.prompts)::int AS "packsCompleted",
           count(packs."id")::int AS "publishedPacks"
      FROM unnest(${memberIds}::text[]) AS m("id")
      CROSS JOIN packs
      LEFT JOIN answered a ON a."memberId" = m."id" AND a."packId" = packs."id"
     GROUP BY m."id"`;
  const map = new Map(rows.map((r) => [r.memberId, r]));
  for (const id of memberIds) if (!map.has(id)) map.set(id, { memberId: id, packsCompleted: 0, publishedPacks: 0 });
  return map;
}

function hasCompleted(rule: CompletionRule, status: string, progress: Progress): boolean {
  if (rule === "STATUS_COMPLETED") return status === "COMPLETED";
  return progress.publishedPacks > 0 && progress.packsCompleted === progress.publishedPacks;
}

export type CertificateRow = {
  id: string;
  code: string;
  memberId: string;
  penName: string;
  printedName: string;
  issuedAt: Date;
  completedOn: string;
  revokedAt: Date | null;
  revokedReason: string | null;
  delivery: CertificateDelivery;
  sentAt: Date | null;
};

export type EligibleMember = {
  id: string;
  penName: string;
  /** Only when the caller may see legal names ("member.viewPersonal"); the issue form's prefill. */
  legalName: string | null;
  status: string;
  packsCompleted: number;
  publishedPacks: number;
  completed: boolean;
  /** A certificate of this enrolment that is not revoked. */
  certified: boolean;
};

/** The group's certificates page: the rule, every current member with where they stand, and every certificate issued. */
export async function certificatesOfGroup(ctx: GroupContext) {
  requireOrganizer(ctx);
  const personal = canInGroup(ctx.roles, "member.viewPersonal");
  const [rule, members, certificates, last] = await Promise.all([
    completionRuleOf(ctx.group.id),
    db.member.findMany({
      where: { groupId: ctx.group.id, status: { in: ["ACTIVE", "PAUSED", "COMPLETED"] }, person: { erasedAt: null } },
      select: { id: true, penName: true, status: true, person: { select: { legalName: true } } },
      orderBy: [{ penName: "asc" }, { id: "asc" }],
    }),
    db.certificate.findMany({
      where: { groupId: ctx.group.id },
      select: { id: true, code: true, memberId: true, printedName: true, issuedAt: true, completedOn: true, revokedAt: true, revokedReason: true, delivery: true, sentAt: true, member: { select: { penName: true } } },
      orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
    }),
    db.certificate.findFirst({ where: { organizationId: ctx.group.organizationId }, orderBy: { issuedAt: "desc" }, select: { signerName: true, signerTitle: true } }),
  ]);
  const progress = await packProgress(ctx.group.id, members.map((m) => m.id));
  const certified = new Set(certificates.filter((c) => c.revokedAt === null).map((c) => c.memberId));
  if (personal && members.length > 0) {
    // Legal names are on this page (the issue form's prefill): a view of personal data is audited.
    await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "certificates.view", entityType: "Group", entityId: ctx.group.id, groupId: ctx.group.id });
  }
  return {
    rule,
    signer: { name: last?.signerName ?? "", title: last?.signerTitle ?? "" },
    members: members.map((m): EligibleMember => {
      const p = progress.get(m.id)!;
      return {
        id: m.id,
        penName: m.penName,
        legalName: personal ? m.person.legalName : null,
        status: m.status,
        packsCompleted: p.packsCompleted,
        publishedPacks: p.publishedPacks,
        completed: hasCompleted(rule, m.status, p),
        certified: certified.has(m.id),
      };
    }),
    certificates: certificates.map((c): CertificateRow => ({
      id: c.id,
      code: c.code,
      memberId: c.memberId,
      penName: c.member.penName,
      printedName: c.printedName,
      issuedAt: c.issuedAt,
      completedOn: calendarDay(c.completedOn, "UTC"),
      revokedAt: c.revokedAt,
      revokedReason: c.revokedReason,
      delivery: c.delivery,
      sentAt: c.sentAt,
    })),
  };
}

/** Issues a certificate to a member who has completed by the group's rule. */
export async function issueCertificate(ctx: GroupContext, input: IssueInput): Promise<{ id: string; code: string }> {
  requireOrganizer(ctx);
  const member = await db.member.findFirst({
    where: { id: input.memberId, groupId: ctx.group.id, person: { erasedAt: null } },
    select: {
      id: true,
      status: true,
      joinedAt: true,
      personId: true,
      person: { select: { locale: true } },
      group: { select: { course: { select: { title: true } }, organization: { select: { name: true } } } },
    },
  });
  if (!member) throw notFound();
  const [rule, progress] = await Promise.all([completionRuleOf(ctx.group.id), packProgress(ctx.group.id, [member.id])]);
  const p = progress.get(member.id)!;
  if (!hasCompleted(rule, member.status, p)) {
    throw new AppError("INVALID", rule === "STATUS_COMPLETED" ? "certificates.errors.notCompletedStatus" : "certificates.errors.notCompletedPacks");
  }
  const startedOn = dayAsDate(calendarDay(member.joinedAt, ctx.group.timeZone));
  const completedOn = input.completedOn ? dayAsDate(input.completedOn) : todayDate(ctx.group.timeZone);
  if (completedOn < startedOn) throw new AppError("INVALID", "certificates.errors.completedBeforeStart", { field: "values.completedOn" });
  const locale: Locale = member.person.locale ?? "EN";

  // A random code may, very rarely, be taken: try again with a new one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateCertificateCode();
    try {
      return await db.$transaction(async (tx) => {
        // One valid certificate per enrolment: the member row is locked so two organizers
        // issuing at once make one certificate and one clear refusal.
        await tx.$executeRaw`SELECT 1 FROM "Member" WHERE "id" = ${member.id} FOR UPDATE`;
        const existing = await tx.certificate.findFirst({ where: { memberId: member.id, revokedAt: null }, select: { id: true } });
        if (existing) throw new AppError("CONFLICT", "certificates.errors.alreadyIssued");
        const created = await tx.certificate.create({
          data: {
            code,
            organizationId: ctx.group.organizationId,
            groupId: ctx.group.id,
            memberId: member.id,
            printedName: input.printedName,
            courseTitle: member.group.course.title,
            organizationName: member.group.organization.name,
            packsCompleted: p.packsCompleted,
            hours: input.hours ?? null,
            startedOn,
            completedOn,
            signerName: input.signerName,
            signerTitle: input.signerTitle,
            locale,
            issuedById: ctx.user.id,
          },
          select: { id: true, code: true },
        });
        await writeAudit(tx, {
          organizationId: ctx.group.organizationId,
          actorId: ctx.user.id,
          action: "certificate.issue",
          entityType: "Certificate",
          entityId: created.id,
          groupId: ctx.group.id,
          personId: member.personId,
          details: { code, rule, packsCompleted: p.packsCompleted },
        });
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) continue;
      throw error;
    }
  }
  throw new AppError("CONFLICT", "certificates.errors.busy");
}

async function certificateOfGroup(ctx: GroupContext, certificateId: string) {
  const row = await db.certificate.findFirst({
    where: { id: certificateId, groupId: ctx.group.id },
    select: { id: true, code: true, revokedAt: true, member: { select: { personId: true } } },
  });
  if (!row) throw notFound();
  return row;
}

export async function revokeCertificate(ctx: GroupContext, input: RevokeInput): Promise<{ revokedAt: Date }> {
  requireOrganizer(ctx);
  const row = await certificateOfGroup(ctx, input.certificateId);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.certificate.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now, revokedById: ctx.user.id, revokedReason: input.reason } });
    if (count === 0) throw new AppError("CONFLICT", "certificates.errors.alreadyRevoked");
    await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "certificate.revoke", entityType: "Certificate", entityId: row.id, groupId: ctx.group.id, personId: row.member.personId, details: { code: row.code, reason: input.reason } });
  });
  return { revokedAt: now };
}

/** How the certificate goes out: with the member's next printed pack, or mailed alone (on a day). */
export async function setCertificateDelivery(ctx: GroupContext, input: DeliveryInput): Promise<{ delivery: CertificateDelivery }> {
  requireOrganizer(ctx);
  const row = await certificateOfGroup(ctx, input.certificateId);
  if (row.revokedAt) throw new AppError("CONFLICT", "certificates.errors.revoked");
  const now = new Date();
  const sentAt = input.delivery === "MAILED_ALONE" ? (input.mailedOn ? dayAsDate(input.mailedOn) : now) : null;
  await db.$transaction(async (tx) => {
    await tx.certificate.update({ where: { id: row.id }, data: { delivery: input.delivery, deliveryChosenAt: now, sentAt, sentWithPackId: null } });
    await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "certificate.delivery", entityType: "Certificate", entityId: row.id, groupId: ctx.group.id, personId: row.member.personId, details: { code: row.code, delivery: input.delivery } });
  });
  return { delivery: input.delivery };
}

/** A certificate to print again, exactly as issued (the re-print is audited). A revoked one is not printed. */
export async function certificateToPrint(ctx: GroupContext, certificateId: string): Promise<PrintableCertificate> {
  requireOrganizer(ctx);
  const row = await db.certificate.findFirst({ where: { id: certificateId, groupId: ctx.group.id }, select: { ...PRINTABLE, member: { select: { personId: true } } } });
  if (!row) throw notFound();
  if (row.revokedAt) throw new AppError("CONFLICT", "certificates.errors.revoked");
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "certificate.print", entityType: "Certificate", entityId: row.id, groupId: ctx.group.id, personId: row.member.personId, details: { code: row.code } });
  const { member: _member, ...printable } = row;
  return printable;
}
