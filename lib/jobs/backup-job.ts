// The daily backup (BACKUP_DAILY=on): pg-boss's scheduler queues one job a day at 03:15 UTC,
// and one process of however many takes it (lib/backup/daily.ts does the work). Off by default:
// a backup on the same disk as the data is no backup, so an operator who turns it on should
// also copy BACKUP_DIR elsewhere (README, "Backup and restore").
import "server-only";
import type PgBoss from "pg-boss";
import { runDailyBackup } from "@/lib/backup/daily";
import { databaseUrl, env } from "@/lib/env";

export const DAILY_BACKUP_QUEUE = "daily-backup";
const EVERY_DAY_AT_0315_UTC = "15 3 * * *";

export async function startDailyBackup(boss: PgBoss): Promise<void> {
  const settings = env();
  if (settings.BACKUP_DAILY !== "on") {
    // Turned off after having been on: the schedule lives in the database, so remove it.
    await boss.unschedule(DAILY_BACKUP_QUEUE).catch(() => undefined);
    return;
  }
  // A failed round is tried once more an hour later; a round never runs longer than 6 hours.
  await boss.createQueue(DAILY_BACKUP_QUEUE, { name: DAILY_BACKUP_QUEUE, retryLimit: 1, retryDelay: 60 * 60, expireInSeconds: 6 * 60 * 60 });
  await boss.schedule(DAILY_BACKUP_QUEUE, EVERY_DAY_AT_0315_UTC, {}, { tz: "UTC" });
  // Polled every 10 s, so a round queued by hand (or by the drill) starts soon; the query is cheap.
  await boss.work(DAILY_BACKUP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 10 }, async () => {
    const s3 = Boolean(settings.S3_ENDPOINT && settings.S3_BUCKET);
    await runDailyBackup({
      databaseUrl: databaseUrl(),
      embeddedDataDir: settings.EMBEDDED_PG_DIR,
      storageDir: s3 ? undefined : settings.STORAGE_DIR,
      backupDir: settings.BACKUP_DIR,
      keep: settings.BACKUP_KEEP,
      log: (line) => console.log(line),
    });
  });
}
