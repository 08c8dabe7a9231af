import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext } from "@/lib/authz";
import { addReply, getMySharing, hideFromGroup, listDiscussion, showToGroupAgain, recordMemberConsent, setMyResponseShared, updateMySharing } from "@/lib/data/discussion";
import { listMyResponses, submitResponse } from "@/lib/data/responses";
import { submitTranscription } from "@/lib/data/transcriptions";
import { listNotifications, unreadCount } from "@/lib/data/notifications";
import { hideSchema, mySharingSchema, replySchema } from "@/lib/validations/discussion";
import { makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const key = () => randomUUID();

async function secondMember(s: Awaited<ReturnType<typeof makePackScenario>>) {
  const { user, member } = await makeMember(s.group);
  const ctx = await loadGroupContext(user!, s.group.slug);
  return { user: user!, member, ctx: ctx! };
}

describe("pen names and sharing preference", () => {
  it("a member sets their own; the change is recorded as a consent event", async () => {
    const s = await makePackScenario({ published: true });
    const saved = await updateMySharing(s.memberCtx, { penName: "Rosa L.", sharingPreference: "GROUP" });
    expect(saved).toMatchObject({ penName: "Rosa L.", sharingPreference: "GROUP" });
    expect(saved.sharingConsentAt).toBeInstanceOf(Date);
    const events = await db.personEvent.findMany({ where: { memberId: s.member.id, kind: "CONSENT_CHANGED" } });
    expect(events).toHaveLength(1);
    await expect(getMySharing(s.facilitator)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a pen name is unique in the group, whatever the letter case", async () => {
    const s = await makePackScenario({ published: true });
    const other = await secondMember(s);
    await updateMySharing(s.memberCtx, { penName: "Sojourner", sharingPreference: "GROUP" });
    await expect(updateMySharing(other.ctx, { penName: "sojourner", sharingPreference: "GROUP" })).rejects.toMatchObject({ message: "discussion.errors.penNameTaken" });
    expect((await db.member.findUniqueOrThrow({ where: { id: other.member.id } })).penName).not.toBe("sojourner");
  });

  it("pen names with pattern characters are compared as text: a trailing backslash, % and _", async () => {
    const s = await makePackScenario({ published: true });
    const other = await secondMember(s);
    await updateMySharing(s.memberCtx, { penName: "Reader\\", sharingPreference: "GROUP" });
    await updateMySharing(other.ctx, { penName: "R%", sharingPreference: "GROUP" });
    // "R%" must not count as taken by "Reader\\" (as ILIKE would), and "r%" is taken by "R%".
    await expect(updateMySharing(s.memberCtx, { penName: "r%", sharingPreference: "GROUP" })).rejects.toMatchObject({ message: "discussion.errors.penNameTaken" });
    await expect(updateMySharing(other.ctx, { penName: "READER\\", sharingPreference: "GROUP" })).rejects.toMatchObject({ message: "discussion.errors.penNameTaken" });
    expect((await updateMySharing(other.ctx, { penName: "R_", sharingPreference: "GROUP" })).penName).toBe("R_");
  });

  it("naughty strings: saved exactly as cleaned, or refused with a message and nothing changed", async () => {
    const s = await makePackScenario({ published: true });
    const before = (await getMySharing(s.memberCtx)).penName;
    let accepted = 0;
    const seen = new Set<string>();
    for (const raw of naughtyStrings) {
      const parsed = mySharingSchema.safeParse({ penName: raw, sharingPreference: "GROUP" });
      if (!parsed.success) {
        expect(parsed.error.issues[0]?.message).toMatch(/^discussion\.validation\./);
        continue;
      }
      expect(parsed.data.penName).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      if (seen.has(parsed.data.penName.toLowerCase())) continue;
      seen.add(parsed.data.penName.toLowerCase());
      const saved = await updateMySharing(s.memberCtx, parsed.data);
      expect(saved.penName).toBe(parsed.data.penName);
      accepted++;
    }
    expect(accepted).toBeGreaterThan(50);
    expect(mySharingSchema.safeParse({ penName: "A\u202Eevil", sharingPreference: "GROUP" }).success).toBe(false);
    expect(mySharingSchema.safeParse({ penName: "   ", sharingPreference: "GROUP" }).success).toBe(false);
    expect(before).toBeTruthy();
  });

  it("a facilitator records a mail member's choice with the date of the letter", async () => {
    const s = await makePackScenario({ published: true });
    const { member } = await makeMember(s.group, { channel: "MAIL" });
    await recordMemberConsent(s.facilitator, member.id, { penName: "Inside Reader", sharingPreference: "GROUP", givenOn: "2026-03-02" });
    const row = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.sharingConsentAt?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(row.sharingConsentById).toBe(s.facilitator.user.id);
    const event = await db.personEvent.findFirstOrThrow({ where: { memberId: member.id, kind: "CONSENT_CHANGED" } });
    expect(event.occurredOn.toISOString().slice(0, 10)).toBe("2026-03-02");
    await expect(recordMemberConsent(s.memberCtx, member.id, { penName: "x", sharingPreference: "GROUP", givenOn: "2026-03-02" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await makePackScenario();
    await expect(recordMemberConsent(other.facilitator, member.id, { penName: "x", sharingPreference: "GROUP", givenOn: "2026-03-02" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("sharing one response", () => {
  it("defaults to the preference; the writer can change it", async () => {
    const s = await makePackScenario({ published: true });
    await updateMySharing(s.memberCtx, { penName: "Writer", sharingPreference: "FACILITATORS" });
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "Mine", submitKey: key() });
    let [mine] = await listMyResponses(s.memberCtx, s.pack.id);
    expect(mine?.shared).toBe(false);
    await setMyResponseShared(s.memberCtx, { responseId: mine!.id, shared: true });
    [mine] = await listMyResponses(s.memberCtx, s.pack.id);
    expect(mine?.shared).toBe(true);
    const other = await secondMember(s);
    await expect(setMyResponseShared(other.ctx, { responseId: mine!.id, shared: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a transcription cannot be shared without the mail member's recorded consent, whatever the request says", async () => {
    const s = await makePackScenario({ published: true });
    const { member } = await makeMember(s.group, { channel: "MAIL" });
    const input = { packNumber: 1, memberId: member.id, promptId: s.prompts[0]!, body: "From a letter", receivedOn: "2026-01-10", submitKey: key(), shared: true };
    await expect(submitTranscription(s.facilitator, input)).rejects.toMatchObject({ message: "discussion.errors.noConsent" });
    expect(await db.response.count({ where: { memberId: member.id, status: "SUBMITTED" } })).toBe(0);
    await recordMemberConsent(s.facilitator, member.id, { penName: "Letter Writer", sharingPreference: "GROUP", givenOn: "2026-01-02" });
    await submitTranscription(s.facilitator, { ...input, submitKey: key() });
    expect((await db.response.findFirstOrThrow({ where: { memberId: member.id } })).shared).toBe(true);
  });
});

describe("discussion, replies and hiding", () => {
  async function sharedScenario() {
    const s = await makePackScenario({ published: true });
    await updateMySharing(s.memberCtx, { penName: "First Writer", sharingPreference: "GROUP" });
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "A shared thought", submitKey: key() });
    const responseId = (await db.response.findFirstOrThrow({ where: { memberId: s.member.id } })).id;
    const other = await secondMember(s);
    await updateMySharing(other.ctx, { penName: "Second Reader", sharingPreference: "FACILITATORS" });
    return { s, other, responseId };
  }

  it("shows shared responses under pen names only, never legal names", async () => {
    const { s, other } = await sharedScenario();
    const packs = await listDiscussion(other.ctx);
    expect(packs).toHaveLength(1);
    const [response] = packs[0]!.prompts[0]!.responses;
    expect(response).toMatchObject({ penName: "First Writer", body: "A shared thought", mine: false });
    const legalName = (await db.person.findFirstOrThrow({ where: { memberships: { some: { id: s.member.id } } } })).legalName;
    expect(JSON.stringify(packs)).not.toContain(legalName);
    expect(await listDiscussion(other.ctx, { packNumber: 2 })).toEqual([]);
    expect(await listDiscussion(other.ctx, { packNumber: 1 })).toEqual(packs);
    // The second member's responses are for the facilitators only.
    await submitResponse(other.ctx, { packNumber: 1, promptId: s.prompts[0]!, body: "Private", submitKey: key() });
    expect(JSON.stringify(await listDiscussion(s.memberCtx))).not.toContain("Private");
  });

  it("a reply is made once per key, and the writer is notified", async () => {
    const { s, other, responseId } = await sharedScenario();
    const clientKey = key();
    const results = await Promise.all(Array.from({ length: 5 }, () => addReply(other.ctx, { responseId, body: "I agree", clientKey })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.reply.count({ where: { responseId } })).toBe(1);
    expect(await unreadCount(s.memberCtx.user)).toBe(1);
    const [note] = await listNotifications(s.memberCtx.user);
    expect(note).toMatchObject({ kind: "reply", data: { penName: "Second Reader", packNumber: 1 } });
    // The writer answers on their own response: the thread grows, no notification to themselves.
    await addReply(s.memberCtx, { responseId, body: "Thank you both.", clientKey: key() });
    expect(await db.reply.count({ where: { responseId } })).toBe(2);
    expect(await unreadCount(s.memberCtx.user)).toBe(1);
  });

  it("naughty replies are kept exactly", async () => {
    const { other, responseId } = await sharedScenario();
    for (const body of naughtyStrings) {
      const parsed = replySchema.safeParse({ groupSlug: other.ctx.group.slug, responseId, body, clientKey: key() });
      if (!parsed.success) {
        expect(parsed.error.issues[0]?.message).toMatch(/^discussion\.validation\./);
        continue;
      }
      const { id } = await addReply(other.ctx, { responseId, body: parsed.data.body, clientKey: parsed.data.clientKey });
      expect((await db.reply.findUniqueOrThrow({ where: { id } })).body).toBe(parsed.data.body);
    }
  });

  it("cannot reply to a private, hidden or other group's response", async () => {
    const { s, other, responseId } = await sharedScenario();
    await submitResponse(other.ctx, { packNumber: 1, promptId: s.prompts[1]!, body: "Private", submitKey: key() });
    const privateId = (await db.response.findFirstOrThrow({ where: { memberId: other.member.id } })).id;
    await expect(addReply(s.memberCtx, { responseId: privateId, body: "x", clientKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await hideFromGroup(s.facilitator, { kind: "response", id: responseId, reason: "Off topic" });
    await expect(addReply(other.ctx, { responseId, body: "x", clientKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const elsewhere = await makePackScenario({ published: true });
    await expect(addReply(elsewhere.memberCtx, { responseId, body: "x", clientKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addReply(s.facilitator, { responseId, body: "x", clientKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("hiding keeps the text and reason: staff and the writer see it marked, others not at all", async () => {
    const { s, other, responseId } = await sharedScenario();
    const { id: replyId } = await addReply(other.ctx, { responseId, body: "Rude reply", clientKey: key() });
    await expect(hideFromGroup(other.ctx, { kind: "reply", id: replyId, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await hideFromGroup(s.facilitator, { kind: "reply", id: replyId, reason: "Unkind" });
    await hideFromGroup(s.facilitator, { kind: "reply", id: replyId, reason: "Again" });
    const row = await db.reply.findUniqueOrThrow({ where: { id: replyId } });
    expect(row).toMatchObject({ body: "Rude reply", hiddenReason: "Unkind", hiddenById: s.facilitator.user.id });
    const staffView = (await listDiscussion(s.facilitator))[0]!.prompts[0]!.responses[0]!;
    expect(staffView.replies[0]).toMatchObject({ body: "Rude reply", hidden: { reason: "Unkind" } });
    expect((await listDiscussion(s.memberCtx))[0]!.prompts[0]!.responses[0]!.replies).toEqual([]);
    expect((await listDiscussion(other.ctx))[0]!.prompts[0]!.responses[0]!.replies[0]).toMatchObject({ mine: true, hidden: { reason: "Unkind" } });
    const notes = await listNotifications(other.user);
    expect(notes.filter((n) => n.kind === "hidden")).toHaveLength(1);
    expect(notes[0]?.data.reason).toBe("Unkind");
  });

  it("a facilitator shows again what was hidden: everyone sees it, the hiding is kept in the audit log, the writer is told", async () => {
    const { s, other, responseId } = await sharedScenario();
    const { id: replyId } = await addReply(other.ctx, { responseId, body: "Sharp reply", clientKey: key() });
    // Nothing hidden yet: showing changes nothing and writes nothing.
    await showToGroupAgain(s.facilitator, { kind: "reply", id: replyId });
    expect(await db.auditLog.count({ where: { entityId: replyId } })).toBe(0);

    await hideFromGroup(s.facilitator, { kind: "reply", id: replyId, reason: "Too sharp" });
    const hidden = await db.reply.findUniqueOrThrow({ where: { id: replyId } });
    await expect(showToGroupAgain(other.ctx, { kind: "reply", id: replyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const elsewhere = await makePackScenario({ published: true });
    await expect(showToGroupAgain(elsewhere.facilitator, { kind: "reply", id: replyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await Promise.all([showToGroupAgain(s.facilitator, { kind: "reply", id: replyId }), showToGroupAgain(s.facilitator, { kind: "reply", id: replyId })]);

    expect(await db.reply.findUniqueOrThrow({ where: { id: replyId } })).toMatchObject({ body: "Sharp reply", hiddenAt: null, hiddenReason: null, hiddenById: null });
    expect((await listDiscussion(s.memberCtx))[0]!.prompts[0]!.responses[0]!.replies[0]).toMatchObject({ body: "Sharp reply", hidden: null });
    const audit = await db.auditLog.findMany({ where: { entityId: replyId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["discussion.hide", "discussion.show"]);
    expect(audit[0]).toMatchObject({ actorId: s.facilitator.user.id, groupId: s.group.id, details: { reason: "Too sharp" } });
    expect(audit[1]).toMatchObject({
      actorId: s.facilitator.user.id,
      entityType: "Reply",
      details: { hiddenAt: hidden.hiddenAt!.toISOString(), hiddenReason: "Too sharp", hiddenById: s.facilitator.user.id },
    });
    const notes = await listNotifications(other.user);
    expect(notes.map((n) => n.kind).slice(0, 2)).toEqual(["shown", "hidden"]);
    expect(notes[0]?.data.href).toBe(`/groups/${s.group.slug}/discussion#reply-${replyId}`);

    // A response, hidden and shown again with any reason text: the reason travels intact into the audit log.
    for (const reason of naughtyStrings.slice(0, 20)) {
      const parsed = hideSchema.safeParse({ groupSlug: s.group.slug, kind: "response", id: responseId, reason });
      if (!parsed.success) continue;
      await hideFromGroup(s.facilitator, { kind: "response", id: responseId, reason: parsed.data.reason });
      await showToGroupAgain(s.facilitator, { kind: "response", id: responseId });
      const last = await db.auditLog.findFirstOrThrow({ where: { entityId: responseId, action: "discussion.show" }, orderBy: { createdAt: "desc" } });
      expect((last.details as { hiddenReason: string }).hiddenReason).toBe(parsed.data.reason);
    }
    expect((await db.response.findUniqueOrThrow({ where: { id: responseId } })).hiddenAt).toBeNull();
  });
});
