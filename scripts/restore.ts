// `npm run restore FILE [--force]`: puts a backup (npm run backup) back into a stopped
// installation: EMBEDDED_PG_DIR and STORAGE_DIR, which may be new folders. Refuses while the
// database runs, and refuses to replace folders that hold something unless --force, which
// moves them aside (renamed, never deleted). See lib/backup/restore.ts.
import { restoreBackup } from "../lib/backup/restore";
import { EnvError, parseEnv } from "../lib/env";

const USAGE = "usage: npm run restore FILE [-- --force]";

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((arg) => arg !== "--force");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    console.error(USAGE);
    process.exit(2);
  }
  const env = parseEnv(process.env);
  const s3 = Boolean(env.S3_ENDPOINT && env.S3_BUCKET);
  const result = await restoreBackup({
    file: files[0]!,
    dataDir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
    storageDir: s3 ? undefined : env.STORAGE_DIR,
    externalDatabase: Boolean(env.DATABASE_URL),
    force,
    log: (line) => console.log(`restore: ${line}`),
  });
  for (const aside of result.movedAside) console.log(`restore: moved the old folder aside to ${aside} (delete it when you no longer need it)`);
  const { manifest } = result;
  console.log(`restore: restored the backup of ${manifest.createdAt} in ${result.seconds.toFixed(1)} s`);
  if (!env.DATABASE_URL) console.log(`restore: database in ${env.EMBEDDED_PG_DIR}`);
  if (!s3) console.log(`restore: stored files in ${env.STORAGE_DIR}`);
  if (env.DATABASE_URL) {
    console.log("restore: the database is the server at DATABASE_URL; restore it with PostgreSQL's client of the server's version:");
    console.log('    pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" studypack-database.dump');
  }
  console.log("restore: start Studypack as usual (npm start).");
}

main().catch((error: unknown) => {
  console.error(`restore refused or failed: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
