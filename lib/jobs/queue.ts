// The job queue: pg-boss, in PostgreSQL, so long work (a print run of hundreds of PDFs) needs no
// other server and survives a restart. Every web process starts one worker (instrumentation.ts);
// pg-boss hands each job to exactly one of them, so more processes simply share the work.
// pg-boss 10 is the newest release that supports Node 20 (see docs/decisions/005).
import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";

export const QUEUES = { printRun: "print-run" } as const;

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

/** The process's started pg-boss (created on first use). */
export function queue(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: databaseUrl(), max: 3, schema: "pgboss" });
    boss.on("error", (error: unknown) => console.error("job queue error", error));
    await boss.start();
    for (const name of Object.values(QUEUES)) {
      // A print run that throws is not retried by the queue: the facilitator sees why it failed
      // and presses "Try again", which is clearer than a silent second attempt.
      await boss.createQueue(name, { name, retryLimit: 0, expireInSeconds: 60 * 30 });
    }
    return boss;
  })();
  return globalForBoss.boss;
}

export async function enqueue(name: (typeof QUEUES)[keyof typeof QUEUES], data: object): Promise<string | null> {
  return (await queue()).send(name, data);
}
