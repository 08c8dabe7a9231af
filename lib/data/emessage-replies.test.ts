import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fileEmessageReply, getEmessageReplyDesk, REPLIES_PAGE_SIZE } from "@/lib/data/emessage-replies";
import { ensureResponseCodes } from "@/lib/data/response-codes";
import { publishPack } from "@/lib/data/packs";
import { submitTranscription } from "@/lib/data/transcriptions";
import { matchedCode, parseReply } from "@/lib/emessage/parse-reply";
import { CODE_ALPHABET, formatResponseCode } from "@/lib/packs/response-code";
import { makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

const TODAY = new Date().toISOString().slice(0, 10);

/** A group with a published pack of two questions, and an e-message member with a code for each. */
async function scenario() {
  const s = await makePackScenario();
  const em = await makeMember(s.group, { channel: "EMESSAGE", user: null });
  await publishPack(s.facilitator, 1);
  const codes = await ensureResponseCodes(db, s.pack.id, s.prompts.map((promptId) => ({ memberId: em.member.id, promptId })));
  const [c1, c2] = s.prompts.map((p) => codes.get(`${em.member.id}:${p}`)!);
  return { ...s, memberId: em.member.id, personId: em.personId, c1: c1!, c2: c2! };
}

/** What the preview sends back: every answer under the code it matched, nothing confirmed. */
async function previewed(s: Awaited<ReturnType<typeof scenario>>, body: string) {
  const desk = await getEmessageReplyDesk(s.facilitator, s.memberId);
  return parseReply(body, desk.questions).answers.map((a) => ({ codeText: a.codeText, codeRead: a.codeRead, text: a.text, target: matchedCode(a), confirmed: false }));
}

const counts = async (memberId: string) => ({
  replies: await db.emessageReply.count({ where: { memberId } }),
  responses: await db.response.count({ where: { memberId } }),
  versions: await db.responseVersion.count({ where: { response: { memberId } } }),
  audit: await db.auditLog.count({ where: { action: "emessage.reply", entityId: memberId } }),
});

describe("filing an e-message reply", () => {
  it("files two coded answers as responses by e-message, with the note, the delivery responded and the progress cell answered; a retry files nothing more", async () => {
    const s = await scenario();
    const body = `Hi, hope you are well.\n${formatResponseCode(s.c1)} The first answer.\nCode ${s.c2.toLowerCase()}: the second answer.`;
    const input = { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body, answers: await previewed(s, body) };
    const filed = await fileEmessageReply(s.facilitator, input);
    expect(filed.repeated).toBe(false);
    expect(filed.filed.map((f) => [f.number, f.version, f.repeated])).toEqual([
      [1, 1, false],
      [2, 1, false],
    ]);

    const responses = await db.response.findMany({ where: { memberId: s.memberId }, orderBy: { promptId: "asc" } });
    expect(responses).toHaveLength(2);
    for (const r of responses) expect(r).toMatchObject({ status: "SUBMITTED", source: "EMESSAGE", transcribedById: s.facilitator.user.id });
    expect(responses.map((r) => r.receivedOn?.toISOString().slice(0, 10))).toEqual([TODAY, TODAY]);
    expect(new Set(responses.map((r) => r.body))).toEqual(new Set(["The first answer.", "the second answer."]));

    const reply = await db.emessageReply.findFirstOrThrow({ where: { memberId: s.memberId } });
    expect(reply).toMatchObject({ id: input.submitKey, body, outsideText: "Hi, hope you are well.", enteredById: s.facilitator.user.id });
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: s.memberId, packId: s.pack.id }, include: { events: true } });
    expect(delivery.status).toBe("RESPONDED");
    expect(delivery.events.filter((e) => e.status === "RESPONDED")).toHaveLength(1);
    const cell = await db.progressCell.findFirst({ where: { memberId: s.memberId, packId: s.pack.id } });
    expect(cell).toMatchObject({ answeredPrompts: 2 });
    expect(await counts(s.memberId)).toMatchObject({ replies: 1, responses: 2, versions: 2, audit: 1 });

    // A double click or a retry: the same key files nothing more, even at the same moment.
    const again = await Promise.all([fileEmessageReply(s.facilitator, input), fileEmessageReply(s.facilitator, input)]);
    expect(again.map((r) => r.repeated)).toEqual([true, true]);
    expect(await counts(s.memberId)).toMatchObject({ replies: 1, responses: 2, versions: 2, audit: 1 });

    // The page lists it with its note and who entered it; the questions say they are answered.
    const desk = await getEmessageReplyDesk(s.facilitator, s.memberId);
    expect(desk.replies).toEqual([expect.objectContaining({ note: "Hi, hope you are well.", enteredBy: s.facilitator.user.name })]);
    expect(desk.questions.map((q) => [q.number, q.answered, q.version])).toEqual([
      [1, true, 1],
      [2, true, 1],
    ]);
  });

  it("counts the turnaround from the day the messages were sent to the day the reply came, as e-message", async () => {
    const s = await scenario();
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: s.memberId, packId: s.pack.id }, select: { id: true } });
    const sent = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 6 * 86_400_000);
    await db.deliveryEvent.create({ data: { deliveryId: delivery.id, status: "MAILED", occurredOn: sent } });
    const body = `${formatResponseCode(s.c1)} An answer.`;
    await fileEmessageReply(s.facilitator, { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body, answers: await previewed(s, body) });
    const cell = await db.progressCell.findFirstOrThrow({ where: { memberId: s.memberId, packId: s.pack.id } });
    expect(cell).toMatchObject({ turnaroundChannel: "EMESSAGE", turnaroundDays: 6 });
    expect(cell.receivedOn?.toISOString().slice(0, 10)).toBe(TODAY);
    expect(await db.progressTurnaround.findMany({ where: { groupId: s.group.id }, select: { channel: true, days: true, cells: true } })).toEqual([{ channel: "EMESSAGE", days: 6, cells: 1 }]);
  });

  it("a later reply to an answered question adds a version and keeps the first", async () => {
    const s = await scenario();
    const first = `${s.c1} Frist thoughts.`;
    await fileEmessageReply(s.facilitator, { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body: first, answers: await previewed(s, first) });
    const second = `${s.c1} First thoughts, corrected.`;
    await fileEmessageReply(s.facilitator, { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body: second, answers: await previewed(s, second) });
    const versions = await db.responseVersion.findMany({ where: { response: { memberId: s.memberId } }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.body)).toEqual(["Frist thoughts.", "First thoughts, corrected."]);
  });

  it("refuses a misread code unless the facilitator confirmed it, and then files it", async () => {
    const s = await scenario();
    const wrong = s.c1.slice(0, 3) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(s.c1[3]!) + 1) % CODE_ALPHABET.length] + s.c1.slice(4);
    const body = `${wrong} An answer under a mistyped code.`;
    const answers = await previewed(s, body);
    expect(answers).toEqual([expect.objectContaining({ target: s.c1, confirmed: false })]);
    const input = { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body, answers };
    await expect(fileEmessageReply(s.facilitator, input)).rejects.toMatchObject({ code: "INVALID", message: "emessageReply.errors.unconfirmed", field: "answers.0.confirmed" });
    expect(await counts(s.memberId)).toEqual({ replies: 0, responses: 0, versions: 0, audit: 0 });

    const filed = await fileEmessageReply(s.facilitator, { ...input, answers: [{ ...answers[0]!, confirmed: true }] });
    expect(filed.filed).toHaveLength(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "emessage.reply", entityId: s.memberId } });
    expect(audit.details).toMatchObject({ answers: [{ question: 1, misreadConfirmed: true }] });
  });

  it("refuses another group's member, a target that is not the member's code, text not in the reply, a non-e-message member, and nothing to file", async () => {
    const s = await scenario();
    const other = await scenario();
    const body = `${s.c1} An answer.`;
    const answers = await previewed(s, body);
    const base = { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body, answers };

    await expect(fileEmessageReply(other.facilitator, base)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fileEmessageReply(s.memberCtx, base)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getEmessageReplyDesk(other.facilitator, s.memberId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another member's code, even of the same group, is not a target for this one.
    await expect(fileEmessageReply(s.facilitator, { ...base, answers: [{ ...answers[0]!, target: other.c1, confirmed: true }] })).rejects.toMatchObject({ code: "INVALID", field: "answers.0.target" });
    await expect(fileEmessageReply(s.facilitator, { ...base, answers: [{ ...answers[0]!, text: "Words the member never wrote." }] })).rejects.toMatchObject({ code: "INVALID", field: "answers.0.text" });
    await expect(fileEmessageReply(s.facilitator, { ...base, body: "No code here at all.", answers: [] })).rejects.toMatchObject({ code: "INVALID", message: "emessageReply.errors.nothingToFile" });
    await expect(fileEmessageReply(s.facilitator, { ...base, answers: [{ ...answers[0]!, target: null }] })).rejects.toMatchObject({ message: "emessageReply.errors.nothingToFile" });

    await db.member.update({ where: { id: s.memberId }, data: { channel: "MAIL" } });
    await expect(fileEmessageReply(s.facilitator, base)).rejects.toMatchObject({ code: "CONFLICT", message: "emessageReply.errors.notEmessage" });
    expect(await counts(s.memberId)).toEqual({ replies: 0, responses: 0, versions: 0, audit: 0 });
    expect(await counts(other.memberId)).toEqual({ replies: 0, responses: 0, versions: 0, audit: 0 });
  });

  it("keeps nothing half-written when the second answer fails inside the transaction", async () => {
    const s = await scenario();
    const body = `${s.c1} The first one files.\n${s.c2} BOOM`;
    // A failure in the database after the reply row and the first answer were written.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_boom BEFORE INSERT ON "ResponseVersion" FOR EACH ROW WHEN (NEW."body" = 'BOOM') EXECUTE FUNCTION test_boom()`);
    try {
      await expect(fileEmessageReply(s.facilitator, { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body, answers: await previewed(s, body) })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_boom ON "ResponseVersion"`);
    }
    expect(await counts(s.memberId)).toEqual({ replies: 0, responses: 0, versions: 0, audit: 0 });
    expect((await db.delivery.findFirstOrThrow({ where: { memberId: s.memberId, packId: s.pack.id } })).status).not.toBe("RESPONDED");
  });

  it("the same code twice: both parts are filed together, in their order", async () => {
    const s = await scenario();
    const body = `${s.c1} One part.\n${s.c2} Other.\n${s.c1} Another part.`;
    const answers = await previewed(s, body);
    await fileEmessageReply(s.facilitator, { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body, answers });
    const r = await db.response.findFirstOrThrow({ where: { memberId: s.memberId, promptId: s.prompts[0]! } });
    expect(r.body).toBe("One part.\n\nAnother part.");
  });

  it("an answer filed earlier by letter gets the e-message text as a new version", async () => {
    const s = await scenario();
    await submitTranscription(s.facilitator, { packNumber: 1, memberId: s.memberId, promptId: s.prompts[0]!, body: "By post.", receivedOn: TODAY, submitKey: randomUUID() });
    const body = `${s.c1} By e-message.`;
    await fileEmessageReply(s.facilitator, { memberId: s.memberId, receivedOn: TODAY, submitKey: randomUUID(), body, answers: await previewed(s, body) });
    const r = await db.response.findFirstOrThrow({ where: { memberId: s.memberId, promptId: s.prompts[0]! } });
    expect(r).toMatchObject({ version: 2, source: "EMESSAGE", body: "By e-message." });
  });

  it("lists past replies newest first, a page at a time", async () => {
    const s = await scenario();
    const start = Date.parse("2026-11-01T12:00:00Z");
    await db.emessageReply.createMany({
      data: Array.from({ length: REPLIES_PAGE_SIZE + 1 }, (_, i) => ({ memberId: s.memberId, receivedOn: new Date("2026-11-01"), body: `reply ${i}`, outsideText: `note ${i}`, enteredById: s.facilitator.user.id, createdAt: new Date(start + i * 60_000) })),
    });
    const first = await getEmessageReplyDesk(s.facilitator, s.memberId);
    expect(first.paging).toEqual({ page: 1, pages: 2, total: REPLIES_PAGE_SIZE + 1 });
    expect(first.replies).toHaveLength(REPLIES_PAGE_SIZE);
    expect(first.replies[0]).toMatchObject({ note: `note ${REPLIES_PAGE_SIZE}`, enteredBy: s.facilitator.user.name });
    const second = await getEmessageReplyDesk(s.facilitator, s.memberId, { page: 2 });
    expect(second.replies.map((r) => r.note)).toEqual(["note 0"]);
  });
});
