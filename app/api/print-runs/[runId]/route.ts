// The state of a print run, polled by the page while the job works. Staff of the group only;
// anyone else gets a 404 with no hint that the run exists.
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getPrintRun } from "@/lib/data/print-runs";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "not found" }, { status: 404 });
  try {
    const run = await getPrintRun(user, (await params).runId);
    return Response.json(
      { id: run.id, status: run.status, done: run.done, total: run.total, error: run.error, fileId: run.fileId },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: "not found" }, { status: 404 });
    throw error;
  }
}
