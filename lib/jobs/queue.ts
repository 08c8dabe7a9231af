// The job queue: pg-boss, in PostgreSQL, so long work (a print run of hundreds of PDFs) needs no
// other server and survives a restart. Every web process starts one worker (instrumentation.ts);
// pg-boss hands each job to exactly one of them, so more processes simply share the work.
// pg-boss 10 is the newest release that supports Node 20 (see docs/decisions/005).
import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

export const QUEUES = { printRun: "print-run", email: "email" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  // A print run that throws is not retried by the queue: the facilitator sees why it failed
  // and presses "Try again", which is clearer than a silent second attempt.
  "print-run": { retryLimit: 0, expireInSeconds: 60 * 30 },
  // An e-mail the SMTP server refused is tried again 5 times, waiting about 30 s, 1, 2, 4 and
  // 8 minutes (decision 012). A single send never takes longer than 5 minutes.
  email: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 5 },
};

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

/** The process's started pg-boss (created on first use). */
export function queue(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: databaseUrl(), max: 3, schema: "pgboss" });
    boss.on("error", (error: unknown) => console.error("job queue error", error));
    await boss.start();
    for (const name of Object.values(QUEUES)) {
      await boss.createQueue(name, { name, ...QUEUE_OPTIONS[name] });
    }
    return boss;
  })();
  return globalForBoss.boss;
}

/** Stops this process's queue if it was started (tests). */
export async function stopQueue(): Promise<void> {
  const boss = globalForBoss.boss;
  if (!boss) return;
  globalForBoss.boss = undefined;
  await (await boss).stop({ graceful: false, wait: true });
}

export async function enqueue(name: QueueName, data: object): Promise<string | null> {
  return (await queue()).send(name, data);
}

/**
 * Queues jobs inside the caller's transaction: they exist exactly when the change that asks for
 * them commits, so a crash between the commit and the work loses nothing, and a rolled-back
 * change leaves no job behind. One statement however many jobs.
 */
export async function enqueueInTransaction(tx: Prisma.TransactionClient, name: QueueName, items: object[]): Promise<void> {
  if (items.length === 0) return;
  const boss = await queue();
  const executor: PgBoss.Db = {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((v) => v ?? null)) }),
  };
  await boss.insert(
    items.map((data) => ({ name, data })),
    { db: executor },
  );
}
