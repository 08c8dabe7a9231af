// Runs the facilitators' answers digest (lib/notifications/answers-digest.ts) every 10 minutes
// through pg-boss's scheduler, so one process of however many runs each round. How often it runs
// only decides how soon after the first new answer a digest goes out; how rarely is decided by
// the digest itself (at most one in 24 hours per facilitator).
import "server-only";
import type PgBoss from "pg-boss";
import { sendAnswersDigests } from "@/lib/notifications/answers-digest";

export const ANSWERS_DIGEST_QUEUE = "answers-digest";
const EVERY_TEN_MINUTES = "*/10 * * * *";

export async function startAnswersDigest(boss: PgBoss): Promise<void> {
  // A round that fails is not retried: the next one, ten minutes later, does the same work.
  await boss.createQueue(ANSWERS_DIGEST_QUEUE, { name: ANSWERS_DIGEST_QUEUE, retryLimit: 0, expireInSeconds: 60 * 5 });
  await boss.schedule(ANSWERS_DIGEST_QUEUE, EVERY_TEN_MINUTES);
  await boss.work(ANSWERS_DIGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    const { failed } = await sendAnswersDigests();
    if (failed > 0) console.error(`answers digest: ${failed} e-mail(s) not sent; they go in a later round`);
  });
}
