// What a member should do next, for the home page: in each group where the caller is an online
// member with access, the published pack that needs them next (docs/decisions/027).
//
// "Next" is the unfinished published pack with the earliest due date (a pack without a due date
// comes after every dated one; ties by number), because that is the one whose date arrives first
// and the order in which the facilitator sent them. A pack is unfinished while one of its
// questions has no submitted answer; an autosaved draft is not an answer. A pack past its due
// date stays next until it is answered: late answers are welcome. Drafts of packs are never
// shown, and neither are groups the member has left (MEMBER_STATUSES_WITH_ACCESS) or archived
// groups. Mail members answer on paper, so only online enrolments count.
//
// Three queries (each a fixed number of statements) for all the caller's groups and packs.
import "server-only";
import { todayDate } from "@/lib/dates";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { MEMBER_STATUSES_WITH_ACCESS } from "@/lib/permissions";
import { daysBetween } from "@/lib/progress/cell-state";

export type PackStep = {
  number: number;
  title: string;
  dueDate: Date | null;
  /** The due date has passed (the due day itself is not past), as in the progress matrix. */
  pastDue: boolean;
  questions: number;
  answered: number;
  /** Questions with an autosaved draft and no submitted answer. */
  drafts: number;
  /** The first question without a submitted answer, in pack order; null when all are answered. */
  nextPromptId: string | null;
};

export type MemberGroupStep = { group: { slug: string; name: string } } & (
  | { kind: "waiting" }
  | { kind: "open"; next: PackStep; others: PackStep[] }
  | { kind: "done"; latest: PackStep }
);

/** The caller's next step in each group where they are an online member: groups with an open pack first (earliest due first), then all-answered, then waiting; by name among equals. */
export async function listMemberNextSteps(user: CurrentUser, today: Date = todayDate(user.timeZone ?? "UTC")): Promise<MemberGroupStep[]> {
  const membership = { person: { userId: user.id }, channel: "ONLINE" as const, status: { in: [...MEMBER_STATUSES_WITH_ACCESS] } };
  const inOpenGroup = { archivedAt: null, members: { some: membership } };
  const [memberships, packs, responses] = await Promise.all([
    db.member.findMany({
      where: { ...membership, group: { archivedAt: null } },
      select: { group: { select: { id: true, slug: true, name: true } } },
      orderBy: { group: { name: "asc" } },
    }),
    db.pack.findMany({
      where: { status: "PUBLISHED", group: inOpenGroup },
      select: {
        id: true,
        groupId: true,
        number: true,
        title: true,
        dueDate: true,
        lessons: { orderBy: { position: "asc" }, select: { lesson: { select: { prompts: { orderBy: { position: "asc" }, select: { id: true } } } } } },
      },
      orderBy: { number: "asc" },
    }),
    db.response.findMany({
      where: { member: membership, pack: { status: "PUBLISHED", group: inOpenGroup } },
      select: { packId: true, promptId: true, status: true, draftBody: true },
    }),
  ]);

  const submitted = new Set<string>();
  const drafted = new Set<string>();
  for (const r of responses) {
    const key = `${r.packId}:${r.promptId}`;
    if (r.status === "SUBMITTED") submitted.add(key);
    else if (r.draftBody !== null) drafted.add(key);
  }

  const stepsByGroup = new Map<string, PackStep[]>();
  for (const pack of packs) {
    const promptIds = pack.lessons.flatMap(({ lesson }) => lesson.prompts.map((p) => p.id));
    const isAnswered = (id: string) => submitted.has(`${pack.id}:${id}`);
    const step: PackStep = {
      number: pack.number,
      title: pack.title,
      dueDate: pack.dueDate,
      pastDue: pack.dueDate !== null && daysBetween(pack.dueDate, today) > 0,
      questions: promptIds.length,
      answered: promptIds.filter(isAnswered).length,
      drafts: promptIds.filter((id) => !isAnswered(id) && drafted.has(`${pack.id}:${id}`)).length,
      nextPromptId: promptIds.find((id) => !isAnswered(id)) ?? null,
    };
    stepsByGroup.set(pack.groupId, [...(stepsByGroup.get(pack.groupId) ?? []), step]);
  }

  const result = memberships.map(({ group }): MemberGroupStep => {
    const steps = stepsByGroup.get(group.id) ?? [];
    const where = { slug: group.slug, name: group.name };
    const latest = steps.at(-1);
    if (!latest) return { group: where, kind: "waiting" };
    const [next, ...others] = steps.filter((s) => s.nextPromptId !== null).sort(byDueThenNumber);
    if (!next) return { group: where, kind: "done", latest };
    return { group: where, kind: "open", next, others };
  });
  // Groups with work first, the most pressing first; then the answered ones, then the waiting
  // ones (memberships came by name, and the sort keeps that order among equals).
  const rank = { open: 0, done: 1, waiting: 2 } as const;
  const due = (s: MemberGroupStep) => (s.kind === "open" ? dueTime(s.next) : 0);
  return result.sort((a, b) => rank[a.kind] - rank[b.kind] || due(a) - due(b) || 0);
}

/** Undated packs come after every dated one. */
function dueTime(s: PackStep): number {
  return s.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
}

function byDueThenNumber(a: PackStep, b: PackStep): number {
  // Infinity - Infinity is NaN, which || passes over to the number.
  return dueTime(a) - dueTime(b) || a.number - b.number;
}
