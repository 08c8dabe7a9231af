// A facilitator's week on a known data set: each count exact, with beside it a case that must not
// count (docs/decisions/026-facilitators-week.md), who may see it, and that its statements do not
// grow with the data.
import { describe, expect, it } from "vitest";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getGroupWeek, getWeekSummary, type WeekItem } from "@/lib/data/week";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { statementCounter } from "@/tests/setup/statement-counter";
import type { Channel, DeliveryStatus, MemberStatus } from "@/lib/generated/prisma/enums";

const counter = statementCounter({ asAppClient: true });

const TODAY = new Date("2026-11-01T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function ctxOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

type Group = Awaited<ReturnType<typeof makeGroup>>;

async function addPack(group: Group, number: number, options: { publishedOn?: string; dueOn?: string } = {}) {
  const lesson = await db.lesson.create({
    data: { courseId: group.courseId, position: number, title: `Lesson ${number}`, prompts: { create: [1, 2].map((position) => ({ position, text: `Q${number}.${position}` })) } },
    select: { id: true, prompts: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  const pack = await db.pack.create({
    data: {
      groupId: group.id,
      number,
      status: options.publishedOn ? "PUBLISHED" : "DRAFT",
      publishedAt: options.publishedOn ? day(options.publishedOn) : null,
      dueDate: options.dueOn ? day(options.dueOn) : null,
      lessons: { create: { lessonId: lesson.id, position: 1 } },
    },
    select: { id: true, number: true },
  });
  return { ...pack, prompts: lesson.prompts.map((p) => p.id) };
}
type Pack = Awaited<ReturnType<typeof addPack>>;

async function addMember(group: Group, channel: Channel, status: MemberStatus = "ACTIVE") {
  const { member } = await makeMember(group, { channel, status, user: null });
  await db.member.update({ where: { id: member.id }, data: { joinedAt: day("2026-09-01") } });
  return member.id;
}

/** A delivery that went through `events` (status, day), ending in the last one's status. */
async function deliver(pack: Pack, memberId: string, channel: Channel, events: [DeliveryStatus, string][]) {
  const status = events.at(-1)![0];
  const delivery = await db.delivery.create({ data: { packId: pack.id, memberId, channel, status }, select: { id: true } });
  for (const [s, on] of events) await db.deliveryEvent.create({ data: { deliveryId: delivery.id, status: s, occurredOn: day(on), reason: s === "RETURNED" || s === "REJECTED" ? "Moved" : null } });
}

/** Submitted answers to the first `prompts` prompts; `feedback` of them (from the first) get feedback. */
async function answer(pack: Pack, memberId: string, options: { prompts: number; feedback?: number; author: CurrentUser; source?: "ONLINE" | "TRANSCRIBED" }) {
  for (const [i, promptId] of pack.prompts.slice(0, options.prompts).entries()) {
    const response = await db.response.create({
      data: { packId: pack.id, memberId, promptId, body: "An answer", status: "SUBMITTED", source: options.source ?? "ONLINE", version: 1, submittedAt: day("2026-10-10") },
      select: { id: true },
    });
    await db.responseVersion.create({ data: { responseId: response.id, version: 1, body: "An answer" } });
    if (i < (options.feedback ?? 0)) await db.feedback.create({ data: { responseId: response.id, authorId: options.author.id, body: "Thank you" } });
  }
}

async function printRun(pack: Pack, status: "DONE" | "QUEUED", summary: { memberId: string; envelopes: number }[] = []) {
  await db.printRun.create({ data: { packId: pack.id, status, summary, total: summary.length, done: summary.length } });
}

/**
 * Group A: expected mail turnaround 20 days, today 2026-11-01. Pack 1 published 1 October, due
 * 20 October (past); pack 2 published 29 October, due 10 November; pack 3 a draft.
 */
async function groupA() {
  const group = await makeGroup();
  await db.group.update({ where: { id: group.id }, data: { expectedTurnaroundDays: 20 } });
  const facilitator = await makeFacilitator(group.id);
  const p1 = await addPack(group, 1, { publishedOn: "2026-10-01", dueOn: "2026-10-20" });
  const p2 = await addPack(group, 2, { publishedOn: "2026-10-29", dueOn: "2026-11-10" });
  const draft = await addPack(group, 3);
  const [o1, o2, o3, o4] = [await addMember(group, "ONLINE"), await addMember(group, "ONLINE"), await addMember(group, "ONLINE", "WITHDRAWN"), await addMember(group, "ONLINE", "PAUSED")];
  const m = [];
  for (let i = 0; i < 6; i++) m.push(await addMember(group, "MAIL"));
  const [m1, m2, m3, m4, m5, m6] = m as [string, string, string, string, string, string];
  const m7 = await addMember(group, "MAIL", "WITHDRAWN");

  // Online, pack 1 (due 20 Oct, past).
  await deliver(p1, o1, "ONLINE", [["DELIVERED", "2026-10-01"], ["RESPONDED", "2026-10-10"]]);
  await answer(p1, o1, { prompts: 2, feedback: 1, author: facilitator }); // 1 waiting (the other has feedback)
  await deliver(p1, o2, "ONLINE", [["DELIVERED", "2026-10-01"]]); // overdue
  await deliver(p1, o3, "ONLINE", [["DELIVERED", "2026-10-01"], ["RESPONDED", "2026-10-10"]]);
  await answer(p1, o3, { prompts: 1, author: facilitator }); // withdrawn: not waiting
  await deliver(p1, o4, "ONLINE", [["DELIVERED", "2026-10-01"]]); // paused: not overdue
  // Online, pack 2 (due 10 Nov, ahead).
  await deliver(p2, o1, "ONLINE", [["DELIVERED", "2026-10-29"]]); // not yet due: not overdue
  await deliver(p2, o2, "ONLINE", [["DELIVERED", "2026-10-29"], ["RESPONDED", "2026-10-30"]]);
  await answer(p2, o2, { prompts: 1, author: facilitator }); // 1 waiting
  // Mail, pack 1: mailed on various days; half the turnaround is 10 days.
  await deliver(p1, m1, "MAIL", [["MAILED", "2026-10-20"]]); // 12 days: to transcribe, not overdue
  await deliver(p1, m2, "MAIL", [["MAILED", "2026-10-05"]]); // 27 days: to transcribe and overdue
  await deliver(p1, m3, "MAIL", [["MAILED", "2026-10-22"]]); // exactly 10 days: not yet
  await deliver(p1, m4, "MAIL", [["MAILED", "2026-10-02"], ["RETURNED", "2026-10-09"]]); // to resend
  await deliver(p1, m5, "MAIL", [["MAILED", "2026-10-02"], ["REJECTED", "2026-10-09"]]); // to resend
  await deliver(p1, m6, "MAIL", [["MAILED", "2026-10-02"], ["RESPONDED", "2026-10-12"]]);
  await answer(p1, m6, { prompts: 2, feedback: 2, author: facilitator, source: "TRANSCRIBED" }); // answered, all with feedback
  // Mail, pack 2: prepared; one run printed m4 and left m5 out (too long for their facility).
  for (const id of [m1, m2, m3, m4, m5, m6, m7]) await deliver(p2, id, "MAIL", [["PREPARED", "2026-10-29"]]);
  await printRun(p2, "DONE", [
    { memberId: m4, envelopes: 1 },
    { memberId: m5, envelopes: 0 },
  ]);
  void draft;
  return { group, facilitator, p1, p2 };
}

/** Group B: one published pack with no due date, an answer waiting, and a print run under way. */
async function groupB(organizationId?: string) {
  const group = await makeGroup(organizationId);
  const facilitator = await makeFacilitator(group.id);
  const p1 = await addPack(group, 1, { publishedOn: "2026-10-01" });
  const online = await addMember(group, "ONLINE");
  const mail = await addMember(group, "MAIL");
  await deliver(p1, online, "ONLINE", [["DELIVERED", "2026-10-01"]]); // no due date: never overdue
  await answer(p1, await addMember(group, "ONLINE"), { prompts: 1, author: facilitator });
  await deliver(p1, mail, "MAIL", [["PREPARED", "2026-10-01"]]);
  await printRun(p1, "QUEUED"); // being made: nothing to start
  return { group, facilitator, p1 };
}

const brief = (items: WeekItem[] | null) => items?.map((i) => [i.kind, i.packNumber, i.count]);

describe("a facilitator's week", () => {
  it("counts exactly what is waiting, and nothing that is not", async () => {
    const a = await groupA();
    const items = await getGroupWeek(await ctxOf(a.facilitator, a.group.slug), TODAY);
    expect(brief(items)).toEqual([
      ["feedback", 1, 1],
      ["feedback", 2, 1],
      ["transcribe", 1, 2],
      ["printRun", 2, 5],
      ["printed", 2, 1],
      ["resend", 1, 2],
      ["overdue", null, 2],
      ["quiet", null, 5],
    ]);
    const slug = a.group.slug;
    expect(items!.map((i) => i.href)).toEqual([
      `/groups/${slug}/packs/1/responses`,
      `/groups/${slug}/packs/2/responses`,
      "/transcribe",
      `/groups/${slug}/packs/2/mail`,
      `/groups/${slug}/packs/2/mail`,
      `/groups/${slug}/packs/1/mail`,
      `/groups/${slug}/progress?status=overdue`,
      `/groups/${slug}/progress?status=quiet`,
    ]);
  });

  it("moves as the work is done and the days pass: feedback given, a letter past half its turnaround", async () => {
    const a = await groupA();
    const ctx = await ctxOf(a.facilitator, a.group.slug);
    const waiting = await db.response.findFirstOrThrow({ where: { packId: a.p2.id }, select: { id: true } });
    await db.feedback.create({ data: { responseId: waiting.id, authorId: a.facilitator.id, body: "Good" } });
    // The day after: the letter mailed 22 October is now past half the turnaround.
    const tomorrow = new Date("2026-11-02T10:00:00Z");
    const items = await getGroupWeek(ctx, tomorrow);
    expect(brief(items)?.filter(([kind]) => kind === "feedback" || kind === "transcribe")).toEqual([
      ["feedback", 1, 1],
      ["transcribe", 1, 3],
    ]);
  });

  it("counts e-message members whose pack is not yet sent or bounced, and leads to the messages page", async () => {
    const group = await makeGroup();
    const facilitator = await makeFacilitator(group.id);
    const p1 = await addPack(group, 1, { publishedOn: "2026-10-29" });
    const [e1, e2, e3, e4] = [await addMember(group, "EMESSAGE"), await addMember(group, "EMESSAGE"), await addMember(group, "EMESSAGE"), await addMember(group, "EMESSAGE", "WITHDRAWN")];
    await deliver(p1, e1, "EMESSAGE", [["PREPARED", "2026-10-29"]]); // messages not sent yet
    await deliver(p1, e2, "EMESSAGE", [["MAILED", "2026-10-29"], ["RETURNED", "2026-10-30"]]); // bounced: send again
    await deliver(p1, e3, "EMESSAGE", [["MAILED", "2026-10-29"]]); // sent: nothing to do
    await deliver(p1, e4, "EMESSAGE", [["PREPARED", "2026-10-29"]]); // withdrawn: not counted
    const items = await getGroupWeek(await ctxOf(facilitator, group.slug), TODAY);
    expect(brief(items?.filter((i) => i.kind === "emessage") ?? null)).toEqual([["emessage", 1, 2]]);
    expect(items!.find((i) => i.kind === "emessage")!.href).toBe(`/groups/${group.slug}/packs/1/emessage`);
  });

  it("a quiet group shows nothing; other groups' work is not counted; only staff see it", async () => {
    const a = await groupA();
    const b = await groupB(a.group.organizationId);
    expect(brief(await getGroupWeek(await ctxOf(b.facilitator, b.group.slug), TODAY))).toEqual([["feedback", 1, 1]]);
    const empty = await makeGroup();
    const facilitator = await makeFacilitator(empty.id);
    expect(await getGroupWeek(await ctxOf(facilitator, empty.slug), TODAY)).toEqual([]);
    // The organization's organizer sees the week; a member does not.
    const organizer = await makeOrganizer(a.group.organizationId);
    expect((await getGroupWeek(await ctxOf(organizer, a.group.slug), TODAY))?.length).toBe(8);
    const member = await makeMember(a.group);
    expect(await getGroupWeek(await ctxOf(member.user!, a.group.slug), TODAY)).toBeNull();
  });

  it("sums up every group a person facilitates, and no other", async () => {
    const a = await groupA();
    const b = await groupB();
    const both = await makeUser();
    await makeFacilitator(a.group.id, both);
    await makeFacilitator(b.group.id, both);
    await makeOrganizer(a.group.organizationId, both); // organizing another group adds nothing
    await groupB(a.group.organizationId);
    const archived = await groupB();
    await makeFacilitator(archived.group.id, both);
    await db.group.update({ where: { id: archived.group.id }, data: { archivedAt: new Date() } });
    const summary = await getWeekSummary(both, TODAY);
    expect(summary.map((g) => [g.slug, g.items.length]).sort()).toEqual([[a.group.slug, 8], [b.group.slug, 1]].sort());
    expect(summary.find((g) => g.slug === b.group.slug)?.items[0]).toMatchObject({ kind: "feedback", count: 1, href: `/groups/${b.group.slug}/packs/1/responses` });
    expect(await getWeekSummary(await makeUser(), TODAY)).toEqual([]);
  });

  it("takes one statement for a group and two for a summary, however much data there is", async () => {
    const a = await groupA();
    const ctx = await ctxOf(a.facilitator, a.group.slug);
    const small = await counter.count(() => getGroupWeek(ctx, TODAY));
    const smallSummary = await counter.count(() => getWeekSummary(a.facilitator, TODAY));
    // Ten times the members, each with a delivery, an answer and a print run entry; two more groups.
    for (let i = 0; i < 20; i++) {
      const online = await addMember(a.group, "ONLINE");
      await deliver(a.p1, online, "ONLINE", [["DELIVERED", "2026-10-01"]]);
      await answer(a.p2, online, { prompts: 2, author: a.facilitator });
      const mail = await addMember(a.group, "MAIL");
      await deliver(a.p1, mail, "MAIL", [["MAILED", "2026-10-05"]]);
    }
    for (let i = 0; i < 2; i++) await makeFacilitator((await groupB()).group.id, a.facilitator);
    const large = await counter.count(() => getGroupWeek(ctx, TODAY));
    const largeSummary = await counter.count(() => getWeekSummary(a.facilitator, TODAY));
    expect(brief(large.result)?.find(([kind]) => kind === "feedback" && true)).toEqual(["feedback", 1, 1]);
    expect(brief(large.result)).toContainEqual(["feedback", 2, 41]);
    expect(brief(large.result)).toContainEqual(["transcribe", 1, 22]);
    expect(largeSummary.result).toHaveLength(3);
    expect([small.statements, large.statements]).toEqual([1, 1]);
    expect([smallSummary.statements, largeSummary.statements]).toEqual([2, 2]);
  });
});
