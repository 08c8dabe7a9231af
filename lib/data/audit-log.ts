// Reading the audit log. Only the organization's organizers read it; to anyone else it does not
// exist. The page holds legal names, so every read is itself recorded ("audit.view").
//
// Queries do not grow with the number of entries: the page of entries (with the actor's name)
// is one query, the legal names of that page's people a second one via `in`, and the filter
// choices a fixed handful more. Groups are named from the filter's group list.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeOrganization, organizerOrganizationIds } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_PAGE_SIZE, formatCursor, type AuditFilters } from "@/lib/validations/audit";

export type AuditLogEntry = {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; name: string } | null;
  group: { id: string; name: string } | null;
  person: { id: string; legalName: string; erased: boolean } | null;
  details: Prisma.JsonValue | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function where(organizationId: string, filters: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [{ organizationId }];
  if (filters.action) and.push({ action: filters.action });
  if (filters.groupId) and.push({ groupId: filters.groupId });
  if (filters.personId) and.push({ personId: filters.personId });
  if (filters.actorId) and.push({ actorId: filters.actorId });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00.000Z`) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + DAY_MS) } });
  if (filters.before) {
    const { createdAt, id } = filters.before;
    and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  return { AND: and };
}

/** How many groups, actors and people the filter form offers at most, each. */
export const AUDIT_CHOICES_LIMIT = 50;

/**
 * One page of the audit log of an organization the user organizes (`filters.org`, else the
 * first by name), newest first, with the choices for the filter form. NOT_FOUND when the user
 * organizes none, or not `filters.org`.
 */
export async function listAuditEntries(user: CurrentUser, filters: AuditFilters) {
  const orgIds = await organizerOrganizationIds(user);
  if (orgIds.length === 0) throw new AppError("NOT_FOUND", "errors.notFound");
  if (filters.org !== undefined && !orgIds.includes(filters.org)) throw new AppError("NOT_FOUND", "errors.notFound");
  const organizations = await db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const organization = filters.org === undefined ? organizations[0] : organizations.find((o) => o.id === filters.org);
  if (!organization) throw new AppError("NOT_FOUND", "errors.notFound");
  const organizationId = organization.id;

  // The filter form's choices are bounded (AUDIT_CHOICES_LIMIT each, plus a flag when there are
  // more): an organization of hundreds of groups and thousands of people would otherwise send
  // them all with every page. Past the limit, the entries' own links filter by their group,
  // person or actor (docs/decisions/041).
  const [rows, actionRows, groupRows, actorRows, personRows] = await Promise.all([
    db.auditLog.findMany({
      where: where(organizationId, filters),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_PAGE_SIZE + 1,
      select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, groupId: true, personId: true, details: true, actor: { select: { id: true, name: true } } },
    }),
    // Actions are the code's own few kinds; DISTINCT in SQL sends one row each.
    db.$queryRaw<{ action: string }[]>`SELECT DISTINCT "action" FROM "AuditLog" WHERE "organizationId" = ${organizationId} ORDER BY "action"`,
    db.group.findMany({ where: { organizationId }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: AUDIT_CHOICES_LIMIT + 1 }),
    db.user.findMany({ where: { auditLogs: { some: { organizationId } } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: AUDIT_CHOICES_LIMIT + 1 }),
    // People the log names (an erased person has no name left to choose by).
    db.$queryRaw<{ id: string; legalName: string }[]>`
      SELECT p."id", p."legalName" FROM "Person" p
       WHERE p."organizationId" = ${organizationId} AND p."erasedAt" IS NULL
         AND EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."personId" = p."id")
       ORDER BY p."legalName", p."id" LIMIT ${AUDIT_CHOICES_LIMIT + 1}`,
  ]);

  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > AUDIT_PAGE_SIZE && last ? formatCursor(last) : null;

  // The people and groups named on this page, in one query each; only this organization's.
  const personIds = [...new Set(page.map((r) => r.personId).filter((v): v is string => v !== null))];
  const pageGroupIds = [...new Set(page.map((r) => r.groupId).filter((v): v is string => v !== null))];
  const [people, pageGroups] = await Promise.all([
    personIds.length ? db.person.findMany({ where: { organizationId, id: { in: personIds } }, select: { id: true, legalName: true, erasedAt: true } }) : [],
    pageGroupIds.length ? db.group.findMany({ where: { organizationId, id: { in: pageGroupIds } }, select: { id: true, name: true } }) : [],
  ]);
  const personById = new Map(people.map((p) => [p.id, { id: p.id, legalName: p.legalName, erased: p.erasedAt !== null }]));
  const groups = groupRows.slice(0, AUDIT_CHOICES_LIMIT);
  const actors = actorRows.slice(0, AUDIT_CHOICES_LIMIT);
  const groupById = new Map(pageGroups.map((g) => [g.id, g]));

  const entries: AuditLogEntry[] = page.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    actor: r.actor,
    group: r.groupId ? (groupById.get(r.groupId) ?? null) : null,
    person: r.personId ? (personById.get(r.personId) ?? null) : null,
    details: r.details,
  }));

  return {
    organizations,
    organization,
    entries,
    nextCursor,
    options: {
      actions: actionRows.map((r) => r.action),
      groups,
      actors,
      people: personRows.slice(0, AUDIT_CHOICES_LIMIT),
      /** Which lists were cut at AUDIT_CHOICES_LIMIT. */
      more: { groups: groupRows.length > AUDIT_CHOICES_LIMIT, actors: actorRows.length > AUDIT_CHOICES_LIMIT, people: personRows.length > AUDIT_CHOICES_LIMIT },
    },
  };
}

/** Reading the log shows legal names: the read is recorded like any other look at them. */
export async function recordAuditView(user: CurrentUser, organizationId: string, filters: AuditFilters) {
  await authorizeOrganization(user, organizationId);
  const shown = { action: filters.action, groupId: filters.groupId, personId: filters.personId, actorId: filters.actorId, from: filters.from, to: filters.to };
  const details = Object.fromEntries(Object.entries(shown).filter(([, v]) => v !== undefined)) as Record<string, string>;
  await writeAudit(db, { organizationId, actorId: user.id, action: "audit.view", entityType: "Organization", entityId: organizationId, details: { filters: details, page: filters.before ? "older" : "first" } });
}

