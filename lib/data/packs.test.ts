import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPack, deletePack, getPack, listPacks, publishPack, suggestDueDate, suggestNextLessons, updatePack } from "@/lib/data/packs";
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

describe("packs without traps (issue 15)", () => {
  it("publishing with the form's details saves and publishes them in one transaction", async () => {
    const s = await makePackScenario();
    const second = await makeLessonWithPrompts(s.group.courseId);
    const details = { title: "Work and time", letterMarkdown: "Dear all,\n\nwelcome.", dueDate: "2027-01-15", lessonIds: [s.lesson.id, second.id] };
    await publishPack(s.facilitator, 1, details);
    const seen = await getPack(s.memberCtx, 1);
    expect({
      title: seen.title,
      letterMarkdown: seen.letterMarkdown,
      dueDate: seen.dueDate?.toISOString().slice(0, 10),
      lessonIds: seen.lessons.map((l) => l.lesson.id),
    }).toEqual(details);
    expect(seen.status).toBe("PUBLISHED");
    expect(await db.delivery.count({ where: { packId: s.pack.id } })).toBe(1);
  });

  it("a publish whose details are refused publishes nothing and saves nothing", async () => {
    const s = await makePackScenario();
    const other = await makePackScenario();
    await expect(publishPack(s.facilitator, 1, { title: "Changed", letterMarkdown: "", dueDate: "2027-01-15", lessonIds: [other.lesson.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const pack = await db.pack.findUniqueOrThrow({ where: { id: s.pack.id } });
    expect(pack).toMatchObject({ status: "DRAFT", title: "", dueDate: null });
    expect(await db.delivery.count({ where: { packId: s.pack.id } })).toBe(0);
  });

  it("deletes a draft and only what belongs to it", async () => {
    const s = await makePackScenario();
    const { number } = await createPack(s.facilitator, { lessonIds: [s.lesson.id], dueDate: "" });
    await deletePack(s.facilitator, number);
    expect(await db.pack.count({ where: { groupId: s.group.id, number } })).toBe(0);
    // Pack 1 (which holds the same lesson) and the lesson itself stay.
    expect((await getPack(s.facilitator, 1)).lessons.map((l) => l.lesson.id)).toEqual([s.lesson.id]);
    expect(await db.lesson.count({ where: { id: s.lesson.id } })).toBe(1);
    await expect(deletePack(s.facilitator, number)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses to delete a published pack and changes nothing", async () => {
    const s = await makePackScenario({ published: true });
    await db.delivery.create({ data: { packId: s.pack.id, memberId: s.member.id, channel: "ONLINE", status: "DELIVERED" } });
    await expect(deletePack(s.facilitator, 1)).rejects.toMatchObject({ code: "CONFLICT", message: "packs.errors.publishedNotDeletable" });
    expect(await db.pack.findUniqueOrThrow({ where: { id: s.pack.id } })).toMatchObject({ status: "PUBLISHED" });
    expect(await db.packLesson.count({ where: { packId: s.pack.id } })).toBe(1);
    expect(await db.delivery.count({ where: { packId: s.pack.id } })).toBe(1);
    await expect(deletePack(s.memberCtx, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("suggests the next lessons of the course after those already in packs", async () => {
    const s = await makePackScenario(); // pack 1 holds lesson 1
    const [l2, l3, l4, l5] = [
      await makeLessonWithPrompts(s.group.courseId),
      await makeLessonWithPrompts(s.group.courseId),
      await makeLessonWithPrompts(s.group.courseId),
      await makeLessonWithPrompts(s.group.courseId),
    ];
    expect(await suggestNextLessons(s.facilitator)).toEqual([l2!.id]);
    // A pack of two lessons: the next suggestion is the two after them.
    const { number } = await createPack(s.facilitator, { lessonIds: [l2!.id, l3!.id], dueDate: "2027-02-01" });
    expect((await getPack(s.facilitator, number)).dueDate?.toISOString().slice(0, 10)).toBe("2027-02-01");
    expect(await suggestNextLessons(s.facilitator)).toEqual([l4!.id, l5!.id]);
    // Every lesson used: nothing to suggest.
    await createPack(s.facilitator, { lessonIds: [l4!.id, l5!.id], dueDate: "" });
    expect(await suggestNextLessons(s.facilitator)).toEqual([]);
  });

  it("suggests the due date from the group's schedule, counted from the last dated pack", async () => {
    const s = await makePackScenario();
    expect(await suggestDueDate(s.facilitator)).toBe(""); // no schedule
    await db.group.update({ where: { id: s.group.id }, data: { packIntervalDays: 28 } });
    await createPack(s.facilitator, { lessonIds: [], dueDate: "2027-03-01" });
    expect(await suggestDueDate(s.facilitator)).toBe("2027-03-29");
    await createPack(s.facilitator, { lessonIds: [], dueDate: "" }); // an undated draft does not move it
    expect(await suggestDueDate(s.facilitator)).toBe("2027-03-29");
  });
});
