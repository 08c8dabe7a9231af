// The print-run job: renders every mail member's pack into one PDF on local temporary disk
// (streamed, so memory stays flat for 500 members), stores it through the storage module, and
// keeps the PrintRun row up to date so the page can show progress. A failure is recorded with a
// reason a facilitator can act on; the run can then be started again. Someone of the group erased
// while the run was being made leaves the run without its PDF (docs/decisions/039).
//
// After the mail members come the by-post readings of e-message members who are owed them
// (docs/decisions/054); when the run is done, each one printed is recorded as mailed ("byPost"),
// so the e-message page shows it and the next run does not print it again.
import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { markCertificatesSentWithPack } from "@/lib/certificates/in-packs";
import { byPostForPrintRun, recordByPostPrinted } from "@/lib/data/by-post";
import { todayDate } from "@/lib/dates";
import { storeGeneratedFile } from "@/lib/data/scans";
import { renderPrintRun } from "@/lib/packs/pdf/render";
import { loadPrintData } from "@/lib/packs/print-data";
import { erasedInGroup } from "@/lib/retention/erased-in-group";
import { deleteStoredBytes, removePrintRunPdfs } from "@/lib/retention/stored-files";

/** How often progress is written: often enough for a live bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 400;

export async function runPrintRun(printRunId: string): Promise<void> {
  // Claim the run: only a queued one starts, so a duplicate job does nothing.
  const claimed = await db.printRun.updateMany({ where: { id: printRunId, status: "QUEUED" }, data: { status: "RUNNING", startedAt: new Date(), error: null } });
  if (claimed.count === 0) return;
  const run = await db.printRun.findUniqueOrThrow({
    where: { id: printRunId },
    select: { id: true, createdById: true, pack: { select: { id: true, number: true, group: { select: { id: true, slug: true, organizationId: true, organization: { select: { timeZone: true } } } } } } },
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-print-"));
  try {
    // Erasures in the group so far, counted before the data is read: one more by the time the PDF
    // is linked may be in it (as a member printed, or quoted under a pen name).
    const erasedBefore = await erasedInGroup(db, run.pack.group.id);
    const { pack, members } = await loadPrintData(run.pack.id, undefined, { files: true });
    const byPost = await byPostForPrintRun(run.pack.id, pack);
    const total = members.length + byPost.members.length;
    await db.printRun.update({ where: { id: run.id }, data: { total, done: 0 } });
    const file = path.join(dir, "run.pdf");
    let last = 0;
    const result = await renderPrintRun(pack, members, createWriteStream(file), async (done, total) => {
      if (Date.now() - last < PROGRESS_EVERY_MS && done < total) return;
      last = Date.now();
      await db.printRun.update({ where: { id: run.id }, data: { done, total } });
    }, { byPost });
    const stored = await storeGeneratedFile(run.pack.group.organizationId, "print-runs", "application/pdf", createReadStream(file), {
      filename: `${run.pack.group.slug}-pack-${run.pack.number}-print-run.pdf`,
      createdById: run.createdById,
    });
    const summary = result.members.map((m) => ({ ...m, problems: m.problems.length }));
    // Someone of the group erased while the run was being made may be in this PDF: keep the
    // record, not the file. The run's row is locked first, as erasure locks it
    // (lib/data/member-data.ts), so either the erasure sees this PDF linked and removes it, or
    // this sees the erasure.
    const erasedKey = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "PrintRun" WHERE "id" = ${run.id} FOR UPDATE`;
      const erasedSince = (await erasedInGroup(tx, run.pack.group.id)) > erasedBefore;
      await tx.printRun.update({ where: { id: run.id }, data: { status: "DONE", done: total, fileId: stored.id, finishedAt: new Date(), summary } });
      // Certificates printed with a member's pack (or by-post readings) have gone out with it (docs/decisions/047).
      const printed = new Set(result.members.filter((m) => m.pages > 0).map((m) => m.memberId));
      await markCertificatesSentWithPack(tx, [...members, ...byPost.members].filter((m) => printed.has(m.memberId)).flatMap((m) => (m.certificates ?? []).map((c) => c.id)), run.pack.id);
      // By-post readings printed are recorded as mailed, as the one-member button records them,
      // unless an erasure took the PDF away: then nothing was printed, and the next run takes them.
      if (!erasedSince) {
        const byPostPrinted = result.members.filter((m) => m.byPost && m.pages > 0).map((m) => m.memberId);
        await recordByPostPrinted(tx, { packId: run.pack.id, memberIds: byPostPrinted, occurredOn: todayDate(run.pack.group.organization.timeZone), actorId: run.createdById });
      }
      return erasedSince ? (await removePrintRunPdfs(tx, [run.id], "ERASURE"))[0] : undefined;
    });
    if (erasedKey) await deleteStoredBytes([erasedKey], "print run after an erasure");
  } catch (error) {
    console.error("print run failed", printRunId, error);
    const reason = error instanceof Error && error.message ? error.message.slice(0, 300) : "unknown error";
    // An UnreadableReadingError's message names the reading ("the PDF of the reading "…" could not be read").
    await db.printRun.update({ where: { id: run.id }, data: { status: "FAILED", error: `Something went wrong while making the PDF (${reason}).`, finishedAt: new Date() } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** People of the group whose data was erased; erasure cannot be undone, so the count only grows. */
