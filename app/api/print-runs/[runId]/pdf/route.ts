// The merged PDF of a finished print run. It holds legal names, ID numbers and addresses, so
// only staff of the group may download it, and every download is written to the audit log.
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { getPrintRun } from "@/lib/data/print-runs";
import { storage } from "@/lib/storage";
import { fileResponse, fileNotFoundResponse } from "@/lib/files/http";

export const dynamic = "force-dynamic";

const notFound = fileNotFoundResponse;

export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return notFound();
  try {
    const run = await getPrintRun(user, (await params).runId);
    if (run.status !== "DONE" || !run.fileId) return notFound();
    const file = await db.storedFile.findUniqueOrThrow({ where: { id: run.fileId }, select: { storageKey: true, filename: true, byteSize: true } });
    await writeAudit(db, { organizationId: run.organizationId, actorId: user.id, action: "printRun.download", entityType: "PrintRun", entityId: run.id });
    return fileResponse({ stream: await storage().get(file.storageKey), contentType: "application/pdf", filename: file.filename, byteSize: file.byteSize }, "attachment");
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
}
