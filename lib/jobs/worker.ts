// Starts this process's job workers. Called once per server process from instrumentation.ts.
import "server-only";
import { queue, QUEUES } from "@/lib/jobs/queue";
import { runPrintRun } from "@/lib/jobs/print-run-job";
import { workEmailJobs } from "@/lib/jobs/email-job";
import { startAnswersDigest } from "@/lib/jobs/answers-digest-job";
import { startDailyBackup } from "@/lib/jobs/backup-job";
import { startRetention } from "@/lib/jobs/retention-job";

export async function startWorkers(): Promise<void> {
  const boss = await queue();
  await boss.work<{ printRunId: string }>(QUEUES.printRun, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await runPrintRun(job.data.printRunId);
  });
  // Up to 10 e-mails at a time per process, sent side by side.
  await boss.work<unknown>(QUEUES.email, { batchSize: 10, pollingIntervalSeconds: 2 }, (jobs) => workEmailJobs(boss, jobs));
  // Facilitators' daily e-mail of new answers (decision 026).
  await startAnswersDigest(boss);
  // BACKUP_DAILY=on: a backup a day into BACKUP_DIR (decision 036).
  await startDailyBackup(boss);
  // Retention of stored files and sign-in attempts, and the sweep of unreferenced files (decision 039).
  await startRetention(boss);
}
