// Deleting a stored file waits while a backup copies the stored files.
//
// A backup's database is the state as of pg_backup_stop; its files are copied after that
// moment, so every file a restored row points to was written before it (files are written
// before their rows commit). A file can still go missing if its row is deleted after that
// moment and the file is deleted while the copy runs. So the backup holds this advisory lock
// (exclusive) from just before pg_backup_stop until the files are copied, and code that deletes
// stored files (erasure, retention, the orphan sweeper) holds it shared while it deletes, after
// the rows are gone: deletions wait for the copy, never the other way round for long.
//
// Use from a deleter (Prisma):
//   await db.$transaction(async (tx) => {
//     await tx.$executeRawUnsafe(STORAGE_DELETE_LOCK_SQL);
//     await storage.delete(key);
//   }, { timeout: … });

/** An arbitrary fixed key for pg_advisory_lock ("StudyBak" in ASCII, as a bigint). */
export const STORAGE_BACKUP_LOCK_KEY = "6013560476838027627";

/** Taken by a deleter inside its transaction; released at commit or rollback. */
export const STORAGE_DELETE_LOCK_SQL = `SELECT pg_advisory_xact_lock_shared(${STORAGE_BACKUP_LOCK_KEY})`;

/** Taken by the backup in its own session; released by STORAGE_BACKUP_UNLOCK_SQL or disconnect. */
export const STORAGE_BACKUP_LOCK_SQL = `SELECT pg_advisory_lock(${STORAGE_BACKUP_LOCK_KEY})`;
export const STORAGE_BACKUP_UNLOCK_SQL = `SELECT pg_advisory_unlock(${STORAGE_BACKUP_LOCK_KEY})`;
