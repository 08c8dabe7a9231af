// The state of a print run, polled by the page while the job works. Staff of the group only
// (lib/data/print-runs.ts asks lib/authz for the run's group); anyone else gets a 404 with no
// hint that the run exists.
import { z } from "zod";
import { getPrintRun } from "@/lib/data/print-runs";
import { userRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

const params = z.object({ runId: z.string().min(1).max(64) });

export const GET = userRoute({ params, answer: "json" }, async (user, { params: { runId } }) => {
  const run = await getPrintRun(user, runId);
  return Response.json(
    { id: run.id, status: run.status, done: run.done, total: run.total, error: run.error, fileId: run.fileId },
    { headers: { "Cache-Control": "no-store" } },
  );
});
