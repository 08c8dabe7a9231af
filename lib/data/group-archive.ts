// Whether a group is archived, for the writes an archived group refuses (decision 023). Its own
// small module so that lib/data/packs.ts can ask without importing group management.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Whether the group is archived (the entry layer's context does not carry it). */
export async function isGroupArchived(groupId: string): Promise<boolean> {
  const group = await db.group.findUnique({ where: { id: groupId }, select: { archivedAt: true } });
  return Boolean(group?.archivedAt);
}

/** Refuses a change to an archived group with a plain message; the caller then does nothing. */
export async function assertGroupOpen(groupId: string): Promise<void> {
  if (await isGroupArchived(groupId)) throw new AppError("CONFLICT", "errors.groupArchived");
}
