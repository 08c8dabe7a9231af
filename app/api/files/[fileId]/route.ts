// Downloads of scans. Thin on purpose: who may see which file is decided in lib/data/scans.ts
// (openScanForDownload) and the safety headers in lib/files/http.ts. Not signed in, no such
// file, or not yours: the same 404, so the answer never tells that a file exists.
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { openScanForDownload } from "@/lib/data/scans";
import { fileNotFoundResponse, fileResponse } from "@/lib/files/http";

export const dynamic = "force-dynamic";

// Ids are cuids; anything else is not worth a database query.
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function GET(_request: Request, context: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await context.params;
  if (!FILE_ID.test(fileId)) return fileNotFoundResponse();
  const user = await getCurrentUser();
  if (!user) return fileNotFoundResponse();
  try {
    return fileResponse(await openScanForDownload(user, fileId));
  } catch (error) {
    if (error instanceof AppError) return fileNotFoundResponse();
    console.error("file download failed", error);
    return new Response("Something went wrong", { status: 500, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
  }
}
