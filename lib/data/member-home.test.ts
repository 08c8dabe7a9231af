// The member's next step on the home page, on data built here (exact results for each case of
// docs/decisions/027), and that its statement count does not grow with groups and packs.
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMemberNextSteps } from "@/lib/data/member-home";
import type { MemberStatus, Channel } from "@/lib/generated/prisma/enums";
import { makeGroup, makeMember, makeOrganization, makeUser } from "@/tests/factories";
import { makeLessonWithPrompts } from "@/tests/factories/pack";
import { statementCounter } from "@/tests/setup/statement-counter";

const counter = statementCounter({ asAppClient: true });

const TODAY = new Date("2026-03-12T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A group (named so the result's order is known) where `user` is a member. */
async function groupOf(user: CurrentUser, name: string, options: { channel?: Channel; status?: MemberStatus; archived?: boolean } = {}) {
  const organization = await makeOrganization();
  const group = await makeGroup(organization.id);
  await db.group.update({ where: { id: group.id }, data: { name, archivedAt: options.archived ? TODAY : null } });
  const { member } = await makeMember(group, { user, channel: options.channel, status: options.status });
  return { ...group, memberId: member.id };
}

/** A pack of one new lesson with `questions` prompts; published unless `draft`. */
async function packOf(group: { id: string; courseId: string }, number: number, options: { questions?: number; due?: string; draft?: boolean; title?: string } = {}) {
  const lesson = await makeLessonWithPrompts(group.courseId, options.questions ?? 2);
  const pack = await db.pack.create({
    data: {
      groupId: group.id,
      number,
      title: options.title ?? "",
      dueDate: options.due ? day(options.due) : null,
      status: options.draft ? "DRAFT" : "PUBLISHED",
      publishedAt: options.draft ? null : TODAY,
      lessons: { create: { lessonId: lesson.id, position: 1 } },
    },
    select: { id: true },
  });
  return { id: pack.id, prompts: lesson.prompts.map((p) => p.id) };
}

async function answer(memberId: string, pack: { id: string }, promptId: string, how: "submitted" | "draft" | "submittedWithDraft") {
  await db.response.create({
    data: {
      packId: pack.id,
      memberId,
      promptId,
      source: "ONLINE",
      status: how === "draft" ? "DRAFT" : "SUBMITTED",
      body: how === "draft" ? "" : "An answer.",
      version: how === "draft" ? 0 : 1,
      submittedAt: how === "draft" ? null : TODAY,
      draftBody: how === "submitted" ? null : "Still writing…",
      draftSavedAt: how === "submitted" ? null : TODAY,
    },
  });
}

const step = (s: Partial<{ number: number; title: string; dueDate: Date | null; pastDue: boolean; questions: number; answered: number; drafts: number; nextPromptId: string | null }>) => ({
  number: 1,
  title: "",
  dueDate: null,
  pastDue: false,
  questions: 2,
  answered: 0,
  drafts: 0,
  nextPromptId: null,
  ...s,
});

describe("listMemberNextSteps", () => {
  it("gives each group its next step: the earliest-due open pack (late or not), all answered, or waiting; groups with work first", async () => {
    const user = await makeUser();

    // No published pack yet: a draft pack is never shown.
    const waiting = await groupOf(user, "A waiting");
    await packOf(waiting, 1, { draft: true });

    // Every question of every pack answered (a resubmission being drafted is still answered).
    const done = await groupOf(user, "B done");
    const done1 = await packOf(done, 1);
    const done2 = await packOf(done, 2, { questions: 1 });
    for (const id of done1.prompts) await answer(done.memberId, done1, id, "submitted");
    await answer(done.memberId, done2, done2.prompts[0]!, "submittedWithDraft");

    // Several open packs: the earliest due first even when it is past due and not the lowest
    // number; an undated pack last; a draft pack and an answered pack left out.
    const open = await groupOf(user, "C open");
    const finished = await packOf(open, 1, { due: "2026-03-01", questions: 1 });
    await answer(open.memberId, finished, finished.prompts[0]!, "submitted");
    const undated = await packOf(open, 2, { questions: 1 });
    const late = await packOf(open, 3, { due: "2026-03-11", questions: 3, title: "Work and time" });
    await answer(open.memberId, late, late.prompts[0]!, "submitted");
    await answer(open.memberId, late, late.prompts[1]!, "draft");
    const dueToday = await packOf(open, 4, { due: "2026-03-12" });
    await packOf(open, 5, { due: "2026-03-01", draft: true });
    // Another member's answers are theirs, not the caller's.
    const other = await makeMember(open);
    for (const id of dueToday.prompts) await answer(other.member.id, dueToday, id, "submitted");

    // Left the group, archived, or a mail enrolment: nothing shown.
    const withdrawn = await groupOf(user, "D withdrawn", { status: "WITHDRAWN" });
    await packOf(withdrawn, 1, { due: "2026-03-01" });
    const moved = await groupOf(user, "E moved", { status: "MOVED" });
    await packOf(moved, 1);
    const archived = await groupOf(user, "F archived", { archived: true });
    await packOf(archived, 1);
    const mail = await groupOf(user, "G mail", { channel: "MAIL" });
    await packOf(mail, 1);
    // A paused member still has access and still sees what is next.
    const paused = await groupOf(user, "H paused", { status: "PAUSED" });
    const pausedPack = await packOf(paused, 1, { due: "2026-04-09" });

    const steps = await listMemberNextSteps(user, TODAY);
    const named = (group: { slug: string }, name: string) => ({ slug: group.slug, name });
    expect(steps).toEqual([
      {
        group: named(open, "C open"),
        kind: "open",
        next: step({ number: 3, title: "Work and time", dueDate: day("2026-03-11"), pastDue: true, questions: 3, answered: 1, drafts: 1, nextPromptId: late.prompts[1]! }),
        others: [
          step({ number: 4, dueDate: day("2026-03-12"), nextPromptId: dueToday.prompts[0]! }),
          step({ number: 2, questions: 1, nextPromptId: undated.prompts[0]! }),
        ],
      },
      { group: named(paused, "H paused"), kind: "open", next: step({ dueDate: day("2026-04-09"), nextPromptId: pausedPack.prompts[0]! }), others: [] },
      { group: named(done, "B done"), kind: "done", latest: step({ number: 2, questions: 1, answered: 1 }) },
      { group: named(waiting, "A waiting"), kind: "waiting" },
    ]);
  });

  it("shows nothing to someone who is no online member anywhere", async () => {
    expect(await listMemberNextSteps(await makeUser(), TODAY)).toEqual([]);
  });

  it("sends the same number of statements for one group with one pack as for four groups with three packs each", async () => {
    const small = await makeUser();
    const one = await groupOf(small, "Small");
    await packOf(one, 1, { due: "2026-03-20" });

    const large = await makeUser();
    for (let g = 0; g < 4; g++) {
      const group = await groupOf(large, `Large ${g}`);
      for (let n = 1; n <= 3; n++) {
        const pack = await packOf(group, n, { due: `2026-03-2${n}`, questions: 3 });
        await answer(group.memberId, pack, pack.prompts[0]!, "submitted");
        await answer(group.memberId, pack, pack.prompts[1]!, "draft");
      }
    }

    const a = await counter.count(() => listMemberNextSteps(small, TODAY));
    const b = await counter.count(() => listMemberNextSteps(large, TODAY));
    expect(a.result).toHaveLength(1);
    expect(b.result).toHaveLength(4);
    expect(b.result.map((s) => (s.kind === "open" ? [s.next.number, s.next.answered, s.next.drafts, s.others.length] : s.kind))).toEqual(Array(4).fill([1, 1, 1, 2]));
    expect(a.statements).toBeGreaterThan(0);
    expect(b.statements).toBe(a.statements);
  });
});
