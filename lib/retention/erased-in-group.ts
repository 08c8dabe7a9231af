// How many people of a group have been erased: read before something is made from the group's data
// (a print run, e-messages) and again in the transaction that stores it, so that an erasure in
// between is noticed and nothing made from the data before it is kept.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export function erasedInGroup(client: Pick<Prisma.TransactionClient, "person">, groupId: string): Promise<number> {
  return client.person.count({ where: { erasedAt: { not: null }, memberships: { some: { groupId } } } });
}
