// The transcription desk (docs/decisions/032): a letter's answers filed in one save, an answer
// moved to the question it belongs to, the daily count, the sheet's sharing tick.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext } from "@/lib/authz";
import { publishPack } from "@/lib/data/packs";
import { fileLetter, getLetter, lettersTranscribedToday, moveAnswer, firstWords } from "@/lib/data/transcriptions";
import { makeFacilitator, makeGroup, makeMember } from "@/tests/factories";
import { makeLessonWithPrompts } from "@/tests/factories/pack";

async function letterScenario() {
  const group = await makeGroup();
  const lesson = await makeLessonWithPrompts(group.courseId, 3);
  const facilitatorUser = await makeFacilitator(group.id);
  const mail = await makeMember(group, { channel: "MAIL", user: null });
  await db.pack.create({ data: { groupId: group.id, number: 1, lessons: { create: { lessonId: lesson.id, position: 1 } } } });
  const facilitator = (await loadGroupContext(facilitatorUser, group.slug))!;
  await publishPack(facilitator, 1);
  const prompts = lesson.prompts.map((p) => p.id);
  return { group, facilitator, member: mail.member, prompts };
}

const letter = (s: Awaited<ReturnType<typeof letterScenario>>, bodies: (string | null)[], shared: (boolean | null)[] = []) => ({
  packNumber: 1,
  memberId: s.member.id,
  receivedOn: "2026-11-18",
  submitKey: randomUUID(),
  answers: s.prompts.map((promptId, i) => ({ promptId, body: bodies[i] ?? "", shared: shared[i] ?? null })),
});

describe("filing a letter", () => {
  it("files three answers in one save, each with the received date, transcribed by whom; a repeat makes no new version", async () => {
    const s = await letterScenario();
    const input = letter(s, ["One.", "Two.", "Three."]);
    const result = await fileLetter(s.facilitator, input);
    expect(result.filed.map((f) => f.version)).toEqual([1, 1, 1]);
    expect(result.lettersToday).toBe(1);
    const rows = await db.response.findMany({ where: { memberId: s.member.id }, orderBy: { body: "asc" } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "SUBMITTED", source: "TRANSCRIBED", transcribedById: s.facilitator.user.id, version: 1 });
      expect(row.receivedOn?.toISOString().slice(0, 10)).toBe("2026-11-18");
    }
    const again = await fileLetter(s.facilitator, input);
    expect(again.filed.every((f) => f.repeated)).toBe(true);
    expect(await db.responseVersion.count({ where: { response: { memberId: s.member.id } } })).toBe(3);
    const audit = await db.auditLog.findMany({ where: { action: "transcription.letter", entityId: s.member.id } });
    expect(audit).toHaveLength(2);
  });

  it("an empty box is not filed; an answer filed before is edited as a new version, history kept", async () => {
    const s = await letterScenario();
    await fileLetter(s.facilitator, letter(s, ["Frist.", null, "Three."]));
    expect(await db.response.count({ where: { memberId: s.member.id } })).toBe(2);
    await fileLetter(s.facilitator, letter(s, ["First.", "Two.", "Three."]));
    const first = await db.response.findFirstOrThrow({ where: { memberId: s.member.id, promptId: s.prompts[0]! }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(first.versions.map((v) => v.body)).toEqual(["Frist.", "First."]);
    const third = await db.response.findFirstOrThrow({ where: { memberId: s.member.id, promptId: s.prompts[2]! } });
    expect(third.version).toBe(1);
  });

  it("a failure files nothing: one answer that cannot be filed refuses the whole letter", async () => {
    const s = await letterScenario();
    const other = await letterScenario();
    const input = letter(s, ["One.", "Two.", "Three."]);
    input.answers[2]!.promptId = other.prompts[0]!; // a question of another pack
    await expect(fileLetter(s.facilitator, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.response.count({ where: { memberId: s.member.id } })).toBe(0);
    expect(await db.responseVersion.count({ where: { response: { memberId: s.member.id } } })).toBe(0);
    expect((await db.delivery.findFirstOrThrow({ where: { memberId: s.member.id } })).status).not.toBe("RESPONDED");
    await expect(fileLetter(s.facilitator, letter(s, [" ", "", null]))).rejects.toMatchObject({ code: "INVALID" });
  });

  it("only the group's transcribers may file; anyone else hears NOT_FOUND and nothing is written", async () => {
    const s = await letterScenario();
    const other = await letterScenario();
    await expect(fileLetter(other.facilitator, letter(s, ["One."]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fileLetter(s.facilitator, { ...letter(s, ["One."]), memberId: other.member.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.response.count({ where: { memberId: { in: [s.member.id, other.member.id] } } })).toBe(0);
  });

  it("stores each answer's sharing tick as its sheet says (yes, no, not ticked), and who entered it", async () => {
    const s = await letterScenario();
    await fileLetter(s.facilitator, letter(s, ["One.", "Two.", "Three."], [true, false, null]));
    const shared = await Promise.all(s.prompts.map((promptId) => db.response.findFirstOrThrow({ where: { memberId: s.member.id, promptId }, select: { shared: true } })));
    expect(shared.map((r) => r.shared)).toEqual([true, false, null]);
    // Un-ticking is kept too (the submit statement alone could only set a choice).
    await fileLetter(s.facilitator, letter(s, ["One.", "Two.", "Three."], [null, false, null]));
    expect((await db.response.findFirstOrThrow({ where: { memberId: s.member.id, promptId: s.prompts[0]! } })).shared).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "transcription.letter", entityId: s.member.id }, orderBy: { createdAt: "asc" } });
    expect(audit.actorId).toBe(s.facilitator.user.id);
    expect((audit.details as { answers: { question: number; shared: boolean | null }[] }).answers.map((a) => [a.question, a.shared])).toEqual([[1, true], [2, false], [3, null]]);
  });
});

describe("moving an answer", () => {
  it("moves an answer to another question: same response, history kept, audited with from, to and by whom", async () => {
    const s = await letterScenario();
    await fileLetter(s.facilitator, letter(s, ["Meant for question two."]));
    const before = await db.response.findFirstOrThrow({ where: { memberId: s.member.id }, select: { id: true } });
    const moved = await moveAnswer(s.facilitator, { packNumber: 1, memberId: s.member.id, fromPromptId: s.prompts[0]!, toPromptId: s.prompts[1]! });
    expect(moved).toEqual({ responseId: before.id, from: 1, to: 2 });
    const after = await db.response.findUniqueOrThrow({ where: { id: before.id }, include: { versions: true } });
    expect(after.promptId).toBe(s.prompts[1]);
    expect(after.versions.map((v) => v.body)).toEqual(["Meant for question two."]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "response.move", entityId: before.id } });
    expect(audit).toMatchObject({ actorId: s.facilitator.user.id, groupId: s.group.id });
    expect(audit.details).toMatchObject({ from: 1, to: 2 });
    const desk = await getLetter(s.facilitator, 1, s.member.id);
    expect(desk.answers.get(s.prompts[1]!)?.moves).toMatchObject([{ from: 1, to: 2, by: s.facilitator.user.name }]);
    expect(desk.answers.has(s.prompts[0]!)).toBe(false);
  });

  it("refuses a move onto a question the member already answered, and changes nothing", async () => {
    const s = await letterScenario();
    await fileLetter(s.facilitator, letter(s, ["One.", "Two."]));
    await expect(moveAnswer(s.facilitator, { packNumber: 1, memberId: s.member.id, fromPromptId: s.prompts[0]!, toPromptId: s.prompts[1]! })).rejects.toMatchObject({ code: "CONFLICT", message: "mail.desk.errors.targetTaken" });
    const rows = await db.response.findMany({ where: { memberId: s.member.id }, select: { promptId: true, body: true } });
    expect(new Map(rows.map((r) => [r.promptId, r.body]))).toEqual(new Map([[s.prompts[0]!, "One."], [s.prompts[1]!, "Two."]]));
    expect(await db.auditLog.count({ where: { action: "response.move", groupId: s.group.id } })).toBe(0);
    // Nothing to move, or not a question of this pack.
    await expect(moveAnswer(s.facilitator, { packNumber: 1, memberId: s.member.id, fromPromptId: s.prompts[2]!, toPromptId: s.prompts[0]! })).rejects.toMatchObject({ code: "INVALID" });
    const other = await letterScenario();
    await expect(moveAnswer(other.facilitator, { packNumber: 1, memberId: s.member.id, fromPromptId: s.prompts[0]!, toPromptId: s.prompts[2]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the daily count", () => {
  it("counts letters (member × pack) each person filed today, in the organization's time zone", async () => {
    const s = await letterScenario();
    const second = await makeMember(s.group, { channel: "MAIL", user: null });
    await db.organization.update({ where: { id: s.group.organizationId }, data: { timeZone: "America/Chicago" } });
    await fileLetter(s.facilitator, letter(s, ["One.", "Two.", "Three."]));
    await fileLetter(s.facilitator, { ...letter(s, ["Other one."]), memberId: second.member.id });
    // Pin the versions in time: 23:30 on 2 December in Chicago (05:30 UTC on the 3rd), and 00:30 on the 3rd.
    const versions = await db.responseVersion.findMany({ where: { response: { memberId: { in: [s.member.id, second.member.id] } } }, select: { id: true, response: { select: { memberId: true } } } });
    for (const v of versions) {
      await db.responseVersion.update({ where: { id: v.id }, data: { createdAt: new Date(v.response.memberId === s.member.id ? "2026-12-03T05:30:00Z" : "2026-12-03T06:30:00Z") } });
    }
    // At 09:00 Chicago on the 3rd, only the second letter is today's (the first was late yesterday, there).
    expect(await lettersTranscribedToday(s.facilitator, new Date("2026-12-03T15:00:00Z"))).toBe(1);
    // At 23:45 Chicago on the 2nd (05:45 UTC on the 3rd): the first is today's, the second not yet made.
    expect(await lettersTranscribedToday(s.facilitator, new Date("2026-12-03T05:45:00Z"))).toBe(2);
    // Per person: another facilitator of the group has transcribed nothing.
    const colleague = (await loadGroupContext(await makeFacilitator(s.group.id), s.group.slug))!;
    expect(await lettersTranscribedToday(colleague, new Date("2026-12-03T15:00:00Z"))).toBe(0);
  });
});

it("headings name a question by its first words", () => {
  expect(firstWords("What changed when the clock came into the workshop, and who kept it?")).toBe("What changed when the clock came…");
  expect(firstWords("Why?")).toBe("Why?");
});
