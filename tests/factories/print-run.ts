// A finished print run without rendering a PDF: its summary lists the members it printed (one
// envelope each) and those it left out, as lib/jobs/print-run-job.ts records them.
import { db } from "@/lib/db";
import { markRunAsMailed } from "@/lib/data/deliveries";
import type { GroupContext } from "@/lib/authz";

export async function makeDonePrintRun(packId: string, options: { printed?: string[]; leftOut?: string[] } = {}) {
  const printed =
    options.printed ??
    (await db.delivery.findMany({ where: { packId, channel: "MAIL", status: "PREPARED" }, select: { memberId: true } })).map((d) => d.memberId);
  const summary = [
    ...printed.map((memberId) => ({ memberId, envelopes: 1, pages: 4, problems: 0 })),
    ...(options.leftOut ?? []).map((memberId) => ({ memberId, envelopes: 0, pages: 0, problems: 1 })),
  ];
  return db.printRun.create({ data: { packId, status: "DONE", done: summary.length, total: summary.length, summary, finishedAt: new Date() }, select: { id: true } });
}

/** Every prepared mail delivery of the pack printed in one run, then marked as mailed on `occurredOn`. */
export async function printAndMarkMailed(ctx: GroupContext, { packNumber, occurredOn }: { packNumber: number; occurredOn: string }) {
  const pack = await db.pack.findFirstOrThrow({ where: { groupId: ctx.group.id, number: packNumber }, select: { id: true } });
  const run = await makeDonePrintRun(pack.id);
  return markRunAsMailed(ctx, { packNumber, runId: run.id, occurredOn });
}
