// Certificates on paper (docs/decisions/047-certificates.md): what a certificate prints, as read
// from its row, and the certificates waiting to go with a member's next printed pack. Apart from
// lib/data/certificates.ts so that the pack loader (lib/packs/print-data.ts) and the print-run
// job import only this: no authorization, no user-facing errors, only rows named by id.
import "server-only";
import { formatCertificateCode } from "@/lib/certificates/code";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import type { PrintCertificate } from "@/lib/packs/pdf/certificate";

/** A certificate row as issued: what it prints, less the address to check it (made from the site's URL). */
export type PrintableCertificate = Omit<PrintCertificate, "verifyUrl" | "locale"> & { locale: Locale; revokedAt: Date | null };

export const PRINTABLE = {
  id: true, code: true, printedName: true, courseTitle: true, organizationName: true, packsCompleted: true, hours: true,
  startedOn: true, completedOn: true, signerName: true, signerTitle: true, locale: true, revokedAt: true,
} as const;

/**
 * Certificates waiting to go with a member's next printed pack ("include in next pack"), for
 * print-data.ts: not revoked, not sent yet. A one-member PDF prints them too but does not mark
 * them sent (it may be a look before printing); a finished print run does.
 */
export async function certificatesForNextPack(memberIds: string[], siteUrl: string): Promise<Map<string, PrintCertificate[]>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db.certificate.findMany({
    where: { memberId: { in: memberIds }, delivery: "NEXT_PACK", sentAt: null, revokedAt: null },
    select: { ...PRINTABLE, memberId: true },
    orderBy: { issuedAt: "asc" },
  });
  const map = new Map<string, PrintCertificate[]>();
  for (const { memberId, ...c } of rows) map.set(memberId, [...(map.get(memberId) ?? []), toPrintCertificate(c, siteUrl)]);
  return map;
}

/** Records that these certificates went out printed with pack `packId` (a print run that finished). */
export async function markCertificatesSentWithPack(tx: Prisma.TransactionClient, certificateIds: string[], packId: string): Promise<void> {
  if (certificateIds.length === 0) return;
  await tx.certificate.updateMany({ where: { id: { in: certificateIds }, sentAt: null, revokedAt: null }, data: { sentAt: new Date(), sentWithPackId: packId } });
}

/** The address printed under the code: the site's public URL + /verify/<code>. */
export function verificationUrl(siteUrl: string, code: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/verify/${formatCertificateCode(code)}`;
}

export function toPrintCertificate(c: PrintableCertificate, siteUrl: string): PrintCertificate {
  const { revokedAt: _revokedAt, ...printed } = c;
  return { ...printed, locale: c.locale === "ES" ? "ES" : "EN", verifyUrl: verificationUrl(siteUrl, c.code) };
}
