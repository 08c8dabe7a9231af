// One round of the daily backup (lib/jobs/backup-job.ts runs it once a day in one process):
// a backup into BACKUP_DIR, then the daily backups beyond the newest BACKUP_KEEP are deleted.
//
// The web process gets DATABASE_URL from the launcher even for the embedded database, so it
// asks the server where its data lives: when that is EMBEDDED_PG_DIR on this machine, the
// database goes into the backup; otherwise it is a server the operator runs, whose backup is
// theirs (pg_dump, see README), and the backup holds the stored files only.
import { mkdir, readdir, realpath, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createBackup, type BackupResult } from "./create";
import { abandonedDailyPartials, backupFileName, backupsToDelete } from "./layout";

export type DailyBackupOptions = {
  databaseUrl: string;
  embeddedDataDir: string;
  /** Unset when files live in an S3 bucket. */
  storageDir?: string;
  backupDir: string;
  keep: number;
  now?: Date;
  log?: (line: string) => void;
};

export type DailyBackupResult = { backup: BackupResult; deleted: string[] };

/** Whether the server at `url` keeps its data in `dataDir` on this machine. */
export async function isEmbeddedServer(url: string, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, application_name: "studypack backup check" });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    const [theirs, ours] = await Promise.all([realpath(result.rows[0]!.dir), realpath(dataDir)]);
    return theirs === ours;
  } catch {
    // Not allowed to read data_directory, or the folder is not here: not ours.
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function runDailyBackup(options: DailyBackupOptions): Promise<DailyBackupResult> {
  const log = options.log ?? (() => {});
  const embedded = await isEmbeddedServer(options.databaseUrl, options.embeddedDataDir);
  if (!embedded) log("daily backup: the database is the server at DATABASE_URL, so its backup is yours (pg_dump, see README); this one holds the stored files");
  await mkdir(options.backupDir, { recursive: true });
  for (const name of abandonedDailyPartials(await readdir(options.backupDir))) await rm(path.join(options.backupDir, name), { force: true });
  const out = path.join(options.backupDir, backupFileName(options.now ?? new Date(), "daily"));
  const backup = await createBackup({
    out,
    embeddedUrl: embedded ? options.databaseUrl : undefined,
    storageDir: options.storageDir,
    label: `studypack daily ${path.basename(out)}`,
  });
  const deleted = backupsToDelete(await readdir(options.backupDir), options.keep);
  for (const name of deleted) await rm(path.join(options.backupDir, name), { force: true });
  log(`daily backup: wrote ${backup.file} (${backup.bytes} bytes, ${backup.seconds.toFixed(1)} s); deleted ${deleted.length} older daily backup(s), keeping ${options.keep}`);
  return { backup, deleted };
}
