// The retention rules (docs/decisions/039), applied once a day by lib/jobs/retention-job.ts:
// - a print run's PDF goes `printRunRetentionDays` after the run finished (default 90); the run's
//   record stays, marked "PDF removed" with the reason, and the group can print it again;
// - a scan goes `scanRetentionDays` after it was uploaded (default 365; null keeps scans), with
//   its links; the response and its transcribed text stay;
// - sign-in attempts go by the throttle's own rules (lib/auth/throttle.ts: failures after a day,
//   successes after 30 days) even when nobody signs in to prune them;
// - stored files nothing points at go after a day (lib/retention/sweep.ts).
// Each organization's removals are one transaction with one audit entry; bytes after the rows.
import "server-only";
import { db } from "@/lib/db";
import { RULES } from "@/lib/auth/throttle";
import { writeAudit } from "@/lib/data/audit";
import { deleteStoredBytes, removePrintRunPdfs, removeScanFiles } from "@/lib/retention/stored-files";
import { SWEEP_GRACE_MS, sweepUnreferencedFiles, type SweepResult } from "@/lib/retention/sweep";

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionResult = { printRunPdfs: number; scans: number; signInAttempts: number } & SweepResult;

export async function applyRetention(now: Date = new Date(), graceMs: number = SWEEP_GRACE_MS): Promise<RetentionResult> {
  const result: RetentionResult = { printRunPdfs: 0, scans: 0, signInAttempts: 0, orphanBytes: 0, orphanRows: 0 };
  const organizations = await db.organization.findMany({ select: { id: true, printRunRetentionDays: true, scanRetentionDays: true } });
  for (const org of organizations) {
    const runsBefore = new Date(now.getTime() - org.printRunRetentionDays * DAY_MS);
    const scansBefore = org.scanRetentionDays === null ? null : new Date(now.getTime() - org.scanRetentionDays * DAY_MS);
    const { runKeys, scanKeys } = await db.$transaction(async (tx) => {
      const runs = await tx.printRun.findMany({
        where: { pack: { group: { organizationId: org.id } }, fileId: { not: null }, OR: [{ finishedAt: { lt: runsBefore } }, { finishedAt: null, createdAt: { lt: runsBefore } }] },
        select: { id: true },
      });
      const runKeys = await removePrintRunPdfs(tx, runs.map((r) => r.id), "RETENTION", now);
      const scans = scansBefore
        ? await tx.storedFile.findMany({ where: { organizationId: org.id, createdAt: { lt: scansBefore }, scans: { some: {} } }, select: { id: true } })
        : [];
      const scanKeys = await removeScanFiles(tx, scans.map((s) => s.id));
      if (runKeys.length + scanKeys.length > 0) {
        await writeAudit(tx, {
          organizationId: org.id,
          actorId: null,
          action: "retention.apply",
          entityType: "Organization",
          entityId: org.id,
          details: { printRunPdfs: runKeys.length, printRunRetentionDays: org.printRunRetentionDays, scans: scanKeys.length, scanRetentionDays: org.scanRetentionDays },
        });
      }
      return { runKeys, scanKeys };
    });
    result.printRunPdfs += runKeys.length;
    result.scans += scanKeys.length;
    await deleteStoredBytes([...runKeys, ...scanKeys], "retention");
  }

  const attempts = await db.signInAttempt.deleteMany({
    where: {
      OR: [
        { createdAt: { lt: new Date(now.getTime() - RULES.knownSourceDays * DAY_MS) } },
        { succeeded: false, createdAt: { lt: new Date(now.getTime() - RULES.failureWindowHours * 60 * 60 * 1000) } },
      ],
    },
  });
  result.signInAttempts = attempts.count;

  Object.assign(result, await sweepUnreferencedFiles(now, graceMs));
  return result;
}
