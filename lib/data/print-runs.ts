// Print runs of a pack: started by a facilitator, done by a background job (lib/jobs), followed
// by the page through their progress. One row per run; a failed run can be started again.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { loadGroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { enqueue, QUEUES } from "@/lib/jobs/queue";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

const runSelect = { id: true, status: true, done: true, total: true, error: true, fileId: true, createdAt: true, finishedAt: true } as const;

export type PrintRunView = { id: string; status: "QUEUED" | "RUNNING" | "DONE" | "FAILED"; done: number; total: number; error: string | null; fileId: string | null; createdAt: Date; finishedAt: Date | null };

async function publishedPack(ctx: GroupContext, packNumber: number) {
  if (!canInGroup(ctx.roles, "delivery.manage")) throw notFound();
  const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number: packNumber, status: "PUBLISHED" }, select: { id: true } });
  if (!pack) throw notFound();
  return pack;
}

export async function listPrintRuns(ctx: GroupContext, packNumber: number): Promise<PrintRunView[]> {
  const pack = await publishedPack(ctx, packNumber);
  return db.printRun.findMany({ where: { packId: pack.id }, orderBy: { createdAt: "desc" }, take: 5, select: runSelect });
}

/** Queues a print run of every active mail member of the pack. One at a time per pack. */
export async function startPrintRun(ctx: GroupContext, packNumber: number): Promise<PrintRunView> {
  const pack = await publishedPack(ctx, packNumber);
  const { run, created } = await db.$transaction(async (tx) => {
    // Two clicks (or two facilitators) at once start one run.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`print-run:${pack.id}`}))`;
    // A run still "running" after half an hour died with its process: let a new one start.
    await tx.printRun.updateMany({
      where: { packId: pack.id, status: { in: ["QUEUED", "RUNNING"] }, createdAt: { lt: new Date(Date.now() - 30 * 60_000) } },
      data: { status: "FAILED", error: "The run was interrupted (the server restarted). Start it again.", finishedAt: new Date() },
    });
    const active = await tx.printRun.findFirst({ where: { packId: pack.id, status: { in: ["QUEUED", "RUNNING"] } }, select: runSelect });
    if (active) return { run: active, created: false };
    const total = await tx.member.count({ where: { groupId: ctx.group.id, status: "ACTIVE", channel: "MAIL" } });
    return { run: await tx.printRun.create({ data: { packId: pack.id, total, createdById: ctx.user.id }, select: runSelect }), created: true };
  });
  if (!created) return run;
  try {
    await enqueue(QUEUES.printRun, { printRunId: run.id });
  } catch (error) {
    console.error("could not queue print run", error);
    return db.printRun.update({ where: { id: run.id }, data: { status: "FAILED", error: "The job queue did not answer. Try again in a moment." }, select: runSelect });
  }
  return run;
}

/** The state of one run, for the progress bar; only for staff of its group. */
export async function getPrintRun(user: CurrentUser, runId: string): Promise<PrintRunView & { groupSlug: string; organizationId: string }> {
  const run = await db.printRun.findUnique({ where: { id: runId }, select: { ...runSelect, pack: { select: { group: { select: { slug: true, organizationId: true } } } } } });
  if (!run) throw notFound();
  const ctx = await loadGroupContext(user, run.pack.group.slug);
  if (!ctx || !canInGroup(ctx.roles, "delivery.manage")) throw notFound();
  const { pack, ...view } = run;
  return { ...view, groupSlug: pack.group.slug, organizationId: pack.group.organizationId };
}
