import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getTranscription, saveTranscriptionDraft, submitTranscription } from "@/lib/data/transcriptions";
import { getPackReview } from "@/lib/data/feedback";
import { publishPack } from "@/lib/data/packs";
import { makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

async function scenario() {
  const s = await makePackScenario();
  const mail = await makeMember(s.group, { channel: "MAIL", user: null });
  await publishPack(s.facilitator, 1);
  return { ...s, mail };
}

describe("transcription", () => {
  it("keeps a draft, then saves the response for the member: by mail, transcribed by whom, received when", async () => {
    const s = await scenario();
    const target = { packNumber: 1, memberId: s.mail.member.id, promptId: s.prompts[0]! };
    await saveTranscriptionDraft(s.facilitator, { ...target, body: "Dear group, I read" });
    expect((await getTranscription(s.facilitator, 1, s.mail.member.id, s.prompts[0]!)).response?.draftBody).toBe("Dear group, I read");

    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => submitTranscription(s.facilitator, { ...target, body: "Dear group, I read it twice.", receivedOn: "2026-11-18", submitKey: key })));
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    const response = await db.response.findFirstOrThrow({ where: { memberId: s.mail.member.id }, include: { versions: true } });
    expect(response).toMatchObject({ status: "SUBMITTED", source: "TRANSCRIBED", transcribedById: s.facilitator.user.id, draftBody: null, body: "Dear group, I read it twice." });
    expect(response.receivedOn?.toISOString().slice(0, 10)).toBe("2026-11-18");
    expect(response.versions).toHaveLength(1);
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: s.mail.member.id } });
    expect(delivery.status).toBe("RESPONDED");
    const review = await getPackReview(s.facilitator, s.pack.id);
    expect(review.responses[0]).toMatchObject({ source: "TRANSCRIBED" });
  });

  it("a correction keeps the first transcription as an earlier version", async () => {
    const s = await scenario();
    const target = { packNumber: 1, memberId: s.mail.member.id, promptId: s.prompts[0]!, receivedOn: "2026-11-18" };
    await submitTranscription(s.facilitator, { ...target, body: "Frist", submitKey: randomUUID() });
    await submitTranscription(s.facilitator, { ...target, body: "First", submitKey: randomUUID() });
    const versions = await db.responseVersion.findMany({ where: { response: { memberId: s.mail.member.id } }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.body)).toEqual(["Frist", "First"]);
  });

  it("members, and facilitators of other groups, cannot transcribe; another group's member is not found", async () => {
    const s = await scenario();
    const other = await scenario();
    const target = { packNumber: 1, memberId: s.mail.member.id, promptId: s.prompts[0]!, body: "x", receivedOn: "2026-11-18", submitKey: randomUUID() };
    await expect(submitTranscription(s.memberCtx, target)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitTranscription(other.facilitator, target)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitTranscription(s.facilitator, { ...target, memberId: other.mail.member.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.response.count({ where: { memberId: { in: [s.mail.member.id, other.mail.member.id] } } })).toBe(0);
  });
});
