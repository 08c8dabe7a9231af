// Finding a person of an organization by who they are (lib/people/identity.ts), for the writers
// of the roster: the roster import, adding a mail member, a transfer, a release. No
// authorization here: the callers have checked the caller's role and pass their transaction.
//
// An ID number is stored as written ("A-123") and matched by its key ("A123"), which no
// database index holds; so every writer first takes the organization's roster lock, and the
// look-up and the write that follows cannot interleave with another writer's.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idNumberKey, normalizeEmail } from "@/lib/people/identity";

type Tx = Prisma.TransactionClient;

/** One writer of the organization's roster at a time, until the transaction ends. */
export async function lockRoster(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roster:${organizationId}`}))`;
}

/**
 * The person (not erased) at this facility whose ID number has the same key, if any. Reads the
 * facility's people of the organization with an ID number: a few thousand short rows at the
 * largest scale planned (PRODUCT.md), on the facility's index.
 */
export async function findPersonByIdNumber(tx: Tx, organizationId: string, facilityId: string, idNumber: string, options: { except?: string } = {}): Promise<{ id: string; idNumber: string } | null> {
  const key = idNumberKey(idNumber);
  if (key === "") return null;
  const people = await tx.person.findMany({
    where: { organizationId, facilityId, idNumber: { not: null }, erasedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    select: { id: true, idNumber: true },
  });
  const found = people.find((p) => idNumberKey(p.idNumber!) === key);
  return found ? { id: found.id, idNumber: found.idNumber! } : null;
}

/** The person of the organization with this e-mail (stored normalized, so the index finds it). */
export async function findPersonByEmail(tx: Tx, organizationId: string, email: string, options: { except?: string } = {}): Promise<{ id: string } | null> {
  const key = normalizeEmail(email);
  if (key === "") return null;
  return tx.person.findFirst({ where: { organizationId, email: key, ...(options.except ? { id: { not: options.except } } : {}) }, select: { id: true } });
}
