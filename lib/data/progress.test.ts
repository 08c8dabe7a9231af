// The progress pages' data against the real database: the matrix, the dashboard figures on a
// small known data set (exact numbers), the timeline, who may see what, hostile filters, and
// that the number of queries does not grow with the group.
import { describe, expect, it } from "vitest";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDashboard, histogramMedian } from "@/lib/data/dashboard";
import { getGroupProgress } from "@/lib/data/progress";
import { dayOf, gridSpec, makeProgressGroup, type MemberSpec } from "@/tests/factories/progress";
import { getMemberTimeline } from "@/lib/data/timeline";
import { parseProgressFilters } from "@/lib/progress/filters";
import { makeMember, makeUser } from "@/tests/factories";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { statementCounter } from "@/tests/setup/statement-counter";

// The app's own code runs through a client that counts its statements.
const counter = statementCounter({ asAppClient: true });
async function count<T>(work: () => Promise<T>): Promise<number> {
  return (await counter.count(work)).statements;
}

async function ctxOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

const TODAY = new Date("2026-11-25T10:00:00Z");
const known: MemberSpec[] = [
  { channel: "ONLINE", answers: [2, 5, null], feedback: [true, false, false] },
  { channel: "ONLINE", answers: [4, null, null] },
  { channel: "MAIL", facility: "North", answers: [10, null, null], refused: [null, { status: "REJECTED", reason: "Staples" }, null] },
  { channel: "MAIL", facility: "North", answers: [20, 30, null] },
  { channel: "MAIL", facility: "South", answers: [null, null, null], refused: [{ status: "RETURNED", reason: "Moved" }, null, null] },
];

describe("group progress", () => {
  it("gives each cell its state, and filters by channel, status, pack and facility", async () => {
    const s = await makeProgressGroup({ members: known, packs: 3, draftPacks: 1, expectedTurnaroundDays: 30 });
    const ctx = await ctxOf(s.facilitator, s.group.slug);
    const all = await getGroupProgress(ctx, {}, TODAY);
    expect(all.turnaroundDays).toBe(30);
    expect(all.packs.map((p) => [p.number, p.prompts, p.recipients, p.respondents])).toEqual([
      [1, 2, 5, 4],
      [2, 2, 5, 2],
      [3, 2, 5, 0],
    ]);
    expect(all.rows.map((r) => r.cells.map((c) => c.state))).toEqual([
      ["feedback", "answered", "sentOnline"],
      ["answered", "sentOnline", "sentOnline"],
      ["answered", "returned", "mailed"],
      ["answered", "answered", "mailed"],
      ["returned", "overdue", "mailed"],
    ]);
    expect(all.rows[2]!.cells[1]!.reason).toBe("Staples");
    expect(all.rows.map((r) => r.quiet)).toEqual([false, true, true, false, true]);
    expect(all.rows[0]!.member.legalName).toContain("Legal 1");
    expect(all.facilities.map((f) => f.name)).toEqual(["North", "South"]);

    const pens = async (params: Record<string, string>) => (await getGroupProgress(ctx, parseProgressFilters(params).filters, TODAY)).rows.map((r) => r.member.penName);
    expect(await pens({ status: "overdue" })).toEqual(["Pen 005"]);
    expect(await pens({ status: "unanswered", pack: "2" })).toEqual(["Pen 002", "Pen 003", "Pen 005"]);
    expect(await pens({ channel: "MAIL" })).toEqual(["Pen 003", "Pen 004", "Pen 005"]);
    expect(await pens({ status: "quiet" })).toEqual(["Pen 002", "Pen 003", "Pen 005"]);
    expect(await pens({ facility: s.facilities.get("North")! })).toEqual(["Pen 003", "Pen 004"]);

    const opened = await getGroupProgress(ctx, { open: 1 }, TODAY);
    expect(opened.openPack?.prompts.map((p) => p.label)).toEqual(["1.1", "1.2"]);
    expect(opened.rows[0]!.cells[0]!.prompts).toEqual([
      { promptId: s.promptIds[0]![0], answered: true, feedback: true },
      { promptId: s.promptIds[0]![1], answered: true, feedback: false },
    ]);
  });

  it("ignores naughty filter values and still shows the whole group", async () => {
    const s = await makeProgressGroup({ members: known.slice(0, 2), packs: 2 });
    const ctx = await ctxOf(s.facilitator, s.group.slug);
    for (const value of naughtyStrings) {
      const { filters, ignored } = parseProgressFilters({ channel: value, status: value, facility: value, pack: value, open: value });
      const result = await getGroupProgress(ctx, filters, TODAY);
      // A string that happens to be a valid id only narrows to an unknown facility.
      if (!filters.facility) expect(result.rows).toHaveLength(2);
      if (value !== "") expect(ignored.length + Object.keys(filters).length).toBeGreaterThan(0);
    }
  });

  it("is not found for members and for anyone outside the group", async () => {
    const s = await makeProgressGroup({ members: known.slice(0, 1), packs: 1 });
    const other = await makeProgressGroup({ members: known.slice(0, 1), packs: 1 });
    const { user } = await makeMember({ id: s.group.id, organizationId: s.group.organizationId });
    const memberCtx = await ctxOf(user!, s.group.slug);
    await expect(getGroupProgress(memberCtx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMemberTimeline(memberCtx, s.memberIds[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await loadGroupContext(other.facilitator, s.group.slug)).toBeNull();
    // Another group's member through this group's URL.
    const ctx = await ctxOf(s.facilitator, s.group.slug);
    await expect(getMemberTimeline(ctx, other.memberIds[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMemberTimeline(ctx, "nonexistent")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An organizer of another organization has no dashboard here.
    await expect(getDashboard(other.organizer, s.group.organizationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDashboard(await makeUser())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("pack window", () => {
  it("shows the latest packs, pages back and forth, and the export has every pack", async () => {
    const s = await makeProgressGroup({ members: gridSpec(4, 15), packs: 15 });
    const ctx = await ctxOf(s.facilitator, s.group.slug);
    const numbers = (d: Awaited<ReturnType<typeof getGroupProgress>>) => d.packs.map((p) => p.number);
    const latest = await getGroupProgress(ctx, {}, TODAY);
    expect(numbers(latest)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(latest.allPacks).toHaveLength(15);
    expect(latest.pager).toEqual({ earlier: 3, later: null });
    expect(latest.rows.every((r) => r.cells.map((c) => c.packNumber).join() === numbers(latest).join())).toBe(true);

    const earlier = await getGroupProgress(ctx, parseProgressFilters({ upto: "3" }).filters, TODAY);
    expect(numbers(earlier)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(earlier.pager).toEqual({ earlier: null, later: 15 });
    // An opened or filtered old pack is in the window without paging.
    expect(numbers(await getGroupProgress(ctx, { open: 2 }, TODAY))[0]).toBe(2);
    expect((await getGroupProgress(ctx, { pack: 1 }, TODAY)).packs[0]!.number).toBe(1);

    // The same cells whatever the window, and the CSV's rows (every pack) agree with both.
    const all = await getGroupProgress(ctx, {}, TODAY, { allPacks: true });
    expect(numbers(all)).toHaveLength(15);
    const states = (d: typeof all) => d.rows.map((r) => Object.fromEntries(r.cells.map((c) => [c.packNumber, c.state])));
    states(latest).forEach((row, i) => expect(states(all)[i]).toMatchObject(row));
    states(earlier).forEach((row, i) => expect(states(all)[i]).toMatchObject(row));

    // A status filter over any pack still looks at the packs outside the window.
    const old = all.rows.filter((r) => r.cells.some((c) => c.state === "returned")).map((r) => r.member.penName);
    expect((await getGroupProgress(ctx, { status: "returned" }, TODAY)).rows.map((r) => r.member.penName)).toEqual(old);
    expect(parseProgressFilters({ upto: "<script>" }).ignored).toEqual(["upto"]);
  });
});

describe("organization dashboard", () => {
  it("gives exact figures for a known group", async () => {
    const s = await makeProgressGroup({ members: known, packs: 3 });
    const d = await getDashboard(s.organizer);
    expect(d.organization.id).toBe(s.group.organizationId);
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0]).toMatchObject({
      activeMembers: 5,
      publishedPacks: 3,
      lessons: 3,
      lessonsCovered: 3,
      recipients: 15,
      respondents: 6,
      lastPack: { number: 3, recipients: 5, respondents: 0 },
      medianOnlineDays: 4,
      medianMailDays: 20,
      quiet: 3,
    });
    expect(d.turnaround).toEqual({
      ONLINE: [{ days: 2, cells: 1 }, { days: 4, cells: 1 }, { days: 5, cells: 1 }],
      MAIL: [{ days: 10, cells: 1 }, { days: 20, cells: 1 }, { days: 30, cells: 1 }],
      EMESSAGE: [],
    });
    expect(d.facilityIssues).toEqual([
      { facility: "North", status: "REJECTED", reason: "Staples", count: 1 },
      { facility: "South", status: "RETURNED", reason: "Moved", count: 1 },
    ]);
    const perPack = [
      { number: 1, recipients: 5, respondents: 4 },
      { number: 2, recipients: 5, respondents: 2 },
      { number: 3, recipients: 5, respondents: 0 },
    ];
    // Each group's rate per pack only for the CSV export, which asks for it.
    expect(d.groups[0]!.packRates).toBeUndefined();
    expect((await getDashboard(s.organizer, undefined, { perPack: true })).groups[0]!.packRates).toEqual(perPack);
    const intro = d.levels.find((l) => l.level === "INTRODUCTORY")!;
    expect(intro).toMatchObject({ groups: 1, activeMembers: 5, recipients: 15, respondents: 6, quiet: 3, medianOnlineDays: 4, medianMailDays: 20, packRates: perPack });
    expect(d.levels.find((l) => l.level === "ADVANCED")).toMatchObject({ groups: 0, medianOnlineDays: null });
  });

  it("takes the lower median of a histogram", () => {
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ days: 3, cells: 1 }, { days: 1, cells: 1 }])).toBe(1);
    expect(histogramMedian([{ days: 1, cells: 1 }, { days: 3, cells: 2 }])).toBe(3);
  });
});

describe("member timeline", () => {
  it("lists enrolment, deliveries, answers and feedback in order", async () => {
    const s = await makeProgressGroup({ members: known, packs: 2 });
    const ctx = await ctxOf(s.facilitator, s.group.slug);
    await db.personEvent.create({ data: { personId: s.personIds[2]!, memberId: s.memberIds[2]!, kind: "TRANSFERRED", occurredOn: dayOf(3), reason: "Moved by the state" } });
    const t = await getMemberTimeline(ctx, s.memberIds[2]!);
    expect(t.member.legalName).toContain("Legal 3");
    expect(t.member.facility).toBe("North");
    expect(t.total).toBe(t.items.length);
    const latest = await getMemberTimeline(ctx, s.memberIds[2]!, 3);
    expect(latest.total).toBe(8);
    expect(latest.items).toEqual(t.items.slice(-3));
    expect(t.items.map((i) => [i.kind, i.at.toISOString().slice(0, 10), "status" in i ? i.status : "event" in i ? i.event : ""])).toEqual([
      ["enrolled", "2026-09-01", ""],
      ["delivery", "2026-10-02", "MAILED"],
      ["personEvent", "2026-10-04", "TRANSFERRED"],
      ["delivery", "2026-10-12", "RESPONDED"],
      ["response", "2026-10-12", ""],
      ["response", "2026-10-12", ""],
      ["delivery", "2026-10-16", "MAILED"],
      ["delivery", "2026-10-20", "REJECTED"],
    ]);
  });
});

describe("query counts", () => {
  it("do not grow with members, packs or responses", async () => {
    const small = await makeProgressGroup({ members: gridSpec(4, 2), packs: 2 });
    const large = await makeProgressGroup({ members: gridSpec(40, 20), packs: 20 });
    const measure = async (s: typeof small) => {
      const ctx = await ctxOf(s.organizer, s.group.slug);
      return {
        progress: await count(() => getGroupProgress(ctx, { status: "unanswered" }, TODAY)),
        opened: await count(() => getGroupProgress(ctx, { open: 2 }, TODAY)),
        paged: await count(() => getGroupProgress(ctx, { upto: 1 }, TODAY)),
        csv: await count(() => getGroupProgress(ctx, {}, TODAY, { allPacks: true })),
        dashboard: await count(() => getDashboard(s.organizer)),
        dashboardCsv: await count(() => getDashboard(s.organizer, undefined, { perPack: true })),
        timeline: await count(() => getMemberTimeline(ctx, s.memberIds[1]!)),
        timelineLatest: await count(() => getMemberTimeline(ctx, s.memberIds[1]!, 5)),
      };
    };
    const a = await measure(small);
    const b = await measure(large);
    expect(a.progress).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
