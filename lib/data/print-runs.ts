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
import { writeAudit } from "@/lib/data/audit";
import { layoutPack } from "@/lib/packs/pdf/layout";
import { labelsFor } from "@/lib/packs/pdf/labels";
import { isBlocking, planFromLayout, planPack, type PackProblem } from "@/lib/packs/pdf/plan";
import { DEFAULT_POSTAGE, summarizePostage, type PostageSettings, type PostageSummary } from "@/lib/packs/postage";
import { loadPrintData } from "@/lib/packs/print-data";
import { scannedReadingReport } from "@/lib/data/scanned-readings";
import { byPostForPrintRun } from "@/lib/data/by-post";
import type { PrintMember, PrintPack } from "@/lib/packs/print-types";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

const runSelect = { id: true, status: true, done: true, total: true, error: true, fileId: true, createdAt: true, finishedAt: true, fileRemovedAt: true, fileRemovedReason: true } as const;

export type PrintRunView = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  done: number;
  total: number;
  error: string | null;
  fileId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** A done run whose PDF was deleted (after an erasure, or by retention; decision 039). */
  fileRemovedAt: Date | null;
  fileRemovedReason: "ERASURE" | "RETENTION" | null;
};

async function publishedPack(ctx: GroupContext, packNumber: number) {
  if (!canInGroup(ctx.roles, "delivery.manage")) throw notFound();
  const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number: packNumber, status: "PUBLISHED" }, select: { id: true } });
  if (!pack) throw notFound();
  return pack;
}

export type PrintRunPlan = {
  /** Every member a print run would take now (active mail members), in mailing order. */
  members: { memberId: string; name: string; problems: PackProblem[]; printed: boolean; envelopes: number[] }[];
  /** Members who will get an envelope, and those a blocking problem leaves out. */
  toPrint: number;
  leftOut: number;
  /**
   * E-message members whose by-post readings the run adds after the mail packs (decision 054),
   * planned the same way; their envelopes are in the postage.
   */
  byPost: { members: { memberId: string; name: string; problems: PackProblem[]; printed: boolean; envelopes: number[] }[]; toPrint: number; envelopes: number; leftOut: number };
  postage: PostageSummary;
  settings: PostageSettings;
};

/**
 * What a print run started now would print, for the print box: the members who will get an
 * envelope (active mail members whose pack fits their facility's rules), not every mail member,
 * with the sheets of each envelope and their postage. Planning is arithmetic on one shared
 * layout (lib/packs/pdf/plan.ts), so this is cheap for 500 members.
 */
export async function planPrintRun(ctx: GroupContext, packNumber: number): Promise<PrintRunPlan> {
  const pack = await publishedPack(ctx, packNumber);
  const print = await loadPrintData(pack.id);
  const byPostData = await byPostForPrintRun(pack.id, print.pack);
  const settings = print.pack.organization.postage ?? DEFAULT_POSTAGE;
  // Each member's pack in their language: a Spanish pack may take more pages (and postage).
  const planAll = (printPack: PrintPack, list: PrintMember[]) =>
    list.map((member) => {
      const plan = planFromLayout(layoutPack(printPack, labelsFor(member.locale)), member);
      const printed = !plan.problems.some(isBlocking);
      return { memberId: member.memberId, name: member.legalName, problems: plan.problems, printed, envelopes: printed ? plan.envelopes.map((e) => e.pages) : [] };
    });
  const members = planAll(print.pack, print.members);
  const byPostMembers = planAll(byPostData.pack, byPostData.members);
  const toPrint = members.filter((m) => m.printed).length;
  const byPostToPrint = byPostMembers.filter((m) => m.printed);
  return {
    members,
    toPrint,
    leftOut: members.length - toPrint,
    byPost: { members: byPostMembers, toPrint: byPostToPrint.length, envelopes: byPostToPrint.reduce((sum, m) => sum + m.envelopes.length, 0), leftOut: byPostMembers.length - byPostToPrint.length },
    postage: summarizePostage([...members, ...byPostMembers].flatMap((m) => m.envelopes), settings),
    settings,
  };
}

export async function listPrintRuns(ctx: GroupContext, packNumber: number): Promise<PrintRunView[]> {
  const pack = await publishedPack(ctx, packNumber);
  return db.printRun.findMany({ where: { packId: pack.id }, orderBy: { createdAt: "desc" }, take: 5, select: runSelect });
}

/** Queues a print run of every active mail member of the pack. One at a time per pack. */
export async function startPrintRun(ctx: GroupContext, packNumber: number): Promise<PrintRunView> {
  const pack = await publishedPack(ctx, packNumber);
  // A scanned reading for a facility that forbids images is decided first (scanned-readings.ts).
  if ((await scannedReadingReport({ id: pack.id, groupId: ctx.group.id })).some((item) => item.choice === null)) {
    throw new AppError("CONFLICT", "mail.errors.scannedUndecided");
  }
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

/** A finished run's merged PDF, for download. It holds legal names, ID numbers and addresses: staff of the group only, and the download is recorded. */
export async function printRunPdfForDownload(user: CurrentUser, runId: string): Promise<{ storageKey: string; filename: string; byteSize: number }> {
  const run = await getPrintRun(user, runId);
  if (run.status !== "DONE" || !run.fileId) throw notFound();
  const file = await db.storedFile.findUniqueOrThrow({ where: { id: run.fileId }, select: { storageKey: true, filename: true, byteSize: true } });
  await writeAudit(db, { organizationId: run.organizationId, actorId: user.id, action: "printRun.download", entityType: "PrintRun", entityId: run.id });
  return file;
}

export type MemberPackPdf = { blocked: true } | { blocked: false; packNumber: number; memberId: string; pack: PrintPack; member: PrintMember };

/**
 * One mail member's pack, ready to render (to reprint a returned or rejected pack). Planned
 * first: a pack that cannot fit is `blocked` (nothing shown, nothing recorded); otherwise the
 * download of the member's legal name, ID number and address is recorded.
 */
export async function memberPackPdfForDownload(ctx: GroupContext, packNumber: number, memberId: string): Promise<MemberPackPdf> {
  const pack = await publishedPack(ctx, packNumber);
  const member = await db.member.findFirst({ where: { id: memberId, groupId: ctx.group.id, channel: "MAIL" }, select: { id: true, personId: true } });
  if (!member) throw notFound();
  const data = await loadPrintData(pack.id, [member.id], { files: true });
  const printMember = data.members[0];
  if (!printMember) throw notFound();
  if (planPack(data.pack, printMember).problems.some(isBlocking)) return { blocked: true };
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "packPdf.download", entityType: "Member", entityId: member.id, groupId: ctx.group.id, personId: member.personId });
  return { blocked: false, packNumber, memberId: member.id, pack: data.pack, member: printMember };
}
