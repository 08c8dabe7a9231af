// The e-mail job: sends one queued e-mail (a notification's copy or an invitation). Everything is
// decided again at send time: no SMTP configured, a member who turned e-mail off or left, an
// invitation revoked, used or replaced meanwhile — then nothing is sent and the job is done. A
// send the server refuses throws, so the queue tries again later (retry settings in queue.ts);
// the notification itself is in the app whatever happens to its e-mail. A sent e-mail is marked
// (emailedAt) as soon as the server took it, so a job the queue runs again — its worker died
// between sending and reporting back — does not send it twice; the gap left is the moment
// between the server's answer and that mark.
import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { emailConfigured, sendEmail, type EmailMessage } from "@/lib/email/send";
import { emailJobSchema, type EmailJob } from "@/lib/jobs/email-queue";
import { QUEUES } from "@/lib/jobs/queue";
import { notificationEmail } from "@/lib/notifications/email";
import { invitationEmail } from "@/lib/data/invitations";
import { markPasswordResetEmailed, passwordResetEmail } from "@/lib/auth/password-reset-request";

async function messageFor(job: EmailJob): Promise<EmailMessage | null> {
  if (job.kind === "passwordReset") return passwordResetEmail(job.passwordResetId, job.sealedToken);
  return job.kind === "notification" ? notificationEmail(job.notificationId) : invitationEmail(job.invitationId, job.sealedToken);
}

async function markEmailed(job: EmailJob): Promise<void> {
  if (job.kind === "passwordReset") return markPasswordResetEmailed(job.passwordResetId);
  const data = { emailedAt: new Date() };
  if (job.kind === "notification") await db.notification.updateMany({ where: { id: job.notificationId }, data });
  else await db.invitation.updateMany({ where: { id: job.invitationId }, data });
}

/** Sends the job's e-mail; "skipped" when there is nothing (any more) to send. Throws on a failed send. */
export async function runEmailJob(data: unknown): Promise<"sent" | "skipped"> {
  const job = emailJobSchema.safeParse(data);
  if (!job.success) {
    console.error("malformed e-mail job", data);
    return "skipped";
  }
  if (!emailConfigured()) return "skipped";
  const message = await messageFor(job.data);
  if (!message) return "skipped";
  const result = await sendEmail(message);
  if (result.sent) {
    await markEmailed(job.data);
    return "sent";
  }
  if (result.reason === "not-configured") return "skipped";
  throw new Error(result.error ?? "the SMTP server refused the e-mail");
}

/**
 * Works a batch from the queue: each job is completed or failed on its own (a failed one is
 * retried later by the queue), so one bad address does not hold back the rest.
 */
export async function workEmailJobs(boss: PgBoss, jobs: PgBoss.Job<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(jobs.map((job) => runEmailJob(job.data)));
  const done = jobs.filter((_, i) => outcomes[i]?.status === "fulfilled").map((job) => job.id);
  if (done.length > 0) await boss.complete(QUEUES.email, done);
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === "rejected") {
      const message = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      await boss.fail(QUEUES.email, jobs[i]!.id, { message: message.slice(0, 500) });
    }
  }
}
