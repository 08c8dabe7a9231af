import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listMyResponses, saveDraft, submitResponse } from "@/lib/data/responses";
import { addFeedback, getPackReview } from "@/lib/data/feedback";
import { makePackScenario } from "@/tests/factories/pack";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { saveDraftSchema } from "@/lib/validations/response";

const key = () => randomUUID();

describe("drafts", () => {
  it("saves while typing and reads back the latest text", async () => {
    const s = await makePackScenario({ published: true });
    const prompt = s.prompts[0]!;
    await saveDraft(s.memberCtx, { packNumber: 1, promptId: prompt, body: "First th" });
    await saveDraft(s.memberCtx, { packNumber: 1, promptId: prompt, body: "First thoughts" });
    const [mine] = await listMyResponses(s.memberCtx, s.pack.id);
    expect(mine).toMatchObject({ promptId: prompt, status: "DRAFT", draftBody: "First thoughts", body: "" });
    expect(mine?.draftSavedAt).toBeInstanceOf(Date);
  });

  it("cannot be written to a draft pack, a prompt outside the pack, or by a facilitator", async () => {
    const draft = await makePackScenario();
    await expect(saveDraft(draft.memberCtx, { packNumber: 1, promptId: draft.prompts[0]!, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const s = await makePackScenario({ published: true });
    await expect(saveDraft(s.memberCtx, { packNumber: 1, promptId: draft.prompts[0]!, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveDraft(s.facilitator, { packNumber: 1, promptId: s.prompts[0]!, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.response.count({ where: { packId: { in: [draft.pack.id, s.pack.id] } } })).toBe(0);
  });

  it("keeps every naughty string exactly", async () => {
    const s = await makePackScenario({ published: true });
    for (const body of naughtyStrings) {
      expect(saveDraftSchema.safeParse({ groupSlug: s.group.slug, packNumber: 1, promptId: s.prompts[0], body }).success).toBe(true);
    }
    const all = naughtyStrings.join("\n\u2029\n");
    await saveDraft(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: all });
    expect((await listMyResponses(s.memberCtx, s.pack.id))[0]?.draftBody).toBe(all);
    const { version } = await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: all, submitKey: key() });
    expect((await db.responseVersion.findFirstOrThrow({ where: { version, response: { packId: s.pack.id } } })).body).toBe(all);
  });
});

describe("submitting", () => {
  it("20 simultaneous submits with one key make one response and one version", async () => {
    const s = await makePackScenario({ published: true });
    const submitKey = key();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "My answer", submitKey })),
    );
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([1]));
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await db.response.count({ where: { packId: s.pack.id } })).toBe(1);
    expect(await db.responseVersion.count({ where: { response: { packId: s.pack.id } } })).toBe(1);
  });

  it("20 simultaneous submits of the same text from different tabs still make one version", async () => {
    const s = await makePackScenario({ published: true });
    await Promise.all(Array.from({ length: 20 }, () => submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[1]!, body: "Same text", submitKey: key() })));
    expect(await db.response.count({ where: { packId: s.pack.id } })).toBe(1);
    expect(await db.responseVersion.count({ where: { response: { packId: s.pack.id } } })).toBe(1);
  });

  it("an edit after submit keeps the earlier version, and facilitators see both", async () => {
    const s = await makePackScenario({ published: true });
    const promptId = s.prompts[0]!;
    await submitResponse(s.memberCtx, { packNumber: 1, promptId, body: "First version", submitKey: key() });
    await saveDraft(s.memberCtx, { packNumber: 1, promptId, body: "Second vers" });
    // While the edit is a draft, the submitted text is unchanged.
    expect((await listMyResponses(s.memberCtx, s.pack.id))[0]).toMatchObject({ body: "First version", draftBody: "Second vers", version: 1 });
    const second = await submitResponse(s.memberCtx, { packNumber: 1, promptId, body: "Second version", submitKey: key() });
    expect(second).toMatchObject({ version: 2, repeated: false });
    const review = await getPackReview(s.facilitator, s.pack.id);
    expect(review.responses).toHaveLength(1);
    expect(review.responses[0]?.body).toBe("Second version");
    expect(review.responses[0]?.versions.map((v) => [v.version, v.body])).toEqual([[2, "Second version"], [1, "First version"]]);
  });

  it("the first submit marks the member's delivery as responded", async () => {
    const s = await makePackScenario();
    const { publishPack } = await import("@/lib/data/packs");
    await publishPack(s.facilitator, 1);
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "Done", submitKey: key() });
    const delivery = await db.delivery.findFirstOrThrow({ where: { packId: s.pack.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(delivery.status).toBe("RESPONDED");
    expect(delivery.events.map((e) => e.status)).toEqual(["DELIVERED", "RESPONDED"]);
  });
});

describe("feedback", () => {
  it("is written once per submit and shown to the member beside their response", async () => {
    const s = await makePackScenario({ published: true });
    await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "Answer", submitKey: key() });
    const responseId = (await db.response.findFirstOrThrow({ where: { packId: s.pack.id } })).id;
    const clientKey = key();
    await Promise.all([addFeedback(s.facilitator, { responseId, body: "Good point.", clientKey }), addFeedback(s.facilitator, { responseId, body: "Good point.", clientKey })]);
    expect(await db.feedback.count({ where: { responseId } })).toBe(1);
    const [mine] = await listMyResponses(s.memberCtx, s.pack.id);
    expect(mine?.feedback.map((f) => f.body)).toEqual(["Good point."]);
  });

  it("cannot be written by a member, or on another group's response", async () => {
    const s = await makePackScenario({ published: true });
    const other = await makePackScenario({ published: true });
    await submitResponse(other.memberCtx, { packNumber: 1, promptId: other.prompts[0]!, body: "Theirs", submitKey: key() });
    const theirs = (await db.response.findFirstOrThrow({ where: { packId: other.pack.id } })).id;
    await expect(addFeedback(s.facilitator, { responseId: theirs, body: "x", clientKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addFeedback(other.memberCtx, { responseId: theirs, body: "x", clientKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.feedback.count({ where: { responseId: theirs } })).toBe(0);
  });

  it("the review lists who has not answered yet", async () => {
    const s = await makePackScenario({ published: true });
    const review = await getPackReview(s.facilitator, s.pack.id);
    expect(review.members.map((m) => m.id)).toEqual([s.member.id]);
    expect(review.responses).toEqual([]);
    await expect(getPackReview(s.memberCtx, s.pack.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
