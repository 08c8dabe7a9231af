import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { loadGroupContext } from "@/lib/authz";
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

describe("submitting in one statement (response_submit, docs/decisions/014-submit-path.md)", () => {
  it("a repeated key answers the first result, without a new version or a new time", async () => {
    const s = await makePackScenario({ published: true });
    const submitKey = key();
    const first = await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "Once", submitKey });
    const again = await submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "Once, edited in another tab", submitKey });
    expect(first).toMatchObject({ version: 1, repeated: false });
    expect(again).toEqual({ version: 1, submittedAt: first.submittedAt, repeated: true });
    const row = await db.response.findFirstOrThrow({ where: { packId: s.pack.id }, include: { versions: true } });
    expect(row).toMatchObject({ status: "SUBMITTED", body: "Once", version: 1, source: "ONLINE", draftBody: null, lastSubmitKey: submitKey });
    expect(row.submittedAt).toEqual(first.submittedAt);
    expect(row.versions.map((v) => [v.version, v.body, v.createdById])).toEqual([[1, "Once", s.memberCtx.user.id]]);
    // Stored as UTC, as Prisma stores DateTime: within a minute of this process's clock.
    expect(Math.abs(first.submittedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("a submit after a draft clears the draft; an edit keeps the first submit time", async () => {
    const s = await makePackScenario({ published: true });
    const promptId = s.prompts[0]!;
    await saveDraft(s.memberCtx, { packNumber: 1, promptId, body: "Half" });
    const first = await submitResponse(s.memberCtx, { packNumber: 1, promptId, body: "Whole", submitKey: key() });
    const second = await submitResponse(s.memberCtx, { packNumber: 1, promptId, body: "Whole, revised", submitKey: key() });
    expect(second).toEqual({ version: 2, submittedAt: first.submittedAt, repeated: false });
    expect((await listMyResponses(s.memberCtx, s.pack.id))[0]).toMatchObject({ body: "Whole, revised", draftBody: null, version: 2 });
    expect(await db.responseVersion.count({ where: { response: { packId: s.pack.id } } })).toBe(2);
  });

  it("first answers to two prompts at once move the delivery once, with one event", async () => {
    const s = await makePackScenario();
    const { publishPack } = await import("@/lib/data/packs");
    await publishPack(s.facilitator, 1);
    await Promise.all(
      [0, 1, 0, 1].map((i) => submitResponse(s.memberCtx, { packNumber: 1, promptId: s.prompts[i]!, body: `Answer ${i}`, submitKey: key() })),
    );
    const delivery = await db.delivery.findFirstOrThrow({ where: { packId: s.pack.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(delivery.status).toBe("RESPONDED");
    expect(delivery.events.map((e) => [e.status, e.actorId])).toEqual([["DELIVERED", expect.anything()], ["RESPONDED", s.memberCtx.user.id]]);
    expect(delivery.events[1]?.occurredOn.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    expect(await db.response.count({ where: { packId: s.pack.id, status: "SUBMITTED" } })).toBe(2);
  });

  it("takes one round trip to PostgreSQL, and the caller's group context one more", async () => {
    const s = await makePackScenario({ published: true });
    await loadGroupContext(s.memberCtx.user, s.group.slug); // a pooled connection is open
    // Every statement of the Prisma adapter goes through pg's Client#query.
    const sent = vi.spyOn(pg.Client.prototype, "query");
    try {
      const ctx = await loadGroupContext(s.memberCtx.user, s.group.slug);
      expect(sent).toHaveBeenCalledTimes(1);
      await submitResponse(ctx!, { packNumber: 1, promptId: s.prompts[0]!, body: "Counted", submitKey: key() });
      expect(sent).toHaveBeenCalledTimes(2);
    } finally {
      sent.mockRestore();
    }
  });

  it("finds nothing outside the caller's group: another group's pack or prompt, a draft pack, a facilitator", async () => {
    const s = await makePackScenario({ published: true });
    const other = await makePackScenario({ published: true });
    const draft = await makePackScenario();
    const submit = (ctx: typeof s.memberCtx, packNumber: number, promptId: string) =>
      submitResponse(ctx, { packNumber, promptId, body: "x", submitKey: key() });
    // Pack 1 of the member's own group does not hold the other group's prompt.
    await expect(submit(s.memberCtx, 1, other.prompts[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submit(s.memberCtx, 2, s.prompts[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submit(draft.memberCtx, 1, draft.prompts[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submit(s.facilitator, 1, s.prompts[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A member of one group cannot act in another: lib/authz refuses before any write.
    const { authorizeGroup } = await import("@/lib/authz");
    await expect(authorizeGroup(s.memberCtx.user, other.group.slug, "response.writeOwn")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Even handed another group's id, the function writes nothing for a pack that is not that group's.
    const rows = await db.$queryRaw<unknown[]>`SELECT * FROM response_submit(${s.group.id}, ${s.member.id}, 1, ${other.prompts[0]!}, 'x', ${key()}, ${s.memberCtx.user.id})`;
    expect(rows).toEqual([]);
    expect(await db.response.count({ where: { packId: { in: [s.pack.id, other.pack.id, draft.pack.id] } } })).toBe(0);
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
