// The rollup triggers and the set-based rebuild must agree: whatever the write path, the
// dashboard reads the same figures a full recount would give.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rebuildProgressRollups } from "@/lib/data/progress-rollups";
import { gridSpec, makeProgressGroup } from "@/tests/factories/progress";
import { recordDeliveryEvent } from "@/lib/data/deliveries";
import { printAndMarkMailed } from "@/tests/factories/print-run";
import { addFeedback } from "@/lib/data/feedback";
import { publishPack } from "@/lib/data/packs";
import { saveDraft, submitResponse } from "@/lib/data/responses";
import { submitTranscription } from "@/lib/data/transcriptions";
import { makeFacility, makeMailMember } from "@/tests/factories/mail";
import { makePackScenario } from "@/tests/factories/pack";

async function snapshot(groupId: string, organizationId: string) {
  const [cells, packs, turnaround, members, facilities, mailings, group, levels] = await Promise.all([
    db.progressCell.findMany({ where: { groupId }, orderBy: [{ packId: "asc" }, { memberId: "asc" }] }),
    db.progressPackRollup.findMany({ where: { groupId, OR: [{ recipients: { gt: 0 } }, { respondents: { gt: 0 } }] }, orderBy: { packId: "asc" } }),
    db.progressTurnaround.findMany({ where: { groupId, cells: { gt: 0 } }, orderBy: [{ channel: "asc" }, { days: "asc" }] }),
    db.progressMember.findMany({ where: { groupId }, orderBy: { memberId: "asc" } }),
    db.progressFacilityIssue.findMany({ where: { organizationId, count: { gt: 0 } }, orderBy: [{ facility: "asc" }, { reason: "asc" }] }),
    db.progressMailing.findMany({ where: { groupId }, orderBy: { deliveryId: "asc" } }),
    db.progressGroup.findUnique({ where: { groupId } }),
    levelSnapshot(organizationId),
  ]);
  return { cells, packs, turnaround, members, facilities, mailings, group, levels };
}

/** The organization × level rows (docs/decisions/051), every one: a row that came back to zero must be gone, as in a rebuild. */
async function levelSnapshot(organizationId: string) {
  const [packs, turnaround] = await Promise.all([
    db.progressLevelPack.findMany({ where: { organizationId }, orderBy: [{ level: "asc" }, { number: "asc" }] }),
    db.progressLevelTurnaround.findMany({ where: { organizationId }, orderBy: [{ level: "asc" }, { channel: "asc" }, { days: "asc" }] }),
  ]);
  return { packs, turnaround };
}

describe("progress rollups", () => {
  it("triggers keep the same figures a full rebuild computes, through inserts, edits and deletes", async () => {
    const s = await makeProgressGroup({ members: gridSpec(8, 4), packs: 4 });
    const live = await snapshot(s.group.id, s.group.organizationId);
    expect(live.cells.length).toBeGreaterThan(0);
    expect(live.facilities.length).toBeGreaterThan(0);
    expect(live.mailings.length).toBeGreaterThan(0);
    // Each mailing row carries its delivery's pack and member (the matrix joins on them).
    const deliveries = await db.delivery.findMany({ where: { id: { in: live.mailings.map((m) => m.deliveryId) } }, select: { id: true, packId: true, memberId: true } });
    expect(live.mailings.map(({ deliveryId, packId, memberId }) => ({ id: deliveryId, packId, memberId }))).toEqual(
      deliveries.sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(live.group).toMatchObject({ groupId: s.group.id, activeMembers: 8 });

    // Edits through other paths: a response withdrawn to draft, feedback removed, a re-mailing.
    const someResponse = await db.response.findFirstOrThrow({ where: { packId: s.packIds[1] }, select: { id: true } });
    await db.response.update({ where: { id: someResponse.id }, data: { status: "DRAFT" } });
    await db.feedback.deleteMany({ where: { response: { packId: s.packIds[2] } } });
    const mailDelivery = await db.delivery.findFirstOrThrow({ where: { packId: s.packIds[0], channel: "MAIL", status: "RESPONDED" }, select: { id: true } });
    await db.deliveryEvent.create({ data: { deliveryId: mailDelivery.id, status: "RESENT", occurredOn: new Date("2026-10-02") } });
    await db.response.deleteMany({ where: { packId: s.packIds[3], memberId: s.memberIds[1] } });
    const draft = await db.response.create({
      data: { packId: s.packIds[3]!, memberId: s.memberIds[0]!, promptId: s.promptIds[3]![1]!, source: "ONLINE", draftBody: "later" },
    }).catch(() => null);
    if (draft) await db.response.update({ where: { id: draft.id }, data: { draftBody: "edited draft", lastSubmitKey: randomUUID() } });
    // The group figures' own inputs: a member leaves, another joins later, a lesson leaves a pack.
    await db.member.update({ where: { id: s.memberIds[2]! }, data: { status: "WITHDRAWN" } });
    await db.member.update({ where: { id: s.memberIds[3]! }, data: { joinedAt: new Date("2030-01-01") } });
    await db.packLesson.deleteMany({ where: { packId: s.packIds[0] } });

    const afterEdits = await snapshot(s.group.id, s.group.organizationId);
    await rebuildProgressRollups(db);
    const rebuilt = await snapshot(s.group.id, s.group.organizationId);
    expect(afterEdits).toEqual(rebuilt);
    expect(live.cells.length).not.toEqual(0);
  });

  it("follow the app's own write paths: publish, drafts, submits, transcription, mailing, refusal, feedback", async () => {
    const s = await makePackScenario();
    const facility = await makeFacility(s.group.organizationId, { name: `Rollup facility ${randomUUID().slice(0, 6)}` });
    const mail = await makeMailMember(s.group, { facilityId: facility.id });
    const refused = await makeMailMember(s.group, { facilityId: facility.id });
    await publishPack(s.facilitator, 1);
    await printAndMarkMailed(s.facilitator, { packNumber: 1, occurredOn: "2026-11-02" });
    await saveDraft(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "thinking" });
    expect(await db.progressCell.count({ where: { groupId: s.group.id } })).toBe(0);
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "First", submitKey: randomUUID() });
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[1]!, body: "Second", submitKey: randomUUID() });
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "First, edited", submitKey: randomUUID() });
    await submitTranscription(s.facilitator, { packNumber: 1, memberId: mail.memberId, promptId: s.prompts[0]!, body: "By letter", receivedOn: "2026-11-12", submitKey: randomUUID() });
    const refusedDelivery = await db.delivery.findFirstOrThrow({ where: { memberId: refused.memberId } });
    await recordDeliveryEvent(s.facilitator, { packNumber: 1, deliveryId: refusedDelivery.id, status: "REJECTED", occurredOn: "2026-11-05", reason: "Staples" });
    const answer = await db.response.findFirstOrThrow({ where: { memberId: s.member.id, promptId: s.prompts[0]! } });
    await addFeedback(s.facilitator, { responseId: answer.id, body: "Thanks", clientKey: randomUUID() });

    const live = await snapshot(s.group.id, s.group.organizationId);
    expect(live.packs).toEqual([{ packId: s.pack.id, groupId: s.group.id, recipients: 3, respondents: 2 }]);
    expect(live.cells.find((c) => c.memberId === s.member.id)).toMatchObject({ answeredPrompts: 2, feedbackCount: 1, turnaroundChannel: "ONLINE", turnaroundDays: 0 });
    expect(live.cells.find((c) => c.memberId === mail.memberId)).toMatchObject({ answeredPrompts: 1, turnaroundChannel: "MAIL", turnaroundDays: 10 });
    expect(live.facilities).toContainEqual({ organizationId: s.group.organizationId, facility: facility.name, status: "REJECTED", reason: "Staples", count: 1 });
    expect(live.group).toMatchObject({ activeMembers: 3, quiet: 0, medianOnlineDays: 0, medianMailDays: 10 });
    expect(live.mailings.find((m) => m.deliveryId === refusedDelivery.id)).toMatchObject({ mailedOn: new Date("2026-11-02"), refusalStatus: "REJECTED", refusalReason: "Staples" });
    await rebuildProgressRollups(db);
    expect(await snapshot(s.group.id, s.group.organizationId)).toEqual(live);
  });
  it("moves the quiet count member by member as answers come and go, as a recount would", async () => {
    // Four packs: the second latest is pack 3, so a member is quiet until they answer pack 3 or 4.
    const online = (answers: (number | null)[]) => ({ channel: "ONLINE" as const, answers });
    const s = await makeProgressGroup({ members: [online([1, null, null, null]), online([1, 1, 1, null]), online([null, null, null, null])], packs: 4 });
    const quiet = async () => (await db.progressGroup.findUniqueOrThrow({ where: { groupId: s.group.id } })).quiet;
    const answer = (pack: number, member: number, body: string) =>
      db.response.create({ data: { packId: s.packIds[pack - 1]!, memberId: s.memberIds[member]!, promptId: s.promptIds[pack - 1]![0]!, source: "ONLINE", status: "SUBMITTED", body, version: 1, submittedAt: new Date() } });
    expect(await quiet()).toBe(2);

    const back = await answer(4, 0, "Back again"); // the first member answers the latest pack
    expect(await quiet()).toBe(1);
    await answer(1, 2, "Late"); // the third answers an old pack: still quiet
    expect(await quiet()).toBe(1);
    await answer(4, 1, "Keeping up"); // the second was not quiet and is not now
    expect(await quiet()).toBe(1);
    await db.response.delete({ where: { id: back.id } }); // withdrawn: quiet again
    expect(await quiet()).toBe(2);
    expect(await db.progressMember.findUniqueOrThrow({ where: { memberId: s.memberIds[0]! } })).toMatchObject({ answeredPacks: 1, lastAnsweredNumber: 1 });
    expect(await db.progressMember.findUniqueOrThrow({ where: { memberId: s.memberIds[1]! } })).toMatchObject({ answeredPacks: 4, lastAnsweredNumber: 4 });

    const live = await snapshot(s.group.id, s.group.organizationId);
    await rebuildProgressRollups(db);
    expect(await snapshot(s.group.id, s.group.organizationId)).toEqual(live);
  });
  it("keep the organization × level rows as a rebuild makes them when groups and packs move", async () => {
    const s = await makeProgressGroup({ members: gridSpec(6, 3), packs: 3 });
    const orgId = s.group.organizationId;
    // A second group of the same organization, so that a level's rows sum two groups.
    const other = await makeProgressGroup({ members: gridSpec(4, 3), packs: 3, organizationId: orgId });
    const agrees = async (step: string) => {
      const live = await levelSnapshot(orgId);
      await rebuildProgressRollups(db);
      expect({ step, ...(await levelSnapshot(orgId)) }).toEqual({ step, ...live });
      return live;
    };
    const start = await agrees("start");
    expect(start.packs.filter((p) => p.level === "INTRODUCTORY").map((p) => p.packs)).toEqual([2, 2, 2]);
    expect(start.turnaround.length).toBeGreaterThan(0);

    await db.group.update({ where: { id: s.group.id }, data: { level: "ADVANCED" } });
    const moved = await agrees("level changed");
    expect(moved.packs.filter((p) => p.level === "ADVANCED").map((p) => p.packs)).toEqual([1, 1, 1]);
    await db.group.update({ where: { id: other.group.id }, data: { archivedAt: new Date() } });
    const archived = await agrees("archived");
    expect(archived.packs.some((p) => p.level === "INTRODUCTORY")).toBe(false);
    await db.group.update({ where: { id: other.group.id }, data: { archivedAt: null } });
    await agrees("brought back");
    // A pack taken back to draft, another renumbered, answers coming and going meanwhile.
    await db.pack.update({ where: { id: s.packIds[2]! }, data: { status: "DRAFT" } });
    await agrees("unpublished");
    await db.pack.update({ where: { id: s.packIds[1]! }, data: { number: 7 } });
    await db.response.deleteMany({ where: { packId: s.packIds[0], memberId: s.memberIds[0] } });
    await agrees("renumbered, an answer withdrawn");
    await db.pack.update({ where: { id: s.packIds[2]! }, data: { status: "PUBLISHED" } });
    await db.response.create({ data: { packId: s.packIds[2]!, memberId: s.memberIds[0]!, promptId: s.promptIds[2]![0]!, source: "ONLINE", status: "SUBMITTED", body: "Late", version: 1, submittedAt: new Date() } }).catch(() => null);
    await agrees("published again, an answer to it");
    // A published pack deleted, then a whole group.
    await db.pack.delete({ where: { id: other.packIds[2]! } });
    await agrees("pack deleted");
    await db.group.delete({ where: { id: other.group.id } });
    const end = await agrees("group deleted");
    expect(end.packs.every((p) => p.level === "ADVANCED")).toBe(true);
  });
  it("keep the organization × level rows right when first answers race a group's level changes and archiving", async () => {
    const none = { channel: "ONLINE" as const, answers: [null, null] };
    const s = await makeProgressGroup({ members: Array.from({ length: 12 }, () => none), packs: 2 });
    const first = (pack: number, member: number) =>
      db.response.create({ data: { packId: s.packIds[pack]!, memberId: s.memberIds[member]!, promptId: s.promptIds[pack]![0]!, source: "ONLINE", status: "SUBMITTED", body: "Mine", version: 1, submittedAt: new Date() } });
    const flips: (() => Promise<unknown>)[] = [
      () => db.group.update({ where: { id: s.group.id }, data: { level: "INTERMEDIATE" } }),
      () => db.group.update({ where: { id: s.group.id }, data: { archivedAt: new Date() } }),
      () => db.group.update({ where: { id: s.group.id }, data: { level: "ADVANCED", archivedAt: null } }),
    ];
    // 24 first answers (each moves a pack's respondents and a turnaround bucket) at once, and
    // meanwhile the flips one after the other, so that the group ends advanced and not archived.
    const writes: (() => Promise<unknown>)[] = s.memberIds.flatMap((_, m) => [0, 1].map((pack) => () => first(pack, m)));
    writes.splice(4, 0, async () => {
      for (const flip of flips) await flip();
    });
    await Promise.all(writes.map((write) => write()));
    const live = await levelSnapshot(s.group.organizationId);
    expect(live.packs.map((p) => [p.level, p.number, p.respondents])).toEqual([
      ["ADVANCED", 1, 12],
      ["ADVANCED", 2, 12],
    ]);
    await rebuildProgressRollups(db);
    expect(await levelSnapshot(s.group.organizationId)).toEqual(live);
  });
});
