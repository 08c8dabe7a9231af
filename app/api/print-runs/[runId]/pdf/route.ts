// The merged PDF of a finished print run. It holds legal names, ID numbers and addresses, so
// only staff of the group may download it, and every download is written to the audit log
// (lib/data/print-runs.ts, printRunPdfForDownload).
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { printRunPdfForDownload } from "@/lib/data/print-runs";
import { storage } from "@/lib/storage";
import { fileResponse, fileNotFoundResponse } from "@/lib/files/http";

export const dynamic = "force-dynamic";

const notFound = fileNotFoundResponse;

export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return notFound();
  try {
    const file = await printRunPdfForDownload(user, (await params).runId);
    return fileResponse({ stream: await storage().get(file.storageKey), contentType: "application/pdf", filename: file.filename, byteSize: file.byteSize }, "attachment");
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
}
