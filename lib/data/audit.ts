// The audit log: who looked at or exported personal data, and who changed roles.
// Written inside the same transaction as the change it records, so neither exists alone.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  organizationId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  groupId?: string | null;
  personId?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      groupId: entry.groupId ?? null,
      personId: entry.personId ?? null,
      details: entry.details,
    },
  });
}
