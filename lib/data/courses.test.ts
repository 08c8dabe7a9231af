// Course authoring against the real database: who may edit, ids from another course, order of
// lessons, readings and prompts under their unique positions, and what text survives storage.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeCourse, authorizeOrganization, type CourseContext } from "@/lib/authz";
import * as courses from "@/lib/data/courses";
import { listCourses, organizationsForNewCourse, slugify } from "@/lib/data/courses";
import { courseSchema, lessonSchema, promptSchema, readingSchema } from "@/lib/validations/course";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { makeCourse, makeFullLesson, makeLesson, makePrompt, makeReading, putLessonInPack } from "@/tests/factories/course";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

// Each data function called as the entry layer calls it: with the context lib/authz made for the
// course (or organization) its first argument names. A caller lib/authz refuses never reaches it.
const courseIdOf = (scope: string | { courseId: string }) => (typeof scope === "string" ? scope : scope.courseId);
function asCaller<S extends string | { courseId: string }, A extends unknown[], R>(fn: (ctx: CourseContext, scope: S, ...rest: A) => Promise<R>) {
  return async (user: CurrentUser, scope: S, ...rest: A) => fn(await authorizeCourse(user, courseIdOf(scope)), scope, ...rest);
}
const getCourseForEditing = asCaller(courses.getCourseForEditing);
const updateCourse = asCaller(courses.updateCourse);
const createLesson = asCaller(courses.createLesson);
const updateLesson = asCaller(courses.updateLesson);
const moveLesson = asCaller(courses.moveLesson);
const deleteLesson = asCaller(courses.deleteLesson);
const getLessonForEditing = asCaller(courses.getLessonForEditing);
const getReadingForEditing = asCaller(courses.getReadingForEditing);
const createReading = asCaller(courses.createReading);
const updateReading = asCaller(courses.updateReading);
const moveReading = asCaller(courses.moveReading);
const deleteReading = asCaller(courses.deleteReading);
const createPrompt = asCaller(courses.createPrompt);
const updatePrompt = asCaller(courses.updatePrompt);
const movePrompt = asCaller(courses.movePrompt);
const deletePrompt = asCaller(courses.deletePrompt);
const createCourse = async (user: CurrentUser, input: Parameters<typeof courses.createCourse>[1]) =>
  courses.createCourse(await authorizeOrganization(user, input.organizationId), input);

const reading = (overrides: Partial<Record<string, unknown>> = {}) =>
  readingSchema.parse({ title: "On time", author: "E. P. Thompson", source: "Past & Present 38", pageRange: "56–97", estimatedMinutes: "45", bodyMarkdown: "# Time\n\nText.", ...overrides });
const prompt = (text = "What changed?", readingId: string | null = null) => promptSchema.parse({ text, readingId });
const lesson = (title = "A lesson", summary = "") => lessonSchema.parse({ title, summary });

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ name: "AppError", code: "NOT_FOUND" });
}

async function positions(table: "lesson" | "reading" | "prompt", where: { courseId: string } | { lessonId: string }) {
  const rows = await (db[table].findMany as (args: object) => Promise<{ id: string; position: number }[]>)({ where, orderBy: { position: "asc" }, select: { id: true, position: true } });
  return rows;
}

function expectContiguous(rows: { position: number }[]) {
  expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
}

describe("who may edit a course", () => {
  type Group = Awaited<ReturnType<typeof makeGroup>>;
  let group: Group, sibling: Group;
  let organizer: CurrentUser, facilitator: CurrentUser, siblingFacilitator: CurrentUser, member: CurrentUser, otherOrganizer: CurrentUser;

  beforeAll(async () => {
    group = await makeGroup();
    sibling = await makeGroup(group.organizationId); // same organization, another course
    organizer = await makeOrganizer(group.organizationId);
    facilitator = await makeFacilitator(group.id);
    siblingFacilitator = await makeFacilitator(sibling.id);
    member = (await makeMember(group)).user!;
    otherOrganizer = await makeOrganizer((await makeGroup()).organizationId);
  });

  it("lets the organizer and the group's facilitator in, and nobody else", async () => {
    const allowed = [organizer, facilitator];
    const refused = [siblingFacilitator, member, otherOrganizer, await makeUser()];
    for (const user of allowed) {
      await expect(getCourseForEditing(user, group.courseId)).resolves.toMatchObject({ id: group.courseId });
      await expect(createLesson(user, group.courseId, lesson())).resolves.toHaveProperty("id");
      await expect(updateCourse(user, group.courseId, courseSchema.parse({ title: `Renamed by ${user.name}`, description: "" }))).resolves.toHaveProperty("title");
    }
    const before = await db.lesson.count({ where: { courseId: group.courseId } });
    for (const user of refused) {
      await expectNotFound(getCourseForEditing(user, group.courseId));
      await expectNotFound(createLesson(user, group.courseId, lesson()));
      await expectNotFound(updateCourse(user, group.courseId, courseSchema.parse({ title: "Hijacked", description: "" })));
    }
    expect(await db.lesson.count({ where: { courseId: group.courseId } })).toBe(before);
    expect((await db.course.findUniqueOrThrow({ where: { id: group.courseId } })).title).not.toBe("Hijacked");
  });

  it("a facilitator of any group running the course may edit it", async () => {
    const second = await db.group.create({
      data: { organizationId: group.organizationId, courseId: sibling.courseId, slug: `second-${Date.now()}`, name: "Second", level: "ADVANCED" },
    });
    const user = await makeFacilitator(second.id);
    await expect(getCourseForEditing(user, sibling.courseId)).resolves.toMatchObject({ id: sibling.courseId });
  });

  it("lists the courses each person may edit, with lesson counts", async () => {
    const lessons = await db.lesson.count({ where: { courseId: group.courseId } });
    const mine = (await listCourses(facilitator)).map((c) => [c.id, c.lessonCount]);
    expect(mine).toEqual([[group.courseId, lessons]]);
    const organizers = (await listCourses(organizer)).map((c) => c.id).sort();
    expect(organizers).toEqual([group.courseId, sibling.courseId].sort());
    expect(await listCourses(member)).toEqual([]);
  });

  it("only organizers create courses, in their own organization", async () => {
    expect(await organizationsForNewCourse(organizer)).toEqual([{ id: group.organizationId, name: expect.any(String) }]);
    expect(await organizationsForNewCourse(facilitator)).toEqual([]);
    const input = { organizationId: group.organizationId, title: "Reading Capital", description: "" };
    const first = await createCourse(organizer, input);
    const second = await createCourse(organizer, input);
    const slugs = await db.course.findMany({ where: { id: { in: [first.id, second.id] } }, select: { slug: true } });
    expect(slugs.map((s) => s.slug).sort()).toEqual(["reading-capital", "reading-capital-2"]);
    await expectNotFound(createCourse(facilitator, input));
    await expectNotFound(createCourse(otherOrganizer, input));
    await expectNotFound(createCourse(member, input));
  });

  it("makes a slug from any title", () => {
    expect(slugify("Ça ira: «Work», Wages & Time!")).toBe("ca-ira-work-wages-time");
    expect(slugify("资本论")).toBe("course");
    expect(slugify("a".repeat(100))).toHaveLength(60);
  });
});

describe("ids of another course", () => {
  it("are refused with NOT_FOUND and change nothing there", async () => {
    const mine = await makeGroup();
    const theirs = await makeGroup(mine.organizationId);
    // The organizer may edit both courses, so only the mismatch of ids stops them.
    const user = await makeOrganizer(mine.organizationId);
    const own = await makeFullLesson(mine.courseId);
    const other = await makeFullLesson(theirs.courseId);
    await makeFullLesson(theirs.courseId);

    const snapshot = async () =>
      db.course.findUniqueOrThrow({
        where: { id: theirs.courseId },
        select: { title: true, updatedAt: true, lessons: { orderBy: { position: "asc" }, include: { readings: { orderBy: { position: "asc" } }, prompts: { orderBy: { position: "asc" } } } } },
      });
    const before = await snapshot();
    const ownSnapshot = await getLessonForEditing(user, { courseId: mine.courseId, lessonId: own.lesson.id });

    const lessonRef = { courseId: mine.courseId, lessonId: other.lesson.id };
    const readingRef = { ...lessonRef, readingId: other.readings[1]!.id };
    const promptRef = { ...lessonRef, promptId: other.prompts[1]!.id };
    // Own lesson, the other course's reading or prompt.
    const mixedReading = { courseId: mine.courseId, lessonId: own.lesson.id, readingId: other.readings[1]!.id };
    const mixedPrompt = { courseId: mine.courseId, lessonId: own.lesson.id, promptId: other.prompts[1]!.id };

    const attempts: [string, () => Promise<unknown>][] = [
      ["getLessonForEditing", () => getLessonForEditing(user, lessonRef)],
      ["updateLesson", () => updateLesson(user, lessonRef, lesson("Hijacked"))],
      ["moveLesson", () => moveLesson(user, lessonRef, "down")],
      ["deleteLesson", () => deleteLesson(user, lessonRef)],
      ["createReading", () => createReading(user, lessonRef, reading())],
      ["createPrompt", () => createPrompt(user, lessonRef, prompt())],
      ["getReadingForEditing", () => getReadingForEditing(user, readingRef)],
      ["updateReading", () => updateReading(user, readingRef, reading({ title: "Hijacked" }))],
      ["moveReading", () => moveReading(user, readingRef, "up")],
      ["deleteReading", () => deleteReading(user, readingRef)],
      ["updatePrompt", () => updatePrompt(user, promptRef, prompt("Hijacked"))],
      ["movePrompt", () => movePrompt(user, promptRef, "up")],
      ["deletePrompt", () => deletePrompt(user, promptRef)],
      ["getReadingForEditing (mixed)", () => getReadingForEditing(user, mixedReading)],
      ["updateReading (mixed)", () => updateReading(user, mixedReading, reading({ title: "Hijacked" }))],
      ["moveReading (mixed)", () => moveReading(user, mixedReading, "up")],
      ["deleteReading (mixed)", () => deleteReading(user, mixedReading)],
      ["updatePrompt (mixed)", () => updatePrompt(user, mixedPrompt, prompt("Hijacked"))],
      ["movePrompt (mixed)", () => movePrompt(user, mixedPrompt, "up")],
      ["deletePrompt (mixed)", () => deletePrompt(user, mixedPrompt)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
    // The caller's own lesson was not changed by the refused attempts either.
    expect(await getLessonForEditing(user, { courseId: mine.courseId, lessonId: own.lesson.id })).toEqual(ownSnapshot);
  });

  it("a reading or prompt of another lesson of the same course is not found through this lesson", async () => {
    const group = await makeGroup();
    const user = await makeFacilitator(group.id);
    const a = await makeFullLesson(group.courseId);
    const b = await makeFullLesson(group.courseId);
    await expectNotFound(updateReading(user, { courseId: group.courseId, lessonId: a.lesson.id, readingId: b.readings[0]!.id }, reading()));
    await expectNotFound(deletePrompt(user, { courseId: group.courseId, lessonId: a.lesson.id, promptId: b.prompts[0]!.id }));
    expect(await db.reading.count({ where: { lessonId: b.lesson.id } })).toBe(2);
    expect(await db.prompt.count({ where: { lessonId: b.lesson.id } })).toBe(2);
  });
});

describe("order of lessons", () => {
  it("appends, moves up and down, and is a no-op at the edges", async () => {
    const group = await makeGroup();
    const user = await makeFacilitator(group.id);
    const courseId = group.courseId;
    const ids: string[] = [];
    for (const title of ["One", "Two", "Three", "Four"]) ids.push((await createLesson(user, courseId, lesson(title))).id);
    const order = async () => (await getCourseForEditing(user, courseId)).lessons.map((l) => l.title);
    expect(await order()).toEqual(["One", "Two", "Three", "Four"]);

    expect(await moveLesson(user, { courseId, lessonId: ids[0]! }, "up")).toEqual({ position: 1 });
    expect(await moveLesson(user, { courseId, lessonId: ids[3]! }, "down")).toEqual({ position: 4 });
    expect(await order()).toEqual(["One", "Two", "Three", "Four"]);

    expect(await moveLesson(user, { courseId, lessonId: ids[2]! }, "up")).toEqual({ position: 2 });
    expect(await order()).toEqual(["One", "Three", "Two", "Four"]);
    await moveLesson(user, { courseId, lessonId: ids[0]! }, "down");
    expect(await order()).toEqual(["Three", "One", "Two", "Four"]);
    expectContiguous(await positions("lesson", { courseId }));
  });

  it("stays contiguous and unique under many moves at once", async () => {
    const group = await makeGroup();
    const user = await makeOrganizer(group.organizationId);
    const courseId = group.courseId;
    const lessons: { id: string }[] = [];
    for (let i = 0; i < 6; i++) lessons.push(await makeLesson(courseId));
    const moves = Array.from({ length: 24 }, (_, i) => moveLesson(user, { courseId, lessonId: lessons[(i * 7) % 6]!.id }, i % 3 === 0 ? "up" : "down"));
    await Promise.all(moves);
    const rows = await positions("lesson", { courseId });
    expectContiguous(rows);
    expect(rows.map((r) => r.id).sort()).toEqual(lessons.map((l) => l.id).sort());
  });

  it("delete closes the gap and takes the lesson's readings and prompts with it", async () => {
    const group = await makeGroup();
    const user = await makeFacilitator(group.id);
    const courseId = group.courseId;
    const [a, b, c, d] = [await makeFullLesson(courseId), await makeFullLesson(courseId), await makeFullLesson(courseId), await makeFullLesson(courseId)];
    await deleteLesson(user, { courseId, lessonId: b.lesson.id });
    const rows = await positions("lesson", { courseId });
    expectContiguous(rows);
    expect(rows.map((r) => r.id)).toEqual([a.lesson.id, c.lesson.id, d.lesson.id]);
    expect(await db.reading.count({ where: { lessonId: b.lesson.id } })).toBe(0);
    await deleteLesson(user, { courseId, lessonId: d.lesson.id });
    await deleteLesson(user, { courseId, lessonId: a.lesson.id });
    expect((await positions("lesson", { courseId })).map((r) => [r.id, r.position])).toEqual([[c.lesson.id, 1]]);
    // A new lesson goes after the remaining one.
    expect((await createLesson(user, courseId, lesson())).position).toBe(2);
  });

  it("a lesson used by a pack cannot be deleted, with a clear reason", async () => {
    const group = await makeGroup();
    const user = await makeFacilitator(group.id);
    const { lesson: used } = await makeFullLesson(group.courseId);
    await putLessonInPack(group.id, used.id);
    await expect(deleteLesson(user, { courseId: group.courseId, lessonId: used.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "authoring.errors.lessonInPack",
    });
    expect(await db.lesson.count({ where: { id: used.id } })).toBe(1);
    expect((await getCourseForEditing(user, group.courseId)).lessons[0]).toMatchObject({ id: used.id, packCount: 1 });
  });
});

describe("readings and prompts", () => {
  type Setup = { user: CurrentUser; courseId: string; lessonId: string };
  async function setup(): Promise<Setup> {
    const group = await makeGroup();
    const user = await makeFacilitator(group.id);
    const { id } = await makeLesson(group.courseId);
    return { user, courseId: group.courseId, lessonId: id };
  }

  it("stores a reading with every field and reads it back", async () => {
    const { user, courseId, lessonId } = await setup();
    const body = "# Title\n\n> A quote\n\nText with a note.[^1]\n\n[^1]: The note.\n";
    const created = await createReading(user, { courseId, lessonId }, reading({ bodyMarkdown: body, estimatedMinutes: "" }));
    expect(created.position).toBe(1);
    const ref = { courseId, lessonId, readingId: created.id };
    expect(await getReadingForEditing(user, ref)).toMatchObject({ title: "On time", author: "E. P. Thompson", source: "Past & Present 38", pageRange: "56–97", estimatedMinutes: null, bodyMarkdown: body });
    await updateReading(user, ref, reading({ estimatedMinutes: 90 }));
    expect(await getReadingForEditing(user, ref)).toMatchObject({ estimatedMinutes: 90, bodyMarkdown: "# Time\n\nText." });
    const listed = await getLessonForEditing(user, { courseId, lessonId });
    expect(listed.readings[0]).not.toHaveProperty("bodyMarkdown");
  });

  it("readings move within their lesson and a delete closes the gap", async () => {
    const { user, courseId, lessonId } = await setup();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createReading(user, { courseId, lessonId }, reading({ title: `R${i}` }))).id);
    await moveReading(user, { courseId, lessonId, readingId: ids[0]! }, "up");
    await moveReading(user, { courseId, lessonId, readingId: ids[2]! }, "down");
    await moveReading(user, { courseId, lessonId, readingId: ids[2]! }, "up");
    expect((await positions("reading", { lessonId })).map((r) => r.id)).toEqual([ids[0], ids[2], ids[1]]);
    await deleteReading(user, { courseId, lessonId, readingId: ids[0]! });
    const rows = await positions("reading", { lessonId });
    expectContiguous(rows);
    expect(rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
  });

  it("prompts move, and delete closes the gap", async () => {
    const { user, courseId, lessonId } = await setup();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await createPrompt(user, { courseId, lessonId }, prompt(`Q${i}`))).id);
    await movePrompt(user, { courseId, lessonId, promptId: ids[3]! }, "up");
    await movePrompt(user, { courseId, lessonId, promptId: ids[0]! }, "up");
    expect((await getLessonForEditing(user, { courseId, lessonId })).prompts.map((p) => p.text)).toEqual(["Q0", "Q1", "Q3", "Q2"]);
    await deletePrompt(user, { courseId, lessonId, promptId: ids[0]! });
    await deletePrompt(user, { courseId, lessonId, promptId: ids[2]! });
    const rows = await positions("prompt", { lessonId });
    expectContiguous(rows);
    expect(rows.map((r) => r.id)).toEqual([ids[1], ids[3]]);
  });

  it("a prompt is tied only to a reading of its own lesson", async () => {
    const { user, courseId, lessonId } = await setup();
    const own = await makeReading(lessonId);
    const otherLesson = await makeLesson(courseId);
    const foreign = await makeReading(otherLesson.id);
    const ref = { courseId, lessonId };
    await expect(createPrompt(user, ref, prompt("Tied elsewhere", foreign.id))).rejects.toMatchObject({ code: "INVALID", message: "authoring.errors.readingNotInLesson" });
    expect(await db.prompt.count({ where: { lessonId } })).toBe(0);

    const tied = await createPrompt(user, ref, prompt("Tied here", own.id));
    await expect(updatePrompt(user, { ...ref, promptId: tied.id }, prompt("Moved away", foreign.id))).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.prompt.findUniqueOrThrow({ where: { id: tied.id }, select: { text: true, readingId: true } })).toEqual({ text: "Tied here", readingId: own.id });

    expect(await updatePrompt(user, { ...ref, promptId: tied.id }, prompt("Untied", ""))).toMatchObject({ text: "Untied", readingId: null });
    await updatePrompt(user, { ...ref, promptId: tied.id }, prompt("Tied again", own.id));
    // Deleting the reading keeps the prompt, untied.
    await deleteReading(user, { ...ref, readingId: own.id });
    expect(await db.prompt.findUniqueOrThrow({ where: { id: tied.id }, select: { readingId: true } })).toEqual({ readingId: null });
  });

  it("a prompt someone has answered cannot be deleted", async () => {
    const group = await makeGroup();
    const user = await makeFacilitator(group.id);
    const { lesson: l } = await makeFullLesson(group.courseId, { readings: 0, prompts: 0 });
    const answered = await makePrompt(l.id);
    const pack = await putLessonInPack(group.id, l.id);
    const { member } = await makeMember(group);
    await db.response.create({ data: { packId: pack.id, memberId: member.id, promptId: answered.id, source: "ONLINE" } });
    await expect(deletePrompt(user, { courseId: group.courseId, lessonId: l.id, promptId: answered.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "authoring.errors.promptAnswered",
    });
    expect(await db.prompt.count({ where: { id: answered.id } })).toBe(1);
  });
});

describe("schemas", () => {
  it("estimated minutes: empty is none; whole numbers 1 to 600; the output parses again", () => {
    for (const [input, expected] of [["", null], ["  ", null], [null, null], ["45", 45], [" 7 ", 7], [600, 600]] as const) {
      expect(reading({ estimatedMinutes: input }).estimatedMinutes).toBe(expected);
    }
    for (const input of ["0", "601", "1.5", "-3", "ten", 0, 2.5, "1e2"]) {
      const result = readingSchema.safeParse({ ...reading(), estimatedMinutes: input });
      expect(result.error?.issues[0]?.message, String(input)).toBe("authoring.validation.minutesRange");
    }
    const once = reading();
    expect(readingSchema.parse(once)).toEqual(once);
  });

  it("pasted text loses its invisible control characters (a page break becomes a line break)", () => {
    const pasted = "Page one.\f\u0000Page\u0007 two.\tTabbed\r\nline";
    expect(reading({ bodyMarkdown: pasted }).bodyMarkdown).toBe("Page one.\nPage two.\tTabbed\r\nline");
    expect(lessonSchema.parse({ title: "T", summary: "a\u0000b" }).summary).toBe("ab");
    expect(lessonSchema.safeParse({ title: "a\u0000b", summary: "" }).error?.issues[0]?.message).toBe("authoring.validation.invalidCharacters");
    const once = reading({ bodyMarkdown: pasted });
    expect(readingSchema.parse(once)).toEqual(once);
  });

  it("half of a surrogate pair is refused, not stored as something else", () => {
    expect(lessonSchema.safeParse({ title: "Half \ud83d", summary: "" }).error?.issues[0]?.message).toBe("authoring.validation.invalidCharacters");
    expect(readingSchema.safeParse({ ...reading(), bodyMarkdown: "x\udc00y" }).error?.issues[0]?.message).toBe("authoring.validation.invalidCharacters");
  });

  it("length limits", () => {
    expect(lessonSchema.safeParse({ title: "x".repeat(201), summary: "" }).error?.issues[0]?.message).toBe("authoring.validation.titleTooLong");
    expect(readingSchema.safeParse({ ...reading(), bodyMarkdown: "x".repeat(500_001) }).error?.issues[0]?.message).toBe("authoring.validation.bodyTooLong");
    expect(readingSchema.safeParse({ ...reading(), bodyMarkdown: "x".repeat(500_000) }).success).toBe(true);
    expect(readingSchema.safeParse({ ...reading(), pageRange: "x".repeat(41) }).error?.issues[0]?.message).toBe("authoring.validation.pageRangeTooLong");
    expect(readingSchema.safeParse({ ...reading(), bodyMarkdown: " \n\t " }).error?.issues[0]?.message).toBe("authoring.validation.bodyRequired");
  });
});

describe("naughty strings through every text field", () => {
  const fields = {
    "course.title": (v: string) => courseSchema.safeParse({ title: v, description: "" }),
    "course.description": (v: string) => courseSchema.safeParse({ title: "T", description: v }),
    "lesson.title": (v: string) => lessonSchema.safeParse({ title: v, summary: "" }),
    "lesson.summary": (v: string) => lessonSchema.safeParse({ title: "T", summary: v }),
    "reading.title": (v: string) => readingSchema.safeParse({ ...reading(), title: v }),
    "reading.author": (v: string) => readingSchema.safeParse({ ...reading(), author: v }),
    "reading.source": (v: string) => readingSchema.safeParse({ ...reading(), source: v }),
    "reading.pageRange": (v: string) => readingSchema.safeParse({ ...reading(), pageRange: v }),
    "reading.estimatedMinutes": (v: string) => readingSchema.safeParse({ ...reading(), estimatedMinutes: v }),
    "reading.bodyMarkdown": (v: string) => readingSchema.safeParse({ ...reading(), bodyMarkdown: v }),
    "prompt.text": (v: string) => promptSchema.safeParse({ text: v, readingId: null }),
  };
  const ownKeys = /^authoring\.validation\.[a-zA-Z]+$/;

  it("each is refused with one of our message keys, or accepted", () => {
    for (const [field, parse] of Object.entries(fields)) {
      let accepted = 0;
      for (const value of naughtyStrings) {
        const result = parse(value);
        if (result.success) accepted++;
        else for (const issue of result.error.issues) expect(issue.message, `${field}: ${JSON.stringify(value)}`).toMatch(ownKeys);
      }
      const least = { "reading.estimatedMinutes": 0, "reading.pageRange": 250 }[field as string] ?? 400;
      expect(accepted, field).toBeGreaterThan(least);
    }
  });

  it("what is accepted is stored and read back exactly", async () => {
    // A course no group runs yet: its organizers edit it.
    const { id: courseId, organizationId } = await makeCourse();
    const user = await makeOrganizer(organizationId);
    const accepted = <T,>(parse: (v: string) => { success: boolean; data?: T }) => naughtyStrings.map(parse).filter((r) => r.success).map((r) => r.data as T);

    const lessons = accepted((v) => lessonSchema.safeParse({ title: v, summary: v }));
    const readings = accepted((v) => readingSchema.safeParse({ title: v.trim() || "T", author: v, source: v, pageRange: Array.from(v).slice(0, 10).join(""), estimatedMinutes: null, bodyMarkdown: v }));
    const prompts = accepted((v) => promptSchema.safeParse({ text: v, readingId: null }));
    expect(lessons.length).toBeGreaterThan(400);
    expect(readings.length).toBeGreaterThan(400);

    // Stored in bulk (two transactions), read back through the editors' own queries.
    const holder = await makeLesson(courseId);
    await db.$transaction([
      db.lesson.createMany({ data: lessons.map((l, i) => ({ courseId, position: i + 2, title: l.title, summary: l.summary })) }),
      db.prompt.createMany({ data: prompts.map((p, i) => ({ lessonId: holder.id, position: i + 1, text: p.text })) }),
    ]);
    await db.$transaction([db.reading.createMany({ data: readings.map((r, i) => ({ lessonId: holder.id, position: i + 1, ...r })) })]);

    const course = await getCourseForEditing(user, courseId);
    expect(course.lessons.slice(1).map((l) => [l.title, l.summary])).toEqual(lessons.map((l) => [l.title, l.summary]));
    const lessonView = await getLessonForEditing(user, { courseId, lessonId: holder.id });
    expect(lessonView.prompts.map((p) => p.text)).toEqual(prompts.map((p) => p.text));
    expect(lessonView.readings.map((r) => [r.title, r.author, r.source, r.pageRange])).toEqual(readings.map((r) => [r.title, r.author, r.source, r.pageRange]));
    const bodies = await db.reading.findMany({ where: { lessonId: holder.id }, orderBy: { position: "asc" }, select: { bodyMarkdown: true } });
    expect(bodies.map((b) => b.bodyMarkdown)).toEqual(readings.map((r) => r.bodyMarkdown));

    // A few through the full write path too: the data functions, one by one.
    for (const value of readings.slice(0, 20)) {
      const created = await createReading(user, { courseId, lessonId: holder.id }, value);
      expect((await getReadingForEditing(user, { courseId, lessonId: holder.id, readingId: created.id })).bodyMarkdown).toBe(value.bodyMarkdown);
    }
    for (const value of lessons.slice(0, 20)) {
      const created = await createLesson(user, courseId, value);
      expect((await getLessonForEditing(user, { courseId, lessonId: created.id })).title).toBe(value.title);
    }
  });
});
