// Facilitators hear of new answers (docs/decisions/026-facilitators-week.md): one unread
// notification per pack whose count goes up, made in the submit's own transaction, never to the
// facilitator who typed the answer in, and still one statement for an online submit.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { loadGroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listNotifications, markRead } from "@/lib/data/notifications";
import { submitResponse } from "@/lib/data/responses";
import { submitTranscription } from "@/lib/data/transcriptions";
import { publishPack } from "@/lib/data/packs";
import { makeFacilitator, makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

const key = () => randomUUID();

async function scenario() {
  const s = await makePackScenario();
  const second = await makeFacilitator(s.group.id);
  const others = await Promise.all([makeMember(s.group), makeMember(s.group)]);
  const mail = await makeMember(s.group, { channel: "MAIL", user: null });
  await publishPack(s.facilitator, 1);
  const ctxOf = async (user: CurrentUser) => (await loadGroupContext(user, s.group.slug))!;
  return { ...s, second: await ctxOf(second), others: await Promise.all(others.map((o) => ctxOf(o.user!))), mail };
}

const arrived = async (user: CurrentUser) => (await listNotifications(user)).filter((n) => n.kind === "answersArrived");

describe("answers arrived", () => {
  it("a burst of three answers makes one notification with count 3 for each facilitator", async () => {
    const s = await scenario();
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "One", submitKey: key() });
    // Two at the same moment, from two members: still one notification each.
    await Promise.all(s.others.map((ctx) => submitResponse(ctx, { packNumber: 1, promptId: s.prompts[0]!, body: "Two", submitKey: key() })));
    for (const facilitator of [s.facilitator, s.second]) {
      const notes = await arrived(facilitator.user);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ readAt: null, data: { count: 3, packNumber: 1, groupSlug: s.group.slug, href: `/groups/${s.group.slug}/packs/1/responses` } });
    }
    // A repeated submit and an edit are not new answers.
    const submitKey = key();
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[1]!, body: "Three", submitKey });
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[1]!, body: "Three", submitKey });
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[1]!, body: "Three, edited", submitKey: key() });
    expect((await arrived(s.facilitator.user))[0]?.data.count).toBe(4);
    // Once read, the next answer starts a new notification.
    await markRead(s.facilitator.user, "all");
    await submitResponse(s.others[0]!, { packNumber: 1, promptId: s.prompts[1]!, body: "Four", submitKey: key() });
    expect((await arrived(s.facilitator.user)).map((n) => [n.readAt === null, n.data.count])).toEqual([[true, 1], [false, 4]]);
    // The member hears nothing of it.
    expect(await arrived(s.memberCtx.user)).toEqual([]);
  });

  it("a transcription tells the other facilitators, not the one who typed it", async () => {
    const s = await scenario();
    const input = { packNumber: 1, memberId: s.mail.member.id, receivedOn: "2026-11-18" };
    await submitTranscription(s.facilitator, { ...input, promptId: s.prompts[0]!, body: "Dear group", submitKey: key() });
    await submitTranscription(s.facilitator, { ...input, promptId: s.prompts[1]!, body: "And more", submitKey: key() });
    expect(await arrived(s.facilitator.user)).toEqual([]);
    expect((await arrived(s.second.user)).map((n) => n.data.count)).toEqual([2]);
  });

  it("an online submit is still one round trip to PostgreSQL, notification included", async () => {
    const s = await scenario();
    await loadGroupContext(s.memberCtx.user, s.group.slug); // a pooled connection is open
    const sent = vi.spyOn(pg.Client.prototype, "query");
    try {
      await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "Counted", submitKey: key() });
      expect(sent).toHaveBeenCalledTimes(1);
    } finally {
      sent.mockRestore();
    }
    expect((await arrived(s.facilitator.user)).map((n) => n.data.count)).toEqual([1]);
    expect(await db.notification.count({ where: { userId: s.memberCtx.user.id, kind: "answersArrived" } })).toBe(0);
  });
});
