// An organization's characters per message for each e-message service (docs/decisions/045):
// its own figure where set (EmessageServiceLimit), the default of lib/emessage/services.ts
// otherwise. Read by its organizers on the Settings page and by the messages page when a pack
// is cut; changed by organizers only, each change in the audit log with before and after.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import type { OrganizationContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { EMESSAGE_SERVICES, limitsWith, type EmessageServiceName } from "@/lib/emessage/services";
import type { EmessageLimitsValues } from "@/lib/validations/emessage";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The limits in force for an organization (no authorization: callers scoped the organization). */
export async function emessageLimitsOf(client: Prisma.TransactionClient | typeof db, organizationId: string): Promise<Record<EmessageServiceName, number>> {
  return limitsWith(await client.emessageServiceLimit.findMany({ where: { organizationId }, select: { service: true, charsPerMessage: true } }));
}

/** The Settings page: an organization the user organizes; NOT_FOUND otherwise. */
export async function getEmessageLimits(user: CurrentUser, organizationId: string) {
  const found = await db.organization.findFirst({ where: { id: organizationId, organizers: { some: { userId: user.id } } }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "errors.notFound");
  return emessageLimitsOf(db, organizationId);
}

/** Every service's figure is stored, so a later change of a default does not move a figure an organizer saw and kept. */
export async function saveEmessageLimits(ctx: OrganizationContext, values: EmessageLimitsValues) {
  const organizationId = ctx.organization.id;
  return db.$transaction(async (tx) => {
    const before = await emessageLimitsOf(tx, organizationId);
    for (const service of EMESSAGE_SERVICES) {
      await tx.emessageServiceLimit.upsert({
        where: { organizationId_service: { organizationId, service } },
        create: { organizationId, service, charsPerMessage: values[service] },
        update: { charsPerMessage: values[service] },
      });
    }
    const after = await emessageLimitsOf(tx, organizationId);
    const changed = EMESSAGE_SERVICES.filter((s) => before[s] !== after[s]);
    await writeAudit(tx, { organizationId, actorId: ctx.user.id, action: "organization.emessageLimits", entityType: "Organization", entityId: organizationId, details: { changed, before, after } });
    return after;
  });
}
