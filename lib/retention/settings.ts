// An organization's retention settings (docs/decisions/039): read and changed by its organizers
// only, every change written to the audit log with the values before and after.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import type { OrganizationContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import type { RetentionSettingsValues } from "@/lib/validations/retention";

const select = { printRunRetentionDays: true, scanRetentionDays: true } as const;

/** The settings of an organization the user organizes; NOT_FOUND otherwise. */
export async function getRetentionSettings(user: CurrentUser, organizationId: string): Promise<RetentionSettingsValues> {
  const found = await db.organization.findFirst({ where: { id: organizationId, organizers: { some: { userId: user.id } } }, select });
  if (!found) throw new AppError("NOT_FOUND", "errors.notFound");
  return found;
}

export async function saveRetentionSettings(ctx: OrganizationContext, values: RetentionSettingsValues): Promise<RetentionSettingsValues> {
  const orgId = ctx.organization.id;
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: orgId }, select });
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    const saved = await tx.organization.update({
      where: { id: orgId },
      data: { printRunRetentionDays: values.printRunRetentionDays, scanRetentionDays: values.scanRetentionDays },
      select,
    });
    await writeAudit(tx, { organizationId: orgId, actorId: ctx.user.id, action: "organization.retention", entityType: "Organization", entityId: orgId, details: { before, after: saved } });
    return saved;
  });
}
