// Facilities (prisons and other institutions) and their mail rules. Organizers manage them; a
// rule change applies from the next print, because PDFs read the rules when they are made.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { organizerOrganizationIds, type OrganizationContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { isUniqueViolation } from "@/lib/data/packs";
import { addressLines, type FacilityValues } from "@/lib/validations/facility";

const select = { id: true, organizationId: true, name: true, addressLines: true, maxPagesPerEnvelope: true, nameAndIdOnEveryPage: true, imagesAllowed: true, notes: true, updatedAt: true } as const;

/** Facilities of the organizations the user organizes, with how many people live there. */
export async function listFacilities(user: CurrentUser) {
  const orgIds = await organizerOrganizationIds(user);
  return db.facility.findMany({ where: { organizationId: { in: orgIds } }, select: { ...select, _count: { select: { people: true } } }, orderBy: { name: "asc" } });
}

export async function getFacility(user: CurrentUser, id: string) {
  const orgIds = await organizerOrganizationIds(user);
  const facility = await db.facility.findFirst({ where: { id, organizationId: { in: orgIds } }, select });
  if (!facility) throw new AppError("NOT_FOUND", "errors.notFound");
  return facility;
}

function data(values: FacilityValues) {
  return {
    name: values.name,
    addressLines: addressLines(values.address),
    maxPagesPerEnvelope: values.maxPagesPerEnvelope === "" ? null : values.maxPagesPerEnvelope,
    nameAndIdOnEveryPage: values.nameAndIdOnEveryPage,
    imagesAllowed: values.imagesAllowed,
    notes: values.notes,
  };
}

/** Creates a facility, or with `id` updates one, in the organization the context was authorized for. */
export async function saveFacility(ctx: OrganizationContext, input: { id?: string; values: FacilityValues }) {
  const { organization: { id: organizationId }, user } = ctx;
  try {
    return await db.$transaction(async (tx) => {
      if (input.id && !(await tx.facility.findFirst({ where: { id: input.id, organizationId: organizationId }, select: { id: true } }))) {
        throw new AppError("NOT_FOUND", "errors.notFound");
      }
      const saved = input.id
        ? await tx.facility.update({ where: { id: input.id }, data: data(input.values), select })
        : await tx.facility.create({ data: { organizationId, ...data(input.values) }, select });
      await writeAudit(tx, { organizationId, actorId: user.id, action: input.id ? "facility.update" : "facility.create", entityType: "Facility", entityId: saved.id });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "facilities.errors.nameTaken");
    throw error;
  }
}
