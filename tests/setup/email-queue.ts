// For tests: work the queued e-mails now, with the same function the worker uses, instead of
// waiting for a polling worker; and look at the e-mail jobs in the queue's table.
import { db } from "@/lib/db";
import { workEmailJobs } from "@/lib/jobs/email-job";
import { queue, QUEUES, stopQueue } from "@/lib/jobs/queue";

/** Works every e-mail job that is due (a retried one waits for its delay); returns how many. */
export async function workQueuedEmails(): Promise<number> {
  const boss = await queue();
  let worked = 0;
  for (;;) {
    const jobs = await boss.fetch<unknown>(QUEUES.email, { batchSize: 50 });
    if (jobs.length === 0) return worked;
    await workEmailJobs(boss, jobs);
    worked += jobs.length;
  }
}

export type EmailJobRow = { id: string; state: string; retryCount: number; data: Record<string, string>; startAfter: Date };

/** The e-mail jobs, newest first (active and retried ones, and completed ones until archived). */
export async function emailJobRows(): Promise<EmailJobRow[]> {
  return db.$queryRaw<EmailJobRow[]>`SELECT id::text, state::text, retry_count AS "retryCount", data, start_after AS "startAfter" FROM pgboss.job WHERE name = ${QUEUES.email} ORDER BY created_on DESC`;
}

/** Empties the e-mail queue and stops this process's queue, so the next test file starts clean. */
export async function resetEmailQueue(): Promise<void> {
  await (await queue()).purgeQueue(QUEUES.email);
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.email}`;
  await stopQueue();
}
