// Roster import from a CSV file (organizers). The file is checked twice by the same rules
// (lib/roster/validate.ts): once for the preview, which writes nothing, and again inside the
// import's transaction against the roster as it is then, so a preview that went stale cannot
// write a duplicate. The import is one transaction: all of it or none of it.
import "server-only";
import { todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeOrganization } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import { issueMemberInvitations, type IssuedInvitation } from "@/lib/data/invitations";
import { lockRoster } from "@/lib/data/people";
import { isUniqueViolation } from "@/lib/data/packs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeEmail, placeKey } from "@/lib/people/identity";
import { listOrganizedOrganizations } from "@/lib/data/organizations";
import { parseRosterCsv, type RosterFileError } from "@/lib/roster/csv";
import { checkRoster, type RosterCheck, type RosterRowResult, type RosterSnapshot } from "@/lib/roster/validate";

export type RosterImportMode = "validRows" | "allOrNothing";

type Client = Prisma.TransactionClient | typeof db;

/** The organizations the user organizes, and the one `orgId` names (else the first by name). */
export async function rosterOrganizations(user: CurrentUser, orgId?: string) {
  const organizations = await listOrganizedOrganizations(user);
  const organization = orgId === undefined ? organizations[0] : organizations.find((o) => o.id === orgId);
  if (!organization) throw new AppError("NOT_FOUND", "errors.notFound");
  const [groups, facilities] = await Promise.all([
    db.group.findMany({ where: { organizationId: organization.id, archivedAt: null }, select: { id: true, slug: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.facility.findMany({ where: { organizationId: organization.id }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  return { organizations, organization, groups, facilities };
}

async function snapshot(client: Client, organizationId: string): Promise<RosterSnapshot> {
  // One after another: inside a transaction the queries share one connection.
  const groups = await client.group.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, slug: true, name: true } });
  const facilities = await client.facility.findMany({ where: { organizationId }, select: { id: true, name: true } });
  const people = await client.person.findMany({
    where: { organizationId, erasedAt: null },
    select: { id: true, email: true, facilityId: true, idNumber: true, userId: true, memberships: { select: { groupId: true, penName: true } } },
  });
  return { groups, facilities, people };
}

export type RosterPreview = { ok: true; check: RosterCheck } | { ok: false; error: RosterFileError };

/**
 * Checks a file and writes nothing but the audit entry: the preview tells the organizer who is
 * already on the roster, which is itself a look at personal data.
 */
export async function previewRoster(user: CurrentUser, organizationId: string, csv: string): Promise<RosterPreview> {
  await authorizeOrganization(user, organizationId);
  const parsed = parseRosterCsv(csv);
  if (!parsed.ok) return parsed;
  const check = checkRoster(parsed.rows, await snapshot(db, organizationId));
  await writeAudit(db, { organizationId, actorId: user.id, action: "roster.preview", entityType: "Organization", entityId: organizationId, details: { ...check.counts } });
  return { ok: true, check };
}

export type RosterImportResult = { counts: RosterCheck["counts"]; invalidRows: number[]; invitations: (IssuedInvitation & { penName: string; groupName: string })[] };

type Importable = Exclude<RosterRowResult, { outcome: "invalid" }>;

/** The person's e-message service and identifier from an e-message row; nothing for the others. */
const reachedBy = (e: Importable["entry"]) => (e.emessage ? { emessageService: e.emessage.service, emessageContact: e.emessage.contact } : {});


/**
 * Imports the file: new people, their enrolments (with an ENROLLED event each) and, for online
 * members without a login, an invitation. `allOrNothing` refuses the whole file when any row is
 * invalid; `validRows` skips those rows. Rows already on the roster change nothing.
 */
export async function importRoster(user: CurrentUser, organizationId: string, csv: string, mode: RosterImportMode): Promise<RosterImportResult> {
  await authorizeOrganization(user, organizationId);
  const parsed = parseRosterCsv(csv);
  if (!parsed.ok) throw new AppError("INVALID", parsed.error.key);
  try {
    return await db.$transaction(
      async (tx) => {
        // One writer of the roster at a time (imports, and adding, transferring or releasing a
        // member), so two of them cannot both find a person missing and both create them.
        await lockRoster(tx, organizationId);
        const check = checkRoster(parsed.rows, await snapshot(tx, organizationId));
        const invalidRows = check.rows.filter((r) => r.outcome === "invalid").map((r) => r.row);
        if (mode === "allOrNothing" && invalidRows.length > 0) throw new AppError("CONFLICT", "roster.errors.notAllValid");
        const rows = check.rows.filter((r): r is Importable => r.outcome === "new" || r.outcome === "enrol");

        // New people: one per identity, from the first valid row that names them.
        const firstOf = new Map<string, Importable>();
        for (const r of rows) if ("newKey" in r.person && !firstOf.has(r.person.newKey)) firstOf.set(r.person.newKey, r);
        const created = firstOf.size
          ? await tx.person.createManyAndReturn({
              data: [...firstOf.values()].map(({ entry: e }) => ({ organizationId, legalName: e.legalName, email: e.email, facilityId: e.facilityId, idNumber: e.idNumber, housingUnit: e.housingUnit, locale: e.locale, ...reachedBy(e) })),
              select: { id: true, email: true, facilityId: true, idNumber: true },
            })
          : [];
        // Matched back by identity (email, else facility + ID number; each unique in the organization).
        const identity = (p: { email: string | null; facilityId: string | null; idNumber: string | null }) => (p.email ? `e:${normalizeEmail(p.email)}` : `f:${placeKey(p.facilityId!, p.idNumber!)}`);
        const createdId = new Map(created.map((p) => [identity(p), p.id]));
        const newIds = new Map([...firstOf.entries()].map(([key, r]) => [key, createdId.get(identity(r.entry))!]));
        const personIdOf = (r: Importable) => ("existingId" in r.person ? r.person.existingId : newIds.get(r.person.newKey)!);

        // People already on the roster: a language the file names fills one not yet set (a
        // choice made by staff is not overwritten by a file).
        for (const locale of ["EN", "ES"] as const) {
          const ids = rows.filter((r) => "existingId" in r.person && r.entry.locale === locale).map(personIdOf);
          if (ids.length > 0) await tx.person.updateMany({ where: { id: { in: ids }, locale: null }, data: { locale } });
        }

        // An e-message row (decision 049) gives the person its service and identifier, as adding
        // them by hand does: they live on the person; the file says how this group reaches them.
        // A person the file creates got them above, from the first row naming them.
        for (const r of rows) {
          if (r.entry.emessage && ("existingId" in r.person || firstOf.get(r.person.newKey) !== r)) await tx.person.update({ where: { id: personIdOf(r) }, data: reachedBy(r.entry) });
        }

        const members = await tx.member.createManyAndReturn({
          data: rows.map((r) => ({ groupId: r.entry.groupId, personId: personIdOf(r), channel: r.entry.channel, penName: r.entry.penName })),
          select: { id: true, personId: true, groupId: true },
        });
        // Enrolled today in the organization's time zone (lib/dates.ts).
        const { timeZone } = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true } });
        const today = todayDate(timeZone);
        // The e-message rows' events carry the channel and service, as the add form's do.
        const serviceOf = new Map(rows.filter((r) => r.entry.emessage).map((r) => [`${r.entry.groupId}|${personIdOf(r)}`, r.entry.emessage!.service]));
        await tx.personEvent.createMany({
          data: members.map((m) => {
            const service = serviceOf.get(`${m.groupId}|${m.personId}`);
            return { personId: m.personId, memberId: m.id, kind: "ENROLLED" as const, occurredOn: today, reason: "roster import", actorId: user.id, ...(service ? { details: { channel: "EMESSAGE", emessageService: service } } : {}) };
          }),
        });

        // Online members without a login get one invitation each (for the first group named).
        const invited = new Map<string, Importable>();
        for (const r of rows) {
          const personId = personIdOf(r);
          if (r.entry.channel === "ONLINE" && !r.hasLogin && r.entry.email && !invited.has(personId)) invited.set(personId, r);
        }
        const issued = await issueMemberInvitations(
          tx,
          organizationId,
          user.id,
          [...invited.entries()].map(([personId, r]) => ({ personId, groupId: r.entry.groupId, email: r.entry.email! })),
        );
        const byPerson = new Map([...invited.entries()]);
        await writeAudit(tx, { organizationId, actorId: user.id, action: "roster.import", entityType: "Organization", entityId: organizationId, details: { mode, ...check.counts, invitations: issued.length, emessage: serviceOf.size } });
        return {
          counts: check.counts,
          invalidRows,
          invitations: issued.map((i) => ({ ...i, penName: byPerson.get(i.personId)!.entry.penName, groupName: byPerson.get(i.personId)!.entry.groupName })),
        };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "roster.errors.changedMeanwhile");
    throw error;
  }
}
