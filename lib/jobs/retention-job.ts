// Runs the retention rules and the sweep of unreferenced files (lib/retention/apply.ts) once a
// day through pg-boss's scheduler, so one process of however many runs each round, at a quiet
// hour (UTC). A round that fails is not retried: the next day's does the same work, and nothing
// is lost by waiting a day longer to delete.
import "server-only";
import type PgBoss from "pg-boss";
import { applyRetention } from "@/lib/retention/apply";

export const RETENTION_QUEUE = "retention";
const DAILY_AT_0317_UTC = "17 3 * * *";

export async function startRetention(boss: PgBoss): Promise<void> {
  await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, retryLimit: 0, expireInSeconds: 60 * 60 });
  await boss.schedule(RETENTION_QUEUE, DAILY_AT_0317_UTC);
  await boss.work(RETENTION_QUEUE, { batchSize: 1, pollingIntervalSeconds: 60 }, async () => {
    const done = await applyRetention();
    console.info(
      `retention: ${done.printRunPdfs} print-run PDF(s), ${done.scans} scan(s), ${done.signInAttempts} sign-in attempt(s), ${done.orphanRows + done.orphanBytes} unreferenced file(s) removed`,
    );
  });
}
