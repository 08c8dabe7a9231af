// What /verify/<code> may say about a certificate (docs/decisions/047-certificates.md): the
// printed name, the course, the organization, the completion date, and whether and when it was
// revoked. Nothing else is selected from the database, so nothing else can leak into the page:
// no facility, ID number, housing unit, legal name, pen name, group, reason for revoking.
//
// A malformed code, an unknown code and the certificate of an erased person get the same answer
// ("no certificate with this code"). Every lookup of an existing code is written to its
// organization's audit log; an unknown code has no organization to file it under, and the
// rate limiter's row (lib/certificates/lookup-throttle.ts) is its only trace.
import "server-only";
import { parseCertificateCode } from "@/lib/certificates/code";
import { writeAudit } from "@/lib/data/audit";
import { calendarDay } from "@/lib/dates";
import { db } from "@/lib/db";

export type Verification =
  | { found: false }
  | { found: true; code: string; printedName: string; courseTitle: string; organizationName: string; completedOn: string; revokedOn: string | null };

export async function verifyCertificate(typed: string): Promise<Verification> {
  const code = parseCertificateCode(typed);
  if (!code) return { found: false };
  const row = await db.certificate.findUnique({
    where: { code },
    select: { id: true, organizationId: true, groupId: true, printedName: true, courseTitle: true, organizationName: true, completedOn: true, revokedAt: true, organization: { select: { timeZone: true } } },
  });
  // An erased person's certificate keeps its code (never reused) but has no name to show.
  if (!row || row.printedName === "") return { found: false };
  await writeAudit(db, { organizationId: row.organizationId, actorId: null, action: "certificate.verify", entityType: "Certificate", entityId: row.id, groupId: row.groupId, details: { code, revoked: row.revokedAt !== null } });
  return {
    found: true,
    code,
    printedName: row.printedName,
    courseTitle: row.courseTitle,
    organizationName: row.organizationName,
    completedOn: calendarDay(row.completedOn, "UTC"),
    revokedOn: row.revokedAt ? calendarDay(row.revokedAt, row.organization.timeZone) : null,
  };
}
