// Outgoing e-mail waits in the job queue (decision 012): the change that causes an e-mail (a
// notification, an invitation) queues it in its own transaction, and a worker sends it later
// (lib/jobs/email-job.ts). A click never waits for an SMTP server, and a crash between the
// commit and the send loses nothing.
import "server-only";
import { z } from "zod";
import { emailConfigured } from "@/lib/email/send";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import type { Prisma } from "@/lib/generated/prisma/client";

export const emailJobSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("notification"), notificationId: z.string().min(1) }),
  /** The token is sealed (lib/email/seal.ts): the queue holds no usable link. */
  z.object({ kind: z.literal("invitation"), invitationId: z.string().min(1), sealedToken: z.string().min(1) }),
  z.object({ kind: z.literal("passwordReset"), passwordResetId: z.string().min(1), sealedToken: z.string().min(1) }),
]);
export type EmailJob = z.infer<typeof emailJobSchema>;

/**
 * Queues the e-mails in `tx`. Nothing is queued when SMTP is not configured (the app shows the
 * link or the notification instead); returns whether they were queued.
 */
export async function queueEmails(tx: Prisma.TransactionClient, jobs: EmailJob[]): Promise<boolean> {
  if (!emailConfigured()) return false;
  await enqueueInTransaction(tx, QUEUES.email, jobs);
  return true;
}
