// An organization's own settings. Only its organizers read or change them; to anyone else the
// organization does not exist. Changes apply from the next print and to facilities added later.
// The postage settings (paper and envelope weight, rate table) feed the print run's estimate.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import type { OrganizationContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { parseRates } from "@/lib/packs/postage";
import type { OrganizationSettingsValues } from "@/lib/validations/organization";

const select = {
  id: true,
  name: true,
  returnAddressLines: true,
  defaultMaxPagesPerEnvelope: true,
  defaultNameAndIdOnEveryPage: true,
  defaultImagesAllowed: true,
  defaultTurnaroundDays: true,
  timeZone: true,
  paperGramsPerSheet: true,
  envelopeGrams: true,
  postageCurrency: true,
  postageRates: true,
  updatedAt: true,
} as const;

/** The organizations the user organizes, by name: the choice on organization-wide pages. */
export async function listOrganizedOrganizations(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  return db.organization.findMany({ where: { organizers: { some: { userId: user.id } } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/**
 * The organizations the user organizes (for a choice when there are several) and the settings
 * of one of them: `orgId` when given, else the first by name. NOT_FOUND when the user organizes
 * none, or not `orgId`.
 */
export async function getOrganizationSettings(user: CurrentUser, orgId?: string) {
  const organizations = await listOrganizedOrganizations(user);
  const chosen = orgId === undefined ? organizations[0] : organizations.find((o) => o.id === orgId);
  if (!chosen) throw new AppError("NOT_FOUND", "errors.notFound");
  const { postageRates, ...organization } = await db.organization.findUniqueOrThrow({ where: { id: chosen.id }, select });
  return { organizations, organization: { ...organization, postageRates: parseRates(postageRates) } };
}

/** Field by field, never the input spread: what the form may change and nothing else. */
function data(values: OrganizationSettingsValues) {
  return {
    name: values.name,
    returnAddressLines: values.returnAddress,
    defaultMaxPagesPerEnvelope: values.defaultMaxPagesPerEnvelope,
    defaultNameAndIdOnEveryPage: values.defaultNameAndIdOnEveryPage,
    defaultImagesAllowed: values.defaultImagesAllowed,
    defaultTurnaroundDays: values.defaultTurnaroundDays,
    ...(values.timeZone !== undefined ? { timeZone: values.timeZone } : {}),
    paperGramsPerSheet: values.paperGramsPerSheet,
    envelopeGrams: values.envelopeGrams,
    postageCurrency: values.postageCurrency,
    postageRates: values.postageRates.map((row) => ({ upToGrams: row.upToGrams, price: row.price })),
  };
}

export async function saveOrganizationSettings(ctx: OrganizationContext, values: OrganizationSettingsValues) {
  const { organization: { id: orgId }, user } = ctx;
  const next = data(values);
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: orgId }, select });
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
    const saved = await tx.organization.update({ where: { id: orgId }, data: next, select });
    await writeAudit(tx, { organizationId: orgId, actorId: user.id, action: "organization.update", entityType: "Organization", entityId: orgId, details: { changed } });
    return saved;
  });
}
