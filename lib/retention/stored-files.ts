// Removing stored files that hold personal data: a print run's PDF (every printed member's legal
// name, ID number and address) and a scan (a letter in the writer's hand). Used by erasure
// (lib/data/member-data.ts), by a print run that finishes after one of its members was erased
// (lib/jobs/print-run-job.ts) and by the daily retention job (lib/retention/apply.ts).
//
// The rows go inside the caller's transaction; the bytes after it commits (deleteStoredBytes), so
// a failure leaves an unreferenced object, never a row pointing at nothing. Such a leftover is
// removed by the daily sweep (lib/retention/sweep.ts) once it is older than its grace period.
// A print run keeps its record (who printed what, for "mark as mailed") and says why its PDF
// is gone (docs/decisions/039).
import "server-only";
import type { Prisma, PrintRunFileRemoval } from "@/lib/generated/prisma/client";
import { STORAGE_DELETE_LOCK_SQL } from "@/lib/backup/storage-lock";
import { db } from "@/lib/db";
import { storage } from "@/lib/storage";

/** Deletes the PDFs of these runs (those that still have one); returns their storage keys. */
export async function removePrintRunPdfs(tx: Prisma.TransactionClient, runIds: string[], reason: PrintRunFileRemoval, now: Date = new Date()): Promise<string[]> {
  if (runIds.length === 0) return [];
  const runs = await tx.printRun.findMany({ where: { id: { in: runIds }, fileId: { not: null } }, select: { id: true, fileId: true, file: { select: { storageKey: true } } } });
  if (runs.length === 0) return [];
  await tx.printRun.updateMany({ where: { id: { in: runs.map((r) => r.id) } }, data: { fileId: null, fileRemovedAt: now, fileRemovedReason: reason } });
  const fileIds = runs.map((r) => r.fileId!);
  // A print run's file is its own; one that something else still points at stays.
  await tx.storedFile.deleteMany({ where: { id: { in: fileIds }, printRuns: { none: {} }, scans: { none: {} }, readings: { none: {} } } });
  const kept = new Set((await tx.storedFile.findMany({ where: { id: { in: fileIds } }, select: { id: true } })).map((f) => f.id));
  return runs.filter((r) => !kept.has(r.fileId!)).map((r) => r.file!.storageKey);
}

/**
 * Deletes these scan files with every link to them (the responses and their text stay);
 * returns their storage keys.
 */
export async function removeScanFiles(tx: Prisma.TransactionClient, fileIds: string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const files = await tx.storedFile.findMany({ where: { id: { in: fileIds }, printRuns: { none: {} }, readings: { none: {} } }, select: { id: true, storageKey: true } });
  const ids = files.map((f) => f.id);
  await tx.responseScan.deleteMany({ where: { fileId: { in: ids } } });
  await tx.storedFile.deleteMany({ where: { id: { in: ids } } });
  return files.map((f) => f.storageKey);
}

/**
 * Deletes the bytes of rows already gone; a failure is logged and left to the sweep. Returns how
 * many went. While a backup copies the stored files these deletes wait for it (the shared side of
 * the lock in lib/backup/storage-lock.ts), so a backup never misses a file its database names.
 */
export async function deleteStoredBytes(keys: string[], what: string): Promise<number> {
  if (keys.length === 0) return 0;
  let deleted = 0;
  const deleteAll = async () => {
    for (const key of keys) {
      try {
        await storage().delete(key);
        deleted += 1;
      } catch (error) {
        console.error(`${what}: ${key} was not deleted from storage; the daily sweep will remove it`, error);
      }
    }
  };
  try {
    // A backup of a large installation copies its files for minutes: wait as long.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(STORAGE_DELETE_LOCK_SQL);
      await deleteAll();
    }, { maxWait: 10_000, timeout: 30 * 60_000 });
  } catch (error) {
    // No lock (the database is away): the bytes stay for the sweep rather than risk a backup.
    console.error(`${what}: ${keys.length - deleted} stored file(s) left for the daily sweep`, error);
  }
  return deleted;
}
