// The merged PDF of a finished print run. It holds legal names, ID numbers and addresses, so
// only staff of the group may download it (lib/data/print-runs.ts asks lib/authz for the run's
// group), and every download is written to the audit log.
import { z } from "zod";
import { printRunPdfForDownload } from "@/lib/data/print-runs";
import { fileResponse } from "@/lib/files/http";
import { userRoute } from "@/lib/server/routes";
import { storage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const params = z.object({ runId: z.string().min(1).max(64) });

export const GET = userRoute({ params }, async (user, { params: { runId } }) => {
  const file = await printRunPdfForDownload(user, runId);
  return fileResponse({ stream: await storage().get(file.storageKey), contentType: "application/pdf", filename: file.filename, byteSize: file.byteSize }, "attachment");
});
