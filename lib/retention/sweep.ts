// The sweep of unreferenced files: what the database no longer points at goes from storage too.
//
// Bytes are written before their row commits (lib/data/scans.ts, lib/readings/store.ts), and
// deleted after their row is gone; a crash or a failed delete between the two leaves bytes no
// row names. Rows can be left too: a print-run PDF stored by a job that died before linking it to
// its run. Either may hold personal data, so once older than the grace period — far longer than
// any upload's transaction, so a write under way is never mistaken for a leftover — both go.
import "server-only";
import { db } from "@/lib/db";
import { storage } from "@/lib/storage";
import { deleteStoredBytes } from "@/lib/retention/stored-files";

/** Files younger than this are never swept: their row may not have committed yet. */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

const BATCH = 500;

export type SweepResult = { orphanBytes: number; orphanRows: number };

export async function sweepUnreferencedFiles(now: Date = new Date(), graceMs: number = SWEEP_GRACE_MS): Promise<SweepResult> {
  const before = new Date(now.getTime() - graceMs);

  // Rows nothing points at, in one statement (so a row something takes meanwhile stays), then their bytes.
  const gone = await db.$queryRaw<{ storageKey: string }[]>`
    DELETE FROM "StoredFile" f
     WHERE f."createdAt" < ${before}
       AND NOT EXISTS (SELECT 1 FROM "PrintRun" r WHERE r."fileId" = f."id")
       AND NOT EXISTS (SELECT 1 FROM "ResponseScan" s WHERE s."fileId" = f."id")
       AND NOT EXISTS (SELECT 1 FROM "Reading" g WHERE g."pdfFileId" = f."id")
     RETURNING f."storageKey"`;
  const keys = gone.map((row) => row.storageKey);
  await deleteStoredBytes(keys, "sweep of unreferenced rows");

  // Bytes no row names, a batch of keys at a time.
  let orphanBytes = 0;
  let batch: string[] = [];
  const flush = async () => {
    const known = new Set((await db.storedFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((f) => f.storageKey));
    orphanBytes += await deleteStoredBytes(batch.filter((key) => !known.has(key)), "sweep of unreferenced files");
    batch = [];
  };
  for await (const object of storage().list()) {
    if (object.lastModified >= before) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { orphanBytes, orphanRows: keys.length };
}
