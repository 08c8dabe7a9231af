// The facilitators' digest of new answers through a real SMTP server on loopback: at most one
// e-mail a day however often the job runs (a restart, a second worker), none to someone who
// turned e-mail off, and a refused send tried again later (docs/decisions/026-facilitators-week.md).
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { publishPack } from "@/lib/data/packs";
import { setEmailPreference } from "@/lib/data/notifications";
import { submitResponse } from "@/lib/data/responses";
import { sendAnswersDigest, sendAnswersDigests } from "@/lib/notifications/answers-digest";
import { ANSWERS_DIGEST_QUEUE, startAnswersDigest } from "@/lib/jobs/answers-digest-job";
import { queue, stopQueue } from "@/lib/jobs/queue";
import { makeFacilitator } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/setup/smtp";

let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

async function answered(answers = 2) {
  const s = await makePackScenario();
  await publishPack(s.facilitator, 1);
  for (const promptId of s.prompts.slice(0, answers)) await submitResponse(s.memberCtx, { packNumber: 1, promptId, body: "An answer", submitKey: randomUUID() });
  return s;
}

const to = (address: string) => smtp!.messages.filter((m) => m.to.includes(address));
const HOUR = 3_600_000;

describe("answers digest", () => {
  it("two runs the same day send one e-mail; an answer later that day waits for the next day's", async () => {
    const s = await answered(1);
    smtp = await startTestSmtpServer();
    const morning = new Date();
    await sendAnswersDigests(morning);
    await sendAnswersDigests(new Date(morning.getTime() + HOUR)); // a second round, or a restart
    // Two workers at once: still one.
    const later = new Date(morning.getTime() + 2 * HOUR);
    await Promise.all([sendAnswersDigest(s.facilitator.user.id, later), sendAnswersDigest(s.facilitator.user.id, later)]);
    const mine = () => to(s.facilitator.user.email);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.subject).toBe("Answers waiting in Studypack");
    expect(mine()[0]!.text).toContain("1 new answer to pack 1 of");
    expect(mine()[0]!.text).toContain(`/groups/${s.group.slug}/packs/1/responses`);
    const sentAt = async () => (await db.user.findUniqueOrThrow({ where: { id: s.facilitator.user.id }, select: { answersDigestSentAt: true } })).answersDigestSentAt;
    expect(await sentAt()).toEqual(morning);

    // A second answer the same day: the unread notification counts 2 and waits a day.
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[1]!, body: "Another", submitKey: randomUUID() });
    await sendAnswersDigests(new Date(morning.getTime() + 5 * HOUR));
    expect(mine()).toHaveLength(1);
    await sendAnswersDigests(new Date(morning.getTime() + 25 * HOUR));
    expect(mine()).toHaveLength(2);
    expect(mine()[1]!.text).toContain("2 new answers to pack 1 of");
    // Nothing new since: no third e-mail, even a day later.
    await sendAnswersDigests(new Date(morning.getTime() + 50 * HOUR));
    expect(mine()).toHaveLength(2);
  });

  it("sends nothing to a facilitator who turned e-mail off, or who read the notification already", async () => {
    const s = await answered(1);
    const other = await makeFacilitator(s.group.id);
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[1]!, body: "Later", submitKey: randomUUID() });
    await setEmailPreference(s.facilitator.user, false);
    await db.notification.updateMany({ where: { userId: other.id }, data: { readAt: new Date() } });
    smtp = await startTestSmtpServer();
    await sendAnswersDigests();
    expect(to(s.facilitator.user.email)).toHaveLength(0);
    expect(to(other.email)).toHaveLength(0);
  });

  it("a refused send gives the day back, so the next round sends it", async () => {
    const s = await answered(1);
    smtp = await startTestSmtpServer();
    smtp.failFromNowOn();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await sendAnswersDigests();
    const messages = logged.mock.calls.map(([message]) => String(message));
    logged.mockRestore();
    expect(result.failed).toBeGreaterThanOrEqual(1);
    expect(messages).toContain("answers digest not sent");
    expect((await db.user.findUniqueOrThrow({ where: { id: s.facilitator.user.id } })).answersDigestSentAt).toBeNull();
    await smtp.close();
    smtp = await startTestSmtpServer();
    await sendAnswersDigests();
    expect(to(s.facilitator.user.email)).toHaveLength(1);
  });

  it("without SMTP nothing is claimed or sent", async () => {
    const s = await answered(1);
    expect(await sendAnswersDigests()).toEqual({ sent: 0, failed: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.facilitator.user.id } })).answersDigestSentAt).toBeNull();
  });

  it("is scheduled every ten minutes when a process starts its workers", async () => {
    const boss = await queue();
    try {
      await startAnswersDigest(boss);
      expect((await boss.getSchedules()).find((x) => x.name === ANSWERS_DIGEST_QUEUE)).toMatchObject({ cron: "*/10 * * * *" });
    } finally {
      await boss.offWork(ANSWERS_DIGEST_QUEUE);
      await boss.unschedule(ANSWERS_DIGEST_QUEUE);
      await stopQueue();
    }
  });
});
