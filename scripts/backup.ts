// `npm run backup [FILE]`: one file holding the embedded database and the stored files, made
// while Studypack runs (lib/backup/create.ts). Without FILE it goes to BACKUP_DIR with the time
// in its name. When Studypack is not running, the embedded database is started for the backup
// and stopped after. With DATABASE_URL the database is the operator's server: the file holds
// the stored files, and the pg_dump command to run beside it is printed.
import { existsSync } from "node:fs";
import path from "node:path";
import { createBackup } from "../lib/backup/create";
import { backupFileName } from "../lib/backup/layout";
import { formatBytes, progressPrinter } from "../lib/backup/progress";
import { serverRunning } from "../lib/backup/restore";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";
import { EnvError, parseEnv } from "../lib/env";

export const PG_DUMP_COMMAND = 'pg_dump --format=custom --file=studypack-database.dump "$DATABASE_URL"';

async function main() {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg.startsWith("-"))) {
    console.error("usage: npm run backup [FILE]   (FILE defaults to BACKUP_DIR/studypack-<time>.tar.gz)");
    process.exit(2);
  }
  const env = parseEnv(process.env);
  const out = args[0] ?? path.join(env.BACKUP_DIR, backupFileName(new Date(), "manual"));
  const s3 = Boolean(env.S3_ENDPOINT && env.S3_BUCKET);
  let temporary: EmbeddedServer | undefined;
  let embeddedUrl: string | undefined;
  if (!env.DATABASE_URL) {
    const running = await serverRunning(env.EMBEDDED_PG_DIR, env.EMBEDDED_PG_PORT);
    if (!running && !existsSync(path.join(env.EMBEDDED_PG_DIR, "PG_VERSION"))) {
      throw new Error(`there is no database in ${path.resolve(env.EMBEDDED_PG_DIR)} (EMBEDDED_PG_DIR); nothing to back up`);
    }
    if (!running) {
      console.log(`backup: Studypack is not running; starting its database (${env.EMBEDDED_PG_DIR}) for the backup`);
      temporary = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
    }
    embeddedUrl = `postgresql://postgres:studypack@127.0.0.1:${env.EMBEDDED_PG_PORT}/postgres`;
  }
  try {
    const result = await createBackup({
      out,
      embeddedUrl,
      storageDir: s3 ? undefined : env.STORAGE_DIR,
      onProgress: progressPrinter(process.stderr),
    });
    const storage = result.manifest.storage;
    console.log(`backup: wrote ${result.file} (${formatBytes(result.bytes)}) in ${result.seconds.toFixed(1)} s`);
    console.log(
      `backup: it holds ${result.manifest.database === "embedded" ? "the database and " : ""}` +
        (storage.kind === "local" ? `${storage.files} stored file(s), ${formatBytes(storage.bytes)}` : "no stored files (they are in the S3 bucket)"),
    );
    if (result.manifest.postgres) console.log(`backup: the database is as of WAL position ${result.manifest.postgres.stopLsn} (the end of the backup)`);
    if (env.DATABASE_URL) {
      console.log("backup: the database is the server at DATABASE_URL; back it up beside this file with PostgreSQL's client of the server's version:");
      console.log(`    ${PG_DUMP_COMMAND}`);
    }
  } finally {
    await temporary?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
