// The e-mail job against the real database, the real queue (pg-boss) and a real SMTP server on
// loopback: publishing queues one e-mail per online member in its own transaction and returns
// without talking to SMTP (even to a server that never answers); the job sends them later, and
// sends nothing when SMTP is no longer configured.
import net from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { publishPack } from "@/lib/data/packs";
import { notify } from "@/lib/data/notifications";
import { runEmailJob } from "@/lib/jobs/email-job";
import { emailJobRows, resetEmailQueue, workQueuedEmails } from "@/tests/setup/email-queue";
import { createInvitation } from "@/lib/data/invitations";
import { seal } from "@/lib/email/seal";
import { makeMember, makeOrganizer } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/setup/smtp";

let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});
afterAll(async () => {
  await resetEmailQueue();
});

/** An SMTP server that accepts connections and never says a word. */
async function stallingServer(): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  process.env.SMTP_FROM = "Studypack <no-reply@studypack.test>";
  resetEnvCacheForTests();
  return {
    close: async () => {
      for (const socket of sockets) socket.destroy();
      delete process.env.SMTP_URL;
      delete process.env.SMTP_FROM;
      resetEnvCacheForTests();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("e-mail job", () => {
  it("publishing returns at once with a stalling SMTP server; the job later e-mails every online member", async () => {
    const s = await makePackScenario();
    const others = await Promise.all(Array.from({ length: 5 }, () => makeMember(s.group)));
    await makeMember(s.group, { channel: "MAIL" }); // paper only: no notification, no e-mail
    const stalling = await stallingServer();
    const started = Date.now();
    try {
      await publishPack(s.facilitator, 1);
    } finally {
      await stalling.close();
    }
    // A send to this server would wait 15 s for its greeting; publishing does not send.
    expect(Date.now() - started).toBeLessThan(5_000);
    const notifications = await db.notification.findMany({ where: { kind: "packPublished", data: { path: ["groupSlug"], equals: s.group.slug } }, select: { id: true } });
    expect(notifications).toHaveLength(6);
    const queued = (await emailJobRows()).filter((j) => notifications.some((n) => n.id === j.data.notificationId));
    expect(queued.map((j) => j.state)).toEqual(Array(6).fill("created"));

    smtp = await startTestSmtpServer();
    await workQueuedEmails();
    const recipients = smtp.messages.flatMap((m) => m.to).sort();
    expect(recipients).toEqual([s.memberCtx.user.email, ...others.map((o) => o.user!.email)].sort());
    expect(smtp.messages[0]!.subject).toContain("Pack 1 of");
    // Working the queue again sends nothing twice.
    await workQueuedEmails();
    expect(smtp.messages).toHaveLength(6);
  });

  it("sends nothing when SMTP is no longer configured at send time", async () => {
    const s = await makePackScenario();
    smtp = await startTestSmtpServer();
    await publishPack(s.facilitator, 1);
    await smtp.close();
    smtp = undefined;
    const [job] = (await emailJobRows()).filter((j) => j.state === "created");
    expect(await runEmailJob(job!.data)).toBe("skipped");
    await workQueuedEmails();
    expect((await emailJobRows()).filter((j) => j.state === "created")).toHaveLength(0);
  });

  it("queues nothing without SMTP, and nothing when the change rolls back", async () => {
    const s = await makePackScenario();
    const before = (await emailJobRows()).length;
    await publishPack(s.facilitator, 1);
    expect((await emailJobRows()).length).toBe(before);

    smtp = await startTestSmtpServer();
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [{ userId: s.memberCtx.user.id, kind: "packPublished", data: { groupSlug: s.group.slug, groupName: "Group", packNumber: 1, href: "/" } }]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await emailJobRows()).length).toBe(before);
    expect(await runEmailJob({ kind: "nonsense" })).toBe("skipped");
  });
  it("sends a notification's or an invitation's e-mail once when its job runs again (its worker died before reporting back)", async () => {
    const s = await makePackScenario();
    smtp = await startTestSmtpServer();
    await publishPack(s.facilitator, 1);
    const notification = await db.notification.findFirstOrThrow({ where: { userId: s.memberCtx.user.id, kind: "packPublished" }, select: { id: true } });
    const job = { kind: "notification", notificationId: notification.id };
    expect(await runEmailJob(job)).toBe("sent");
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).emailedAt).not.toBeNull();
    expect(await runEmailJob(job)).toBe("skipped");
    expect(smtp.messages.filter((m) => m.to.includes(s.memberCtx.user.email))).toHaveLength(1);

    const organizer = await makeOrganizer(s.group.organizationId);
    const email = `organizer-${notification.id}@example.test`;
    const { id, token } = await createInvitation(organizer, { role: "ORGANIZER", email, organizationId: s.group.organizationId });
    const invitationJob = { kind: "invitation", invitationId: id, sealedToken: seal(token) };
    expect(await runEmailJob(invitationJob)).toBe("sent");
    expect(await runEmailJob(invitationJob)).toBe("skipped");
    expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });
});
