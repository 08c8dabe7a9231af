// Certificates against the real database: the completion rule, issuing and its refusals,
// revoking, the public verification (nothing but the allowed fields), erasure, and the rate limit.
import { describe, expect, it } from "vitest";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { formatCertificateCode } from "@/lib/certificates/code";
import { LOOKUP_WINDOW_SECONDS, takeLookupTurn } from "@/lib/certificates/lookup-throttle";
import { lookupRefusal } from "@/lib/certificates/lookup-gate";
import { verifyCertificate } from "@/lib/certificates/verify";
import { markCertificatesSentWithPack } from "@/lib/certificates/in-packs";
import { certificatesOfGroup, certificateToPrint, issueCertificate, revokeCertificate, setCertificateDelivery, setCompletionRule } from "@/lib/data/certificates";
import { eraseMember } from "@/lib/data/member-data";
import { db } from "@/lib/db";
import { loadPrintData } from "@/lib/packs/print-data";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer } from "@/tests/factories";
import { makeLessonWithPrompts } from "@/tests/factories/pack";

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

/** A group with one published pack of two prompts, an organizer, a facilitator and a mail member at a facility. */
async function scenario() {
  const group = await makeGroup();
  const organizer = await makeOrganizer(group.organizationId);
  const facilitator = await makeFacilitator(group.id);
  const facility = await db.facility.create({ data: { organizationId: group.organizationId, name: "Riverside Correctional", addressLines: ["1 Main St"] }, select: { id: true } });
  const { member, personId } = await makeMember(group, { channel: "MAIL" });
  await db.person.update({ where: { id: personId }, data: { legalName: "Robert Legal Smith", facilityId: facility.id, idNumber: "A-99123", housingUnit: "Block C-12" } });
  const lesson = await makeLessonWithPrompts(group.courseId);
  const pack = await db.pack.create({ data: { groupId: group.id, number: 1, status: "PUBLISHED", publishedAt: new Date(), lessons: { create: { lessonId: lesson.id, position: 1 } } }, select: { id: true } });
  const answer = (promptId: string) =>
    db.response.create({ data: { packId: pack.id, memberId: member.id, promptId, body: "An answer", status: "SUBMITTED", source: "TRANSCRIBED", version: 1, submittedAt: new Date() } });
  return { group, organizer, facilitator, member, personId, prompts: lesson.prompts, answer, org: await contextOf(organizer, group.slug) };
}

const issueValues = (memberId: string) => ({ memberId, printedName: "Bobby Smith", completedOn: "", hours: 30, signerName: "Ada Lovelace", signerTitle: "Program Coordinator" });

describe("issuing", () => {
  it("is refused with a clear message until the member has completed by the group's rule", async () => {
    const s = await scenario();
    await expect(issueCertificate(s.org, issueValues(s.member.id))).rejects.toMatchObject({ code: "INVALID", message: "certificates.errors.notCompletedStatus" });
    await setCompletionRule(s.org, "ALL_PACKS_ANSWERED");
    await s.answer(s.prompts[0]!.id);
    await expect(issueCertificate(s.org, issueValues(s.member.id))).rejects.toMatchObject({ code: "INVALID", message: "certificates.errors.notCompletedPacks" });
    await s.answer(s.prompts[1]!.id);
    const page = await certificatesOfGroup(s.org);
    expect(page.members.find((m) => m.id === s.member.id)).toMatchObject({ completed: true, packsCompleted: 1, publishedPacks: 1, legalName: "Robert Legal Smith" });
    const issued = await issueCertificate(s.org, issueValues(s.member.id));
    expect(issued.code).toHaveLength(12);
    const row = await db.certificate.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ printedName: "Bobby Smith", packsCompleted: 1, hours: 30, signerName: "Ada Lovelace", issuedById: s.organizer.id });
    // One valid certificate per enrolment.
    await expect(issueCertificate(s.org, issueValues(s.member.id))).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await db.auditLog.findMany({ where: { entityId: issued.id }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "certificate.issue", actorId: s.organizer.id }]);
  });

  it("is for organizers only: a facilitator, and an organizer elsewhere, find nothing", async () => {
    const s = await scenario();
    await db.member.update({ where: { id: s.member.id }, data: { status: "COMPLETED" } });
    const facilitator = await contextOf(s.facilitator, s.group.slug);
    await expect(issueCertificate(facilitator, issueValues(s.member.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(certificatesOfGroup(facilitator)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An organizer of another group cannot name this group's member.
    const other = await makeGroup();
    const elsewhere = await contextOf(await makeOrganizer(other.organizationId), other.slug);
    await expect(issueCertificate(elsewhere, issueValues(s.member.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const issued = await issueCertificate(s.org, issueValues(s.member.id));
    await expect(revokeCertificate(elsewhere, { certificateId: issued.id, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(certificateToPrint(elsewhere, issued.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.certificate.count({ where: { memberId: s.member.id } })).toBe(1);
  });
});

describe("issuing at once", () => {
  it("makes one certificate when two organizers issue together, and a clear refusal for the other", async () => {
    const s = await scenario();
    await db.member.update({ where: { id: s.member.id }, data: { status: "COMPLETED" } });
    const second = await contextOf(await makeOrganizer(s.group.organizationId), s.group.slug);
    const results = await Promise.allSettled([s.org, second, s.org, second].map((ctx) => issueCertificate(ctx, issueValues(s.member.id))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", message: "certificates.errors.alreadyIssued" });
    expect(await db.certificate.count({ where: { memberId: s.member.id } })).toBe(1);
  });
});

describe("verification", () => {
  it("shows only the printed name, course, organization and date, and then that it was revoked", async () => {
    const s = await scenario();
    await db.member.update({ where: { id: s.member.id }, data: { status: "COMPLETED" } });
    await db.member.update({ where: { id: s.member.id }, data: { joinedAt: new Date("2026-01-05T12:00:00Z") } });
    const issued = await issueCertificate(s.org, { ...issueValues(s.member.id), completedOn: "2026-11-20" });
    const typed = formatCertificateCode(issued.code).toLowerCase().replace(/-/g, " ");
    const result = await verifyCertificate(typed);
    const group = await db.group.findUniqueOrThrow({ where: { id: s.group.id }, select: { name: true, course: { select: { title: true } }, organization: { select: { name: true } } } });
    expect(result).toEqual({ found: true, code: issued.code, printedName: "Bobby Smith", courseTitle: group.course.title, organizationName: group.organization.name, completedOn: "2026-11-20", revokedOn: null });
    const member = await db.member.findUniqueOrThrow({ where: { id: s.member.id }, select: { penName: true } });
    const everything = JSON.stringify(result);
    for (const secret of ["Robert Legal Smith", "A-99123", "Block C-12", "Riverside", member.penName, group.name, s.member.id, s.personId, "Ada Lovelace"]) expect(everything).not.toContain(secret);

    await revokeCertificate(s.org, { certificateId: issued.id, reason: "Issued to the wrong member by mistake" });
    const revoked = await verifyCertificate(issued.code);
    expect(revoked).toMatchObject({ found: true, revokedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(JSON.stringify(revoked)).not.toContain("wrong member");
    const lookups = await db.auditLog.count({ where: { entityId: issued.id, action: "certificate.verify", organizationId: s.group.organizationId } });
    expect(lookups).toBe(2);
    await expect(certificateToPrint(s.org, issued.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setCertificateDelivery(s.org, { certificateId: issued.id, delivery: "MAILED_ALONE" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("answers the same for a malformed code and an unknown one", async () => {
    expect(await verifyCertificate("not a code")).toEqual({ found: false });
    expect(await verifyCertificate("2222-2222-2222")).toEqual({ found: false });
    expect(await verifyCertificate("")).toEqual({ found: false });
  });

  it("after erasure, says nothing about the person", async () => {
    const s = await scenario();
    await db.member.update({ where: { id: s.member.id }, data: { status: "COMPLETED" } });
    const issued = await issueCertificate(s.org, issueValues(s.member.id));
    const penName = (await db.member.findUniqueOrThrow({ where: { id: s.member.id }, select: { penName: true } })).penName;
    await eraseMember(s.org, s.member.id, penName);
    expect(await verifyCertificate(issued.code)).toEqual({ found: false });
    const row = await db.certificate.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.printedName).toBe("");
    expect(row.revokedAt).not.toBeNull();
  });
});

describe("the lookup rate limit", () => {
  it("refuses an address after the limit, with the wait, and counts others apart", async () => {
    const source = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 3; i++) expect(await takeLookupTurn(source, 3)).toEqual({ allowed: true });
    const refused = await takeLookupTurn(source, 3);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(LOOKUP_WINDOW_SECONDS);
    }
    expect(await takeLookupTurn(`${source}1`, 3)).toEqual({ allowed: true });
  });

  it("answers a refused /verify/<code> with a plain 429 and Retry-After, never a 500", async () => {
    // Requests not stamped by recordPeerAddresses() have an unknown address: one shared count.
    await db.certificateLookup.deleteMany({ where: { source: "unknown" } });
    const request = () => new Request("http://studypack.test/verify/ABCD-EFGH-JKMN");
    let answer: Response | null = null;
    for (let i = 0; i < 25 && !answer; i++) answer = await lookupRefusal(request());
    expect(answer?.status).toBe(429);
    expect(Number(answer?.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await answer?.text()).toMatch(/^Too many checks from your address\. Try again in \d+ s\.$/);
    // The form page and other pages are never counted.
    expect(await lookupRefusal(new Request("http://studypack.test/verify"))).toBeNull();
    expect(await lookupRefusal(new Request("http://studypack.test/groups/x"))).toBeNull();
  });
});

describe("include in next pack", () => {
  it("puts the certificate in the member's print data until a print run marks it sent", async () => {
    const s = await scenario();
    await db.member.update({ where: { id: s.member.id }, data: { status: "COMPLETED" } });
    const issued = await issueCertificate(s.org, issueValues(s.member.id));
    const pack = await db.pack.findFirstOrThrow({ where: { groupId: s.group.id }, select: { id: true } });
    expect((await loadPrintData(pack.id, [s.member.id])).members[0]!.certificates).toEqual([]);
    await setCertificateDelivery(s.org, { certificateId: issued.id, delivery: "NEXT_PACK" });
    const [printed] = (await loadPrintData(pack.id, [s.member.id])).members[0]!.certificates!;
    expect(printed).toMatchObject({ id: issued.id, code: issued.code, printedName: "Bobby Smith", verifyUrl: expect.stringMatching(/\/verify\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    await db.$transaction((tx) => markCertificatesSentWithPack(tx, [issued.id], pack.id));
    expect(await db.certificate.findUniqueOrThrow({ where: { id: issued.id }, select: { sentWithPackId: true } })).toEqual({ sentWithPackId: pack.id });
    expect((await loadPrintData(pack.id, [s.member.id])).members[0]!.certificates).toEqual([]);
  });
});
