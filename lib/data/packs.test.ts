import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPack, getPack, listPacks, publishPack, updatePack } from "@/lib/data/packs";
import { makePackScenario, makeLessonWithPrompts } from "@/tests/factories/pack";

describe("pack visibility", () => {
  it("members see published packs only; facilitators see drafts too", async () => {
    const s = await makePackScenario();
    await expect(getPack(s.memberCtx, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listPacks(s.memberCtx)).toEqual([]);
    expect((await getPack(s.facilitator, 1)).status).toBe("DRAFT");
    expect(await listPacks(s.facilitator)).toHaveLength(1);

    await publishPack(s.facilitator, 1);
    const seen = await getPack(s.memberCtx, 1);
    expect(seen.status).toBe("PUBLISHED");
    expect(seen.lessons[0]?.lesson.prompts).toHaveLength(2);
    expect(await listPacks(s.memberCtx)).toHaveLength(1);
  });

  it("a fix to a published pack's lesson is what members see", async () => {
    const s = await makePackScenario({ published: true });
    await db.lesson.update({ where: { id: s.lesson.id }, data: { title: "Fixed title" } });
    expect((await getPack(s.memberCtx, 1)).lessons[0]?.lesson.title).toBe("Fixed title");
  });

  it("members cannot create, edit or publish packs", async () => {
    const s = await makePackScenario();
    await expect(createPack(s.memberCtx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishPack(s.memberCtx, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updatePack(s.memberCtx, 1, { title: "x", letterMarkdown: "", dueDate: "", lessonIds: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.pack.findUniqueOrThrow({ where: { id: s.pack.id } })).status).toBe("DRAFT");
  });
});

describe("building packs", () => {
  it("numbers packs 1, 2, 3 even when created at the same moment", async () => {
    const s = await makePackScenario();
    const numbers = await Promise.all([createPack(s.facilitator), createPack(s.facilitator), createPack(s.facilitator)]);
    expect(numbers.map((n) => n.number).sort()).toEqual([2, 3, 4]);
  });

  it("only takes lessons of the group's own course, and locks lessons once published", async () => {
    const s = await makePackScenario();
    const other = await makePackScenario();
    await expect(updatePack(s.facilitator, 1, { title: "", letterMarkdown: "", dueDate: "", lessonIds: [other.lesson.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const second = await makeLessonWithPrompts(s.group.courseId);
    await updatePack(s.facilitator, 1, { title: "Pack one", letterMarkdown: "Dear all", dueDate: "2026-12-20", lessonIds: [second.id, s.lesson.id] });
    const pack = await getPack(s.facilitator, 1);
    expect(pack.lessons.map((l) => l.lesson.id)).toEqual([second.id, s.lesson.id]);
    expect(pack.dueDate?.toISOString().slice(0, 10)).toBe("2026-12-20");
    await publishPack(s.facilitator, 1);
    await expect(updatePack(s.facilitator, 1, { title: "Pack one", letterMarkdown: "Dear all", dueDate: "", lessonIds: [s.lesson.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    // The letter can still be corrected after publishing.
    await updatePack(s.facilitator, 1, { title: "Pack one", letterMarkdown: "Dear all, corrected", dueDate: "", lessonIds: [second.id, s.lesson.id] });
    expect((await getPack(s.memberCtx, 1)).letterMarkdown).toBe("Dear all, corrected");
  });

  it("publishing makes one delivery per active member, once", async () => {
    const s = await makePackScenario();
    await Promise.all([publishPack(s.facilitator, 1), publishPack(s.facilitator, 1)]);
    await publishPack(s.facilitator, 1);
    const deliveries = await db.delivery.findMany({ where: { packId: s.pack.id }, include: { events: true } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ memberId: s.member.id, channel: "ONLINE", status: "DELIVERED" });
    expect(deliveries[0]?.events).toHaveLength(1);
  });

  it("refuses to publish a pack without lessons", async () => {
    const s = await makePackScenario();
    const { number } = await createPack(s.facilitator);
    await expect(publishPack(s.facilitator, number)).rejects.toMatchObject({ code: "CONFLICT", message: "packs.errors.noLessons" });
  });
});
