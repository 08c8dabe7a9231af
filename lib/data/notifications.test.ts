import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addFeedback } from "@/lib/data/feedback";
import { listNotifications, markRead, setEmailPreference, unreadCount } from "@/lib/data/notifications";
import { publishPack } from "@/lib/data/packs";
import { submitResponse } from "@/lib/data/responses";
import { makeMember } from "@/tests/factories";
import { makeMailMember } from "@/tests/factories/mail";
import { makePackScenario } from "@/tests/factories/pack";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/setup/smtp";
import { emailJobRows, resetEmailQueue, workQueuedEmails } from "@/tests/setup/email-queue";

const key = () => randomUUID();

async function answered() {
  const s = await makePackScenario({ published: true });
  await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "My answer", submitKey: key() });
  const responseId = (await db.response.findFirstOrThrow({ where: { packId: s.pack.id } })).id;
  return { s, responseId };
}

describe("in-app notifications", () => {
  it("feedback notifies the writer once per submit; mark read is per user", async () => {
    const { s, responseId } = await answered();
    const clientKey = key();
    await addFeedback(s.facilitator, { responseId, body: "Good.", clientKey });
    await addFeedback(s.facilitator, { responseId, body: "Good.", clientKey });
    expect(await unreadCount(s.memberCtx.user)).toBe(1);
    const [note] = await listNotifications(s.memberCtx.user);
    expect(note).toMatchObject({ kind: "feedback", readAt: null, data: { packNumber: 1, href: `/groups/${s.group.slug}/packs/1` } });
    // Someone else's ids change nothing.
    expect(await markRead(s.facilitator.user, [note!.id])).toBe(0);
    expect(await markRead(s.memberCtx.user, [note!.id])).toBe(1);
    expect(await unreadCount(s.memberCtx.user)).toBe(0);
  });

  it("a published pack notifies every active member who can sign in, once", async () => {
    const s = await makePackScenario();
    const paused = await makeMember(s.group, { status: "PAUSED" });
    await makeMailMember(s.group);
    await Promise.all([publishPack(s.facilitator, 1), publishPack(s.facilitator, 1)]);
    expect(await unreadCount(s.memberCtx.user)).toBe(1);
    expect(await unreadCount(paused.user!)).toBe(0);
    expect((await listNotifications(s.memberCtx.user))[0]).toMatchObject({ kind: "packPublished", data: { packNumber: 1 } });
  });

  it("the unread count is one query on the (userId, readAt, createdAt) index", async () => {
    const { s } = await answered();
    // With few rows PostgreSQL may prefer a table scan; in one transaction, ask which index it would use.
    const forced = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT COUNT(*) FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`, s.memberCtx.user.id);
    });
    expect(forced.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Notification_userId_readAt_createdAt_idx");
  });
});

describe("e-mail copies, queued with the notification and sent by the e-mail job through a real SMTP server", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await resetEmailQueue();
  });

  it("are queued in the action's transaction and sent by the job, not to a member who turned them off", async () => {
    const { s, responseId } = await answered();
    const before = smtp.messages.length;
    await addFeedback(s.facilitator, { responseId, body: "Nice work.", clientKey: key() });
    // Nothing is sent during the action: the e-mail waits in the queue.
    expect(smtp.messages.length).toBe(before);
    const [notification] = await listNotifications(s.memberCtx.user);
    expect((await emailJobRows()).some((j) => j.data.notificationId === notification!.id)).toBe(true);
    await workQueuedEmails();
    const mail = smtp.messages.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual([s.memberCtx.user.email]);
    expect(mail[0]!.subject).toContain("Feedback on your response");
    expect(mail[0]!.text).toContain(`/groups/${s.group.slug}/packs/1`);
    expect(mail[0]!.text).toContain("/account");
    // The feedback's text stays in the app: the e-mail does not carry it.
    expect(mail[0]!.text).not.toContain("Nice work.");

    // Turned off after the e-mail was queued: checked again when it is sent.
    await addFeedback(s.facilitator, { responseId, body: "More.", clientKey: key() });
    await setEmailPreference(s.memberCtx.user, false);
    await workQueuedEmails();
    expect(smtp.messages.length).toBe(before + 1);
    expect(await unreadCount(s.memberCtx.user)).toBe(2);
  });

  it("a failing SMTP server never fails the action; the job is retried later and the notification stays", async () => {
    const { s, responseId } = await answered();
    smtp.failFromNowOn();
    const created = await addFeedback(s.facilitator, { responseId, body: "Still saved.", clientKey: key() });
    expect(created.id).toBeTruthy();
    expect(await db.feedback.count({ where: { responseId } })).toBe(1);
    expect(await unreadCount(s.memberCtx.user)).toBe(1);
    const [notification] = await listNotifications(s.memberCtx.user);
    await workQueuedEmails();
    const job = (await emailJobRows()).find((j) => j.data.notificationId === notification!.id)!;
    expect(job.state).toBe("retry");
    expect(job.startAfter.getTime()).toBeGreaterThan(Date.now()); // waits before the next try
    expect(await workQueuedEmails()).toBe(0);
    expect(await unreadCount(s.memberCtx.user)).toBe(1);

    // The server is back and the wait is over: the retry sends it.
    await smtp.close();
    smtp = await startTestSmtpServer();
    await db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE id = ${job.id}::uuid`;
    expect(await workQueuedEmails()).toBe(1);
    expect(smtp.messages.map((m) => m.to)).toEqual([[s.memberCtx.user.email]]);
  });
});
