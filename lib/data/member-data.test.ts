import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { eraseMember, exportMemberData, getMemberDetail } from "@/lib/data/member-data";
import { addMailMember, transferMember } from "@/lib/data/members";
import { publishPack } from "@/lib/data/packs";
import { attachScan } from "@/lib/data/scans";
import { submitTranscription } from "@/lib/data/transcriptions";
import { makeOrganizer } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { tinyPng } from "@/tests/factories/scan";

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

/** A mail member with two transcribed responses (one shared, one private), a scan on each, a transfer in their history. */
async function scenario() {
  const s = await makePackScenario();
  const organizer = await contextOf(await makeOrganizer(s.group.organizationId), s.group.slug);
  const [a, b] = await Promise.all(["A", "B"].map((n) => db.facility.create({ data: { organizationId: s.group.organizationId, name: `Jail ${n} ${s.group.slug}`, addressLines: ["1 Road"] } })));
  const { id } = await addMailMember(s.facilitator, { legalName: "Ann Secret", penName: "Lark", facilityId: a!.id, idNumber: "X-1", housingUnit: "C-3" });
  await transferMember(s.facilitator, id, { facilityId: b!.id, idNumber: "Y-2", housingUnit: "", occurredOn: "2026-11-10", reason: "Moved" });
  await publishPack(s.facilitator, 1);
  const submit = (promptId: string, body: string) => submitTranscription(s.facilitator, { packNumber: 1, memberId: id, promptId, body, receivedOn: "2026-11-20", submitKey: randomUUID() });
  await submit(s.prompts[0]!, "Shared words");
  await submit(s.prompts[0]!, "Shared words, second version");
  await submit(s.prompts[1]!, "Private words");
  const responses = await db.response.findMany({ where: { memberId: id }, orderBy: { createdAt: "asc" } });
  const [shared, priv] = [responses.find((r) => r.promptId === s.prompts[0])!, responses.find((r) => r.promptId === s.prompts[1])!];
  await db.response.update({ where: { id: shared.id }, data: { shared: true } });
  for (const r of [shared, priv]) await attachScan(s.facilitator, r.id, { name: "letter.png", bytes: tinyPng() });
  const personId = (await db.member.findUniqueOrThrow({ where: { id } })).personId;
  return { ...s, organizer, memberId: id, personId, shared, priv };
}

describe("a member's data", () => {
  it("the detail page is for the group's staff and every look is recorded", async () => {
    const s = await scenario();
    const detail = await getMemberDetail(s.facilitator, s.memberId);
    expect(detail.person).toMatchObject({ legalName: "Ann Secret", idNumber: "Y-2" });
    expect(await db.auditLog.count({ where: { personId: s.personId, action: "member.view" } })).toBe(1);
    await expect(getMemberDetail(s.memberCtx, s.memberId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { personId: s.personId, action: "member.view" } })).toBe(1);
  });

  it("exports everything about the person, for organizers only, recorded", async () => {
    const s = await scenario();
    await expect(exportMemberData(s.facilitator, s.memberId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const data = await exportMemberData(s.organizer, s.memberId);
    const text = JSON.stringify(data);
    for (const expected of ["Ann Secret", "Y-2", "Shared words", "Shared words, second version", "Private words", "letter.png", "TRANSFERRED", "X-1"]) expect(text).toContain(expected);
    const [enrolment] = data.person.memberships;
    expect(enrolment!.responses.find((r) => r.body === "Shared words, second version")!.versions.map((v) => v.body)).toEqual(["Shared words", "Shared words, second version"]);
    expect(enrolment!.deliveries).toHaveLength(1);
    expect(await db.auditLog.count({ where: { personId: s.personId, action: "member.export" } })).toBe(1);
  });

  it("erasure needs the pen name typed, and organizers; a wrong confirmation changes nothing", async () => {
    const s = await scenario();
    await expect(eraseMember(s.facilitator, s.memberId, "Lark")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eraseMember(s.organizer, s.memberId, "lark ")).rejects.toMatchObject({ code: "INVALID", message: "roster.erase.confirmationWrong" });
    expect(await db.person.findUniqueOrThrow({ where: { id: s.personId } })).toMatchObject({ legalName: "Ann Secret", erasedAt: null });
    expect(await db.response.count({ where: { memberId: s.memberId } })).toBe(2);
  });

  it("erasure keeps shared responses as a former member, deletes the rest with versions and scans, and scrubs history and audit", async () => {
    const s = await scenario();
    // An online member with a login, sharing by preference: their response stays, their login goes.
    const result = await eraseMember(s.organizer, s.memberId, " Lark ");
    expect(result).toEqual({ keptResponses: 1, deletedResponses: 1 });
    const person = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
    expect(person).toMatchObject({ legalName: "", email: null, facilityId: null, idNumber: null, housingUnit: null, userId: null });
    expect(person.erasedAt).not.toBeNull();
    expect(await db.response.findUnique({ where: { id: s.priv.id } })).toBeNull();
    expect(await db.responseVersion.count({ where: { responseId: s.priv.id } })).toBe(0);
    const kept = await db.response.findUniqueOrThrow({ where: { id: s.shared.id }, include: { versions: true, scans: true, member: true } });
    expect(kept.body).toBe("Shared words, second version");
    expect(kept.versions).toHaveLength(2);
    expect(kept.scans).toHaveLength(0);
    expect(kept.member.penName).toMatch(/^Former member /);
    expect(kept.member.status).toBe("WITHDRAWN");
    expect(await db.responseScan.count({ where: { response: { memberId: s.memberId } } })).toBe(0);
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: s.memberId } });
    expect(delivery.mailedTo).toBeNull();
    const events = await db.personEvent.findMany({ where: { personId: s.personId } });
    expect(JSON.stringify(events)).not.toMatch(/X-1|Y-2|Ann Secret|Moved/);
    expect(events.map((e) => e.kind)).toContain("ERASED");
    const audit = await db.auditLog.findMany({ where: { personId: s.personId } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["member.add", "member.transfer", "member.erase"]));
    expect(JSON.stringify(audit)).not.toMatch(/X-1|Y-2|Ann Secret/);
    await expect(eraseMember(s.organizer, s.memberId, (await db.member.findUniqueOrThrow({ where: { id: s.memberId } })).penName)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("erasing an online member disables and anonymizes their login; their response stays when their preference is to share", async () => {
    const s = await makePackScenario({ published: true });
    const organizer = await contextOf(await makeOrganizer(s.group.organizationId), s.group.slug);
    await db.member.update({ where: { id: s.member.id }, data: { sharingPreference: "GROUP" } });
    const response = await db.response.create({ data: { packId: s.pack.id, memberId: s.member.id, promptId: s.prompts[0]!, source: "ONLINE", body: "Mine", status: "SUBMITTED", version: 1, versions: { create: { version: 1, body: "Mine" } } } });
    const userId = s.memberCtx.user.id;
    const email = s.memberCtx.user.email;
    await db.signInAttempt.createMany({ data: [{ email, ip: "203.0.113.9", succeeded: true }, { email, ip: "198.51.100.4", succeeded: false }, { email: "someone-else@example.test", ip: "203.0.113.9", succeeded: true }] });
    const penName = (await db.member.findUniqueOrThrow({ where: { id: s.member.id } })).penName;
    expect(await eraseMember(organizer, s.member.id, penName)).toEqual({ keptResponses: 1, deletedResponses: 0 });
    // Their sign-in attempts (e-mail and address) go too; other people's stay.
    expect(await db.signInAttempt.count({ where: { email } })).toBe(0);
    expect(await db.signInAttempt.count({ where: { email: "someone-else@example.test" } })).toBe(1);
    expect(await db.response.findUnique({ where: { id: response.id } })).not.toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ name: "Former member", passwordHash: null });
    expect(user.email).toMatch(/@erased\.invalid$/);
    expect(user.disabledAt).not.toBeNull();
    expect(await loadGroupContext(s.memberCtx.user, s.group.slug)).toBeNull();
  });
});
