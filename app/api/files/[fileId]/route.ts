// Downloads of scans. Thin on purpose: who may see which file is decided in lib/data/scans.ts
// (openScanForDownload asks lib/authz for the file's group) and the safety headers in
// lib/files/http.ts. Not signed in, no such file, or not yours: the same 404, so the answer
// never tells that a file exists.
import { z } from "zod";
import { openScanForDownload } from "@/lib/data/scans";
import { fileResponse } from "@/lib/files/http";
import { userRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

// Ids are cuids; anything else is not worth a database query.
const params = z.object({ fileId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export const GET = userRoute({ params }, async (user, { params: { fileId } }) => fileResponse(await openScanForDownload(user, fileId)));
