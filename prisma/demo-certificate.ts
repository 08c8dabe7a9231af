// Demo data for certificates (issue 20, docs/decisions/047-certificates.md), called from seed.ts
// inside its transaction: Samuel ("Quiet River", advanced group, by mail) has completed the
// course and holds a certificate, mailed alone, which anyone can check at /verify/RVRS-DEM2-Q26H.
import type { Prisma } from "../lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** A fixed, valid code (its check character is right), so the README can name it. */
export const DEMO_CERTIFICATE_CODE = "RVRSDEM2Q26H";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const dateOnly = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);

export async function seedDemoCertificate(tx: Tx): Promise<void> {
  const group = await tx.group.findUniqueOrThrow({ where: { slug: "advanced" }, select: { id: true, organizationId: true, course: { select: { title: true } }, organization: { select: { name: true, organizers: { select: { userId: true }, take: 1 } } } } });
  const member = await tx.member.findUniqueOrThrow({ where: { groupId_penName: { groupId: group.id, penName: "Quiet River" } }, select: { id: true, personId: true, joinedAt: true } });
  const organizerId = group.organization.organizers[0]?.userId ?? null;
  await tx.member.update({ where: { id: member.id }, data: { status: "COMPLETED", endedAt: daysAgo(3) } });
  const packs = await tx.pack.count({ where: { groupId: group.id, status: "PUBLISHED" } });
  const certificate = await tx.certificate.create({
    data: {
      code: DEMO_CERTIFICATE_CODE,
      organizationId: group.organizationId,
      groupId: group.id,
      memberId: member.id,
      printedName: "Samuel A. Okafor",
      courseTitle: group.course.title,
      organizationName: group.organization.name,
      packsCompleted: packs,
      hours: 24,
      startedOn: dateOnly(daysAgo(120)),
      completedOn: dateOnly(daysAgo(3)),
      signerName: "Olivia Ortega",
      signerTitle: "Program Coordinator",
      locale: "EN",
      issuedAt: daysAgo(2),
      issuedById: organizerId,
      delivery: "MAILED_ALONE",
      deliveryChosenAt: daysAgo(1),
      sentAt: daysAgo(1),
    },
    select: { id: true },
  });
  await tx.auditLog.create({
    data: { organizationId: group.organizationId, actorId: organizerId, action: "certificate.issue", entityType: "Certificate", entityId: certificate.id, groupId: group.id, personId: member.personId, details: { code: DEMO_CERTIFICATE_CODE }, createdAt: daysAgo(2) },
  });
}
