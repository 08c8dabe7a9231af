import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { addMailMember, changeMemberStatus, listMemberHistories, listMembers, listPersonEvents, moveMember, switchChannel, transferMember } from "@/lib/data/members";
import { printAndMarkMailed } from "@/tests/factories/print-run";
import { publishPack } from "@/lib/data/packs";
import { submitTranscription } from "@/lib/data/transcriptions";
import { makeGroup, makeMember, makeOrganizer } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

async function scenario() {
  const s = await makePackScenario();
  const [a, b] = await Promise.all(
    ["A", "B"].map((n) => db.facility.create({ data: { organizationId: s.group.organizationId, name: `Facility ${n} ${s.group.slug}`, addressLines: [`${n} Road`] } })),
  );
  return { ...s, a: a!, b: b! };
}

describe("mail members", () => {
  it("are added with facility, ID and unit; a duplicate pen name is refused", async () => {
    const s = await scenario();
    const added = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: s.a.id, idNumber: "X-1", housingUnit: "C-3" });
    const members = await listMembers(s.facilitator);
    expect(members.find((m) => m.id === added.id)).toMatchObject({ channel: "MAIL", person: { legalName: "Ann Smith", idNumber: "X-1", housingUnit: "C-3", facility: { id: s.a.id } } });
    await expect(addMailMember(s.facilitator, { legalName: "Bob", penName: "Lark", facilityId: s.a.id, idNumber: "X-2", housingUnit: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addMailMember(s.memberCtx, { legalName: "Eve", penName: "Eve", facilityId: s.a.id, idNumber: "X-3", housingUnit: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listMembers(s.memberCtx)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a transfer keeps the history and the address each pack was mailed to", async () => {
    const s = await scenario();
    const { id } = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: s.a.id, idNumber: "X-1", housingUnit: "C-3" });
    await publishPack(s.facilitator, 1);
    await printAndMarkMailed(s.facilitator, { packNumber: 1, occurredOn: "2026-11-20" });
    await transferMember(s.facilitator, id, { facilityId: s.b.id, idNumber: "Y-9", housingUnit: "D-1", occurredOn: "2026-11-22", reason: "Moved by the state" });
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: id } });
    expect(delivery.mailedTo).toMatchObject({ facility: s.a.name, idNumber: "X-1" });
    const events = await listPersonEvents(s.facilitator, id);
    expect(events.find((e) => e.kind === "TRANSFERRED")).toMatchObject({ kind: "TRANSFERRED", reason: "Moved by the state", details: { from: { facility: s.a.name, idNumber: "X-1" }, to: { facility: s.b.name, idNumber: "Y-9" } } });
  });

  it("switching from mail to online keeps every response", async () => {
    const s = await scenario();
    const { id } = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: s.a.id, idNumber: "X-1", housingUnit: "" });
    await publishPack(s.facilitator, 1);
    await submitTranscription(s.facilitator, { packNumber: 1, memberId: id, promptId: s.prompts[0]!, body: "By letter", receivedOn: "2026-11-20", submitKey: randomUUID() });
    await switchChannel(s.facilitator, id, "ONLINE");
    const member = await db.member.findUniqueOrThrow({ where: { id }, include: { responses: true } });
    expect(member.channel).toBe("ONLINE");
    expect(member.responses.map((r) => r.body)).toEqual(["By letter"]);
    expect((await listPersonEvents(s.facilitator, id)).map((e) => e.kind)).toContain("RELEASED");
  });
});

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

const change = (c: "pause" | "resume" | "complete" | "withdraw", reason = "") => ({ change: c, occurredOn: "2026-12-01", reason });

describe("member lifecycle", () => {
  it("allows only sensible transitions and records who, when and why", async () => {
    const s = await scenario();
    const id = s.member.id;
    await expect(changeMemberStatus(s.facilitator, id, change("resume"))).rejects.toMatchObject({ code: "CONFLICT", message: "members.errors.changeNotAllowed" });
    await changeMemberStatus(s.facilitator, id, change("pause", "In the hospital"));
    await expect(changeMemberStatus(s.facilitator, id, change("pause"))).rejects.toMatchObject({ code: "CONFLICT" });
    await changeMemberStatus(s.facilitator, id, change("resume"));
    await changeMemberStatus(s.facilitator, id, change("complete"));
    const completed = await db.member.findUniqueOrThrow({ where: { id } });
    expect(completed).toMatchObject({ status: "COMPLETED" });
    expect(completed.endedAt?.toISOString().slice(0, 10)).toBe("2026-12-01");
    for (const c of ["pause", "resume", "complete", "withdraw"] as const) await expect(changeMemberStatus(s.facilitator, id, change(c))).rejects.toMatchObject({ code: "CONFLICT" });

    const events = await db.personEvent.findMany({ where: { memberId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["PAUSED", "RESUMED", "COMPLETED"]);
    expect(events[0]).toMatchObject({ reason: "In the hospital", actorId: s.facilitator.user.id });
    expect(await db.auditLog.count({ where: { entityId: id, action: { in: ["member.pause", "member.resume", "member.complete"] } } })).toBe(3);
    const history = (await listMemberHistories(s.facilitator, [s.member.personId])).get(s.member.personId)!;
    expect(history.find((e) => e.kind === "PAUSED")).toMatchObject({ reason: "In the hospital", actor: s.facilitator.user.name });

    // Members cannot change anyone's status; a member of another group is not found.
    await expect(changeMemberStatus(s.memberCtx, id, change("withdraw"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await makeMember(await makeGroup(s.group.organizationId));
    await expect(changeMemberStatus(s.facilitator, other.member.id, change("pause"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a withdrawn member loses the group at once, and nothing starts from withdrawn", async () => {
    const s = await scenario();
    const user = s.memberCtx.user;
    expect(await loadGroupContext(user, s.group.slug)).not.toBeNull();
    await changeMemberStatus(s.facilitator, s.member.id, change("withdraw", "Asked to stop"));
    expect(await loadGroupContext(user, s.group.slug)).toBeNull();
    const row = await db.member.findUniqueOrThrow({ where: { id: s.member.id } });
    expect(row.status).toBe("WITHDRAWN");
    expect(row.endedAt).not.toBeNull();
    await expect(changeMemberStatus(s.facilitator, s.member.id, change("resume"))).rejects.toMatchObject({ code: "CONFLICT" });
    const organizer = await contextOf(await makeOrganizer(s.group.organizationId), s.group.slug);
    const target = await makeGroup(s.group.organizationId);
    await expect(moveMember(organizer, s.member.id, { targetGroupId: target.id, penName: "Lark", occurredOn: "2026-12-02", reason: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.member.count({ where: { groupId: target.id } })).toBe(0);
  });
});

describe("moving between groups", () => {
  async function moveScenario() {
    const s = await scenario();
    const organizerUser = await makeOrganizer(s.group.organizationId);
    const organizer = await contextOf(organizerUser, s.group.slug);
    const advanced = await makeGroup(s.group.organizationId);
    const { id } = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: s.a.id, idNumber: "X-1", housingUnit: "" });
    return { ...s, organizer, organizerUser, advanced, id };
  }

  it("makes a new enrolment; earlier responses stay on the old one and the person has both", async () => {
    const s = await moveScenario();
    await publishPack(s.facilitator, 1);
    await submitTranscription(s.facilitator, { packNumber: 1, memberId: s.id, promptId: s.prompts[0]!, body: "By letter", receivedOn: "2026-11-20", submitKey: randomUUID() });
    const moved = await moveMember(s.organizer, s.id, { targetGroupId: s.advanced.id, penName: "Lark", occurredOn: "2026-12-05", reason: "Moving up" });

    const old = await db.member.findUniqueOrThrow({ where: { id: s.id }, include: { responses: true } });
    expect(old).toMatchObject({ status: "MOVED", movedToId: moved.id });
    expect(old.endedAt?.toISOString().slice(0, 10)).toBe("2026-12-05");
    expect(old.responses.map((r) => r.body)).toEqual(["By letter"]);
    const fresh = await db.member.findUniqueOrThrow({ where: { id: moved.id }, include: { responses: true } });
    expect(fresh).toMatchObject({ groupId: s.advanced.id, personId: old.personId, channel: "MAIL", penName: "Lark", status: "ACTIVE" });
    expect(fresh.responses).toEqual([]);
    const enrolments = await db.member.findMany({ where: { personId: old.personId }, select: { groupId: true } });
    expect(enrolments.map((e) => e.groupId).sort()).toEqual([s.group.id, s.advanced.id].sort());
    const event = await db.personEvent.findFirstOrThrow({ where: { memberId: s.id, kind: "MOVED" } });
    expect(event).toMatchObject({ reason: "Moving up", actorId: s.organizerUser.id, details: { to: { groupId: s.advanced.id, memberId: moved.id } } });
    expect(await db.auditLog.count({ where: { action: "member.move", entityId: s.id, actorId: s.organizerUser.id } })).toBe(1);

    // Moved is closed: no second move and no status change.
    await expect(moveMember(s.organizer, s.id, { targetGroupId: s.advanced.id, penName: "Lark", occurredOn: "2026-12-06", reason: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeMemberStatus(s.facilitator, s.id, change("pause"))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("asks for another pen name when it is taken there, and refuses a person already in the group", async () => {
    const s = await moveScenario();
    const taken = await makeMember(s.advanced);
    const takenName = (await db.member.findUniqueOrThrow({ where: { id: taken.member.id } })).penName;
    await expect(moveMember(s.organizer, s.id, { targetGroupId: s.advanced.id, penName: takenName, occurredOn: "2026-12-05", reason: "" })).rejects.toMatchObject({ code: "CONFLICT", message: "members.errors.penNameTaken" });
    expect(await db.member.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "ACTIVE", movedToId: null });
    await moveMember(s.organizer, s.id, { targetGroupId: s.advanced.id, penName: "Lark Two", occurredOn: "2026-12-05", reason: "" });

    // The scenario's online member is also enrolled in the advanced group already.
    const memberUser = s.memberCtx.user;
    await makeMember(s.advanced, { user: memberUser });
    await expect(moveMember(s.organizer, s.member.id, { targetGroupId: s.advanced.id, penName: "Someone", occurredOn: "2026-12-05", reason: "" })).rejects.toMatchObject({ code: "CONFLICT", message: "members.errors.alreadyInTarget" });
    expect(await db.member.findUniqueOrThrow({ where: { id: s.member.id } })).toMatchObject({ status: "ACTIVE" });
  });

  it("refuses a group of another organization as not found, writing nothing", async () => {
    const s = await moveScenario();
    const foreign = await makeGroup();
    // Even an organizer of both organizations cannot move across them.
    await makeOrganizer(foreign.organizationId, s.organizerUser);
    await expect(moveMember(s.organizer, s.id, { targetGroupId: foreign.id, penName: "Lark", occurredOn: "2026-12-05", reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.member.count({ where: { groupId: foreign.id } })).toBe(0);
    expect(await db.member.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "ACTIVE", movedToId: null, endedAt: null });
    expect(await db.personEvent.count({ where: { memberId: s.id, kind: "MOVED" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "member.move", entityId: s.id } })).toBe(0);
  });

  it("is for organizers only: a facilitator of both groups cannot move", async () => {
    const s = await moveScenario();
    await db.facilitator.create({ data: { groupId: s.advanced.id, userId: s.facilitator.user.id } });
    await expect(moveMember(s.facilitator, s.id, { targetGroupId: s.advanced.id, penName: "Lark", occurredOn: "2026-12-05", reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.member.count({ where: { groupId: s.advanced.id } })).toBe(0);
    expect(await db.member.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "ACTIVE" });
  });
});
