import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveDraft, submitResponse } from "@/lib/data/responses";
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

describe("one rule for versions (response_submit), online and by letter", () => {
  type Step = { kind: "submit"; body: string; sameKey: boolean } | { kind: "draft"; body: string };
  const body = fc.constantFrom("First thoughts", "Second thoughts", "First thoughts ", "");
  const steps = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("submit" as const), body: body.filter((b) => b !== ""), sameKey: fc.boolean() }),
      fc.record({ kind: fc.constant("draft" as const), body }),
    ),
    { minLength: 1, maxLength: 7 },
  );

  /** Runs the steps through one path; what a member and a facilitator would see afterwards. */
  async function play(path: { submit: (body: string, submitKey: string) => Promise<{ version: number; repeated: boolean }>; draft: (body: string) => Promise<unknown> }, memberId: string, plan: Step[]) {
    const results: unknown[] = [];
    let key = randomUUID();
    for (const step of plan) {
      if (step.kind === "draft") {
        await path.draft(step.body);
        results.push("draft");
        continue;
      }
      if (!step.sameKey) key = randomUUID();
      const { version, repeated } = await path.submit(step.body, key);
      results.push({ version, repeated });
    }
    const response = await db.response.findFirst({
      where: { memberId },
      select: { status: true, body: true, version: true, draftBody: true, versions: { orderBy: { version: "asc" }, select: { version: true, body: true } } },
    });
    // A mail delivery starts PREPARED and an online one DELIVERED; what the submits did comes after.
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId }, select: { status: true, events: { orderBy: { createdAt: "asc" }, select: { status: true } } } });
    return { results, response, responded: delivery.status === "RESPONDED", laterEvents: delivery.events.slice(1).map((e) => e.status) };
  }

  it("makes the same versions for the same edits, submitted online or transcribed", async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const s = await scenario();
        const target = { packNumber: 1, promptId: s.prompts[0]! };
        const online = await play(
          { submit: (b, submitKey) => submitResponse(s.memberCtx, { ...target, body: b, submitKey }), draft: (b) => saveDraft(s.memberCtx, { ...target, body: b }) },
          s.member.id,
          plan,
        );
        const byLetter = { ...target, memberId: s.mail.member.id };
        const transcribed = await play(
          {
            submit: (b, submitKey) => submitTranscription(s.facilitator, { ...byLetter, body: b, submitKey, receivedOn: "2026-11-18" }),
            draft: (b) => saveTranscriptionDraft(s.facilitator, { ...byLetter, body: b }),
          },
          s.mail.member.id,
          plan,
        );
        expect(transcribed).toEqual(online);
      }),
      { numRuns: 15 },
    );
  });

  it("an online answer after a transcription adds a version to the same response", async () => {
    const s = await scenario();
    // A mail member released to online: the letter was transcribed, then they edit it online.
    const { makeMember } = await import("@/tests/factories");
    const { loadGroupContext } = await import("@/lib/authz");
    const released = await makeMember(s.group, { channel: "ONLINE" });
    const ctx = (await loadGroupContext(released.user!, s.group.slug))!;
    const target = { packNumber: 1, promptId: s.prompts[0]! };
    await submitTranscription(s.facilitator, { ...target, memberId: released.member.id, body: "By letter", receivedOn: "2026-11-18", submitKey: randomUUID() });
    expect(await submitResponse(ctx, { ...target, body: "Typed online", submitKey: randomUUID() })).toMatchObject({ version: 2, repeated: false });
    const response = await db.response.findFirstOrThrow({ where: { memberId: released.member.id }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(response).toMatchObject({ source: "TRANSCRIBED", transcribedById: s.facilitator.user.id, body: "Typed online", version: 2 });
    expect(response.receivedOn?.toISOString().slice(0, 10)).toBe("2026-11-18");
    expect(response.versions.map((v) => [v.body, v.createdById])).toEqual([["By letter", s.facilitator.user.id], ["Typed online", released.user!.id]]);
  });
});
