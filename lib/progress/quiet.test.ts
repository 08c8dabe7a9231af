// Quiet members: one rule, in SQL (prisma/sql/functions/progress_is_quiet.sql), read three ways —
// the progress matrix marks each member (lib/data/progress.ts), the dashboard's count is kept up to
// date member by member as answers come and go (progress_group_quiet_moved, on the submit path),
// and recounted when members, packs or deletes change it (progress_group_quiet). The examples say
// what the rule is; the property says the three readings agree whatever happens to a group.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadGroupContext } from "@/lib/authz";
import { db } from "@/lib/db";
import { getGroupProgress } from "@/lib/data/progress";
import type { MemberStatus } from "@/lib/generated/prisma/enums";
import { makeFacilitator, makeGroup, makeMember } from "@/tests/factories";
import { makeLessonWithPrompts } from "@/tests/factories/pack";

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 9, 1);
const dayOf = (n: number) => new Date(BASE + n * DAY);

async function isQuiet(status: MemberStatus, joinedDay: number, lastAnswered: number | null, pack: { number: number; day: number | null } | null) {
  const rows = await db.$queryRaw<{ quiet: boolean }[]>`
    SELECT progress_is_quiet(${status}::"MemberStatus", ${dayOf(joinedDay)}::timestamp, ${lastAnswered}::int,
                             ${pack?.number ?? null}::int, ${pack?.day == null ? null : dayOf(pack.day)}::timestamp) AS quiet`;
  return rows[0]!.quiet;
}

describe("the quiet rule", () => {
  // Packs 1, 2, 3 published on days 0, 14, 28: the second-latest is pack 2.
  const second = { number: 2, day: 14 };
  it("is an active member who answered neither of the last two published packs", async () => {
    expect(await isQuiet("ACTIVE", -30, null, second)).toBe(true);
    expect(await isQuiet("ACTIVE", -30, 1, second)).toBe(true);
    expect(await isQuiet("ACTIVE", -30, 2, second)).toBe(false);
    expect(await isQuiet("ACTIVE", -30, 3, second)).toBe(false);
  });

  it("is not a paused or withdrawn member, one who joined after the second-latest pack, or anyone before two packs", async () => {
    expect(await isQuiet("PAUSED", -30, null, second)).toBe(false);
    expect(await isQuiet("WITHDRAWN", -30, null, second)).toBe(false);
    expect(await isQuiet("ACTIVE", 14, null, second)).toBe(true); // joined the day it was published
    expect(await isQuiet("ACTIVE", 15, null, second)).toBe(false);
    expect(await isQuiet("ACTIVE", -30, null, null)).toBe(false);
    expect(await isQuiet("ACTIVE", -30, null, { number: 2, day: null })).toBe(false);
  });

  it("counts from the second-latest published pack, not from drafts", async () => {
    const group = await makeGroup();
    const pack = async (number: number, published: boolean) => {
      const lesson = await makeLessonWithPrompts(group.courseId, 1);
      await db.pack.create({
        data: { groupId: group.id, number, status: published ? "PUBLISHED" : "DRAFT", publishedAt: published ? dayOf(number * 14) : null, lessons: { create: { lessonId: lesson.id, position: 1 } } },
      });
    };
    const quietPack = () => db.$queryRaw<{ number: number }[]>`SELECT "number" FROM progress_quiet_pack(${group.id})`;
    await pack(1, true);
    expect(await quietPack()).toEqual([]);
    await pack(2, true);
    await pack(3, true);
    await pack(4, false);
    expect(await quietPack()).toEqual([{ number: 2 }]);
  });
});

// ─────────────── the property: matrix = kept count = recount ───────────────

type MemberPlan = { status: MemberStatus; joinedDay: number; answers: boolean[] };
const PACKS = 4;
const statusArb = fc.constantFrom<MemberStatus>("ACTIVE", "ACTIVE", "ACTIVE", "PAUSED", "WITHDRAWN", "COMPLETED");
const planArb = fc.record({
  // Packs 1..published are published (on days 0, 14, 28, …), the rest drafts until a "publish" event.
  published: fc.integer({ min: 0, max: PACKS }),
  members: fc.array(
    fc.record({ status: statusArb, joinedDay: fc.integer({ min: -20, max: 50 }), answers: fc.array(fc.boolean(), { minLength: PACKS, maxLength: PACKS }) }),
    { minLength: 1, maxLength: 5 },
  ),
  events: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("answer" as const), member: fc.nat(4), pack: fc.nat(PACKS - 1) }),
      fc.record({ kind: fc.constant("withdraw" as const), member: fc.nat(4), pack: fc.nat(PACKS - 1) }),
      fc.record({ kind: fc.constant("status" as const), member: fc.nat(4), status: statusArb }),
      fc.record({ kind: fc.constant("publish" as const) }),
    ),
    { maxLength: 6 },
  ),
});

async function makeGroupFrom(plan: { published: number; members: MemberPlan[] }) {
  const group = await makeGroup();
  const facilitator = await makeFacilitator(group.id);
  const packs: { id: string; promptId: string }[] = [];
  for (let n = 1; n <= PACKS; n++) {
    const lesson = await makeLessonWithPrompts(group.courseId, 1);
    const published = n <= plan.published;
    const pack = await db.pack.create({
      data: { groupId: group.id, number: n, status: published ? "PUBLISHED" : "DRAFT", publishedAt: published ? dayOf(14 * (n - 1)) : null, lessons: { create: { lessonId: lesson.id, position: 1 } } },
      select: { id: true },
    });
    packs.push({ id: pack.id, promptId: lesson.prompts[0]!.id });
  }
  const members: string[] = [];
  for (const m of plan.members) {
    const { member } = await makeMember(group, { user: null, status: m.status });
    await db.member.update({ where: { id: member.id }, data: { joinedAt: dayOf(m.joinedDay) } });
    members.push(member.id);
  }
  /** A submitted answer of a member to a pack (0-based); the rollup triggers run as for any write. */
  const answer = (memberId: string, pack: number) =>
    db.response.upsert({
      where: { packId_memberId_promptId: { packId: packs[pack]!.id, memberId, promptId: packs[pack]!.promptId } },
      create: { packId: packs[pack]!.id, memberId, promptId: packs[pack]!.promptId, source: "ONLINE", status: "SUBMITTED", body: "An answer", version: 1, submittedAt: new Date() },
      update: {},
    });
  for (const [i, m] of plan.members.entries()) {
    for (const [pack, answered] of m.answers.entries()) if (answered && pack < plan.published) await answer(members[i]!, pack);
  }
  const ctx = (await loadGroupContext(facilitator, group.slug))!;
  return { group, packs, members, ctx, answer };
}

describe("quiet members, read three ways", () => {
  it("the matrix's marks, the dashboard's kept count and a recount agree after every change", async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const s = await makeGroupFrom(plan);
        let published = plan.published;
        const readings = async () => {
          const matrix = await getGroupProgress(s.ctx, {}, dayOf(100));
          const kept = await db.progressGroup.findUnique({ where: { groupId: s.group.id }, select: { quiet: true } });
          const [recount] = await db.$queryRaw<{ n: number }[]>`SELECT progress_group_quiet(${s.group.id}) AS n`;
          const filtered = await getGroupProgress(s.ctx, { status: "quiet" }, dayOf(100));
          return { marked: matrix.rows.filter((r) => r.quiet).length, filtered: filtered.rows.length, kept: kept?.quiet ?? 0, recount: recount!.n };
        };
        const agree = async () => {
          const r = await readings();
          expect(r).toEqual({ marked: r.recount, filtered: r.recount, kept: r.recount, recount: r.recount });
        };

        await agree();
        for (const event of plan.events) {
          const member = s.members[event.kind === "publish" ? 0 : event.member % s.members.length]!;
          if (event.kind === "answer" && event.pack < published) await s.answer(member, event.pack);
          if (event.kind === "withdraw") await db.response.deleteMany({ where: { memberId: member, packId: s.packs[event.pack]!.id } });
          if (event.kind === "status") await db.member.update({ where: { id: member }, data: { status: event.status } });
          if (event.kind === "publish" && published < PACKS) {
            await db.pack.update({ where: { id: s.packs[published]!.id }, data: { status: "PUBLISHED", publishedAt: dayOf(14 * published) } });
            published++;
          }
          await agree();
        }
      }),
      { numRuns: 25 },
    );
  });

  it("counts quiet members on the dashboard's row and marks the same members in the matrix", async () => {
    // Three packs published, so the second-latest is pack 2: of three active members, the one
    // who answered it is not quiet; the one who answered only pack 1 is.
    const s = await makeGroupFrom({
      published: 3,
      members: [
        { status: "ACTIVE", joinedDay: -10, answers: [true, false, false, false] },
        { status: "ACTIVE", joinedDay: -10, answers: [false, true, false, false] },
        { status: "ACTIVE", joinedDay: -10, answers: [false, false, false, false] },
      ],
    });
    const matrix = await getGroupProgress(s.ctx, {}, dayOf(100));
    expect(Object.fromEntries(matrix.rows.map((r) => [r.member.id, r.quiet]))).toEqual({ [s.members[0]!]: true, [s.members[1]!]: false, [s.members[2]!]: true });
    expect(await db.progressGroup.findUniqueOrThrow({ where: { groupId: s.group.id }, select: { quiet: true } })).toEqual({ quiet: 2 });
  });
});
