import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext } from "@/lib/authz";
import { acceptInvitationAsNewUser, describeInvitation } from "@/lib/data/invitations";
import { addMailMember, releaseMember } from "@/lib/data/members";
import { publishPack } from "@/lib/data/packs";
import { listMyResponses } from "@/lib/data/responses";
import { submitTranscription } from "@/lib/data/transcriptions";
import { makePackScenario } from "@/tests/factories/pack";

async function scenario() {
  const s = await makePackScenario();
  const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `Jail ${s.group.slug}`, addressLines: ["1 Road"] } });
  const { id } = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: facility.id, idNumber: "X-1", housingUnit: "C-3" });
  await publishPack(s.facilitator, 1);
  await submitTranscription(s.facilitator, { packNumber: 1, memberId: id, promptId: s.prompts[0]!, body: "Written by letter", receivedOn: "2026-11-20", submitKey: randomUUID() });
  return { ...s, facility, memberId: id };
}

const release = (email: string) => ({ email, occurredOn: "2026-12-02", reason: "Released on parole" });

describe("release", () => {
  it("makes a mail member an online member with an invitation, keeping history; they accept and see their letters", async () => {
    const s = await scenario();
    const email = `ann-${randomUUID().slice(0, 6)}@example.test`;
    const { invitation } = await releaseMember(s.facilitator, s.memberId, release(email));
    const member = await db.member.findUniqueOrThrow({ where: { id: s.memberId }, include: { person: true } });
    expect(member.channel).toBe("ONLINE");
    expect(member.person).toMatchObject({ email, facilityId: null, idNumber: null, housingUnit: null, legalName: "Ann Smith" });
    const event = await db.personEvent.findFirstOrThrow({ where: { personId: member.personId, kind: "RELEASED" } });
    expect(event).toMatchObject({ reason: "Released on parole", actorId: s.facilitator.user.id, details: { from: { facility: s.facility.name, idNumber: "X-1", housingUnit: "C-3" }, email } });
    expect(event.occurredOn.toISOString().slice(0, 10)).toBe("2026-12-02");
    expect(await db.auditLog.count({ where: { entityId: s.memberId, action: "member.release" } })).toBe(1);

    expect(invitation).not.toBeNull();
    expect(await describeInvitation(invitation!.token)).toMatchObject({ state: "valid", email, penName: "Lark" });
    await acceptInvitationAsNewUser(invitation!.token, { name: "Ann", password: "correct horse battery", confirmPassword: "correct horse battery" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, locale: true } });
    const ctx = await loadGroupContext(user, s.group.slug);
    expect(ctx?.member?.id).toBe(s.memberId);
    const mine = await listMyResponses(ctx!, s.pack.id);
    expect(mine.map((r) => r.body)).toEqual(["Written by letter"]);
  });

  it("refuses an online member, a member of another group, an email someone else has, and members", async () => {
    const s = await scenario();
    await expect(releaseMember(s.facilitator, s.member.id, release("x@example.test"))).rejects.toMatchObject({ code: "CONFLICT", message: "roster.release.notAllowed" });
    const other = await makePackScenario();
    await expect(releaseMember(other.facilitator, s.memberId, release("y@example.test"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(releaseMember(s.memberCtx, s.memberId, release("y@example.test"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const taken = await db.person.findUniqueOrThrow({ where: { id: (await db.member.findUniqueOrThrow({ where: { id: s.member.id } })).personId } });
    await expect(releaseMember(s.facilitator, s.memberId, release(taken.email!))).rejects.toMatchObject({ code: "CONFLICT", message: "roster.release.emailTaken" });
    const unchanged = await db.member.findUniqueOrThrow({ where: { id: s.memberId }, include: { person: true } });
    expect(unchanged.channel).toBe("MAIL");
    expect(unchanged.person.idNumber).toBe("X-1");
    expect(await db.personEvent.count({ where: { personId: unchanged.personId, kind: "RELEASED" } })).toBe(0);
  });
});

describe("release and erasure forms take any text", () => {
  it("each naughty string as the release email, note or erasure confirmation parses or gets a catalog message, never a crash", async () => {
    const { naughtyStrings } = await import("@/tests/setup/naughty-strings");
    const { eraseSchema, releaseSchema } = await import("@/lib/validations/member");
    const messages = (await import("@/messages/en/roster.json")).default as { roster: { release: Record<string, string>; erase: Record<string, string> } };
    for (const text of naughtyStrings) {
      for (const result of [releaseSchema.safeParse({ email: text, occurredOn: "2026-12-01", reason: "" }), releaseSchema.safeParse({ email: "a@example.test", occurredOn: "2026-12-01", reason: text }), eraseSchema.safeParse({ confirmation: text })]) {
        if (result.success) continue;
        for (const issue of result.error.issues) expect(issue.message).toMatch(/^(roster\.(release|erase)\.\w+|members\.validation\.tooLong)$/);
      }
      const ok = releaseSchema.safeParse({ email: "a@example.test", occurredOn: "2026-12-01", reason: text });
      if (ok.success) expect(ok.data.reason).not.toContain("\u0000");
    }
    expect(messages.roster.release.emailInvalid).toBeTruthy();
  });

  it("a released member's note in naughty strings is stored as typed", async () => {
    const { naughtyStrings } = await import("@/tests/setup/naughty-strings");
    const s = await scenario();
    const note = naughtyStrings.filter((t) => t.trim() && t.length < 300 && !t.includes("\u0000"))[42]!;
    await releaseMember(s.facilitator, s.memberId, { email: `n-${randomUUID().slice(0, 6)}@example.test`, occurredOn: "2026-12-02", reason: note.trim() });
    expect((await db.personEvent.findFirstOrThrow({ where: { memberId: s.memberId, kind: "RELEASED" } })).reason).toBe(note.trim());
  });
});
